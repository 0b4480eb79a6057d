// Finding the rscls binary. This module does not import vscode: the
// extension passes in what it reads from the environment, the settings and
// the file system, so that the order of the candidates can be tested
// without an editor.

import * as path from 'node:path';

export interface ResolveInput {
  /** The extension host's environment (RSCLS_PATH, PATH). */
  env: Readonly<Record<string, string | undefined>>;
  /** The rscls.server.path setting; empty or undefined when unset. */
  settingPath: string | undefined;
  /** vscode.workspace.isTrusted: an untrusted workspace may not choose the binary. */
  trusted: boolean;
  /** Where the extension is installed; bundled binaries live under bin/. */
  extensionPath: string;
  /** process.platform and process.arch. */
  platform: string;
  arch: string;
  homedir: string;
  /** Whether p names an existing regular file. */
  isFile(p: string): boolean;
}

export type ServerSource = 'env' | 'setting' | 'bundled' | 'path';

export type Resolution =
  | { kind: 'found'; path: string; source: ServerSource; notes: string[] }
  /** A binary was named (RSCLS_PATH or the setting) but is unusable. */
  | { kind: 'invalid'; source: 'env' | 'setting'; message: string; notes: string[] }
  | { kind: 'notFound'; message: string; notes: string[] };

export const SETTING = 'rscls.server.path';
export const ENV_VAR = 'RSCLS_PATH';

/** The binary's file name on a platform. */
export function binaryName(platform: string): string {
  return platform === 'win32' ? 'rscls.exe' : 'rscls';
}

/** The folder of the extension, relative to its root, that holds the binary for a platform. */
export function bundledDir(platform: string, arch: string): string {
  return `bin/${platform}-${arch}`;
}

/**
 * resolveServerPath picks the binary: RSCLS_PATH, then rscls.server.path
 * (trusted workspaces only), then the binary bundled for this platform,
 * then rscls on PATH. A binary named explicitly that does not exist is an
 * error rather than a reason to fall back, so that a typo in the setting
 * does not silently run another version.
 */
export function resolveServerPath(input: ResolveInput): Resolution {
  const p = input.platform === 'win32' ? path.win32 : path.posix;
  const notes: string[] = [];

  const named = (source: 'env' | 'setting', label: string, value: string): Resolution => {
    const expanded = expandHome(value.trim(), input.homedir, p);
    if (!p.isAbsolute(expanded)) {
      return { kind: 'invalid', source, message: `${label} must be an absolute path, not "${value}".`, notes };
    }
    if (!input.isFile(expanded)) {
      return { kind: 'invalid', source, message: `${label} is "${value}", which is not a file.`, notes };
    }
    return { kind: 'found', path: expanded, source, notes };
  };

  const fromEnv = input.env[ENV_VAR];
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    return named('env', `The ${ENV_VAR} environment variable`, fromEnv);
  }

  const setting = input.settingPath?.trim() ?? '';
  if (setting !== '') {
    if (input.trusted) {
      return named('setting', `The ${SETTING} setting`, setting);
    }
    notes.push(`${SETTING} is ignored because the workspace is not trusted.`);
  }

  const name = binaryName(input.platform);
  const bundled = p.join(input.extensionPath, ...bundledDir(input.platform, input.arch).split('/'), name);
  if (input.isFile(bundled)) {
    return { kind: 'found', path: bundled, source: 'bundled', notes };
  }

  for (const dir of searchPath(input.env, input.platform, p)) {
    const candidate = p.join(dir, name);
    if (input.isFile(candidate)) {
      return { kind: 'found', path: candidate, source: 'path', notes };
    }
  }

  return {
    kind: 'notFound',
    message:
      `The rscls language server was not found: this extension bundles no binary for ${input.platform}-${input.arch} ` +
      `and there is no ${name} on PATH. Set ${SETTING} to its location, or download it.`,
    notes,
  };
}

/** expandHome replaces a leading ~ by the home directory. */
export function expandHome(value: string, homedir: string, p: path.PlatformPath = path.posix): string {
  if (value === '~') {
    return homedir;
  }
  if (value.startsWith('~/') || (p === path.win32 && value.startsWith('~\\'))) {
    return p.join(homedir, value.slice(2));
  }
  return value;
}

/** searchPath lists the directories of PATH (Path on Windows, whose variables ignore case). */
function searchPath(env: ResolveInput['env'], platform: string, p: path.PlatformPath): string[] {
  let value = env.PATH;
  if (platform === 'win32') {
    const key = Object.keys(env).find((k) => k.toUpperCase() === 'PATH');
    value = key === undefined ? undefined : env[key];
  }
  return (value ?? '')
    .split(p.delimiter)
    .map((dir) => (platform === 'win32' ? dir.replace(/^"(.*)"$/, '$1') : dir))
    .filter((dir) => dir !== '' && p.isAbsolute(dir));
}
