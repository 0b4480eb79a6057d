// rscls: Show Boundary Graph runs `rscls graph` and shows its Mermaid
// output. No vscode import, so that it can be tested with a stand-in binary.

import { execFile } from 'node:child_process';

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Set when the binary could not be started at all (ENOENT, EACCES). */
  spawnError?: Error;
}

export type Runner = (file: string, args: string[], cwd: string) => Promise<RunResult>;

/** The arguments of the graph command for a project folder. */
export function graphArgs(folder: string): string[] {
  return ['graph', '--format', 'mermaid', folder];
}

/**
 * boundaryGraphMarkdown runs the binary's graph command on the folder and
 * wraps its output in a mermaid fence. When the command fails, the error
 * carries what the binary printed, so that the user sees the binary's own
 * explanation (an unknown command, a broken rscls.json, ...).
 */
export async function boundaryGraphMarkdown(binary: string, folder: string, run: Runner = runFile): Promise<string> {
  const result = await run(binary, graphArgs(folder), folder);
  if (result.spawnError) {
    throw new Error(`Could not run ${binary}: ${result.spawnError.message}`);
  }
  if (result.code !== 0) {
    const said = result.stderr.trim() || result.stdout.trim() || `exit status ${result.code}`;
    throw new Error(`rscls graph failed: ${said}`);
  }
  const body = result.stdout.endsWith('\n') ? result.stdout : result.stdout + '\n';
  return '```mermaid\n' + body + '```\n';
}

/** runFile runs a binary without a shell and collects its output. */
export const runFile: Runner = (file, args, cwd) =>
  new Promise((resolve) => {
    execFile(file, args, { cwd, maxBuffer: 64 * 1024 * 1024, windowsHide: true }, (error, stdout, stderr) => {
      if (error && typeof (error as NodeJS.ErrnoException).code === 'string') {
        resolve({ code: null, stdout, stderr, spawnError: error });
        return;
      }
      const code = error ? ((error as { code?: number | null }).code ?? null) : 0;
      resolve({ code, stdout, stderr });
    });
  });
