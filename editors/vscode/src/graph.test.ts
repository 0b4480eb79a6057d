import * as assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { boundaryGraphMarkdown, graphArgs, runFile, type Runner } from './graph';

describe('boundaryGraphMarkdown', () => {
  it('runs the graph command on the folder and fences its output', async () => {
    const calls: unknown[] = [];
    const run: Runner = async (file, args, cwd) => {
      calls.push({ file, args, cwd });
      return { code: 0, stdout: 'flowchart LR\n  a --> b', stderr: '' };
    };
    const md = await boundaryGraphMarkdown('/bin/rscls', '/work/app', run);
    assert.deepEqual(calls, [{ file: '/bin/rscls', args: ['graph', '--format', 'mermaid', '/work/app'], cwd: '/work/app' }]);
    assert.equal(md, '```mermaid\nflowchart LR\n  a --> b\n```\n');
  });

  it('shows what the binary printed when it fails', async () => {
    const run: Runner = async () => ({ code: 2, stdout: '', stderr: 'rscls: unknown command "graph"\n\nUsage: ...\n' });
    await assert.rejects(boundaryGraphMarkdown('/bin/rscls', '/w', run), /unknown command "graph"/);
  });

  it('says when the binary cannot be started', async () => {
    const run: Runner = async () => ({ code: null, stdout: '', stderr: '', spawnError: new Error('spawn /x ENOENT') });
    await assert.rejects(boundaryGraphMarkdown('/x', '/w', run), /Could not run \/x: spawn \/x ENOENT/);
  });
});

describe('runFile', { skip: process.platform === 'win32' }, () => {
  // A stand-in for the binary: prints its arguments, fails on demand.
  const dir = mkdtempSync(path.join(tmpdir(), 'rscls-graph-'));
  const fake = path.join(dir, 'rscls');
  writeFileSync(fake, '#!/bin/sh\nif [ "$RSCLS_FAIL" = 1 ]; then echo "bad project" >&2; exit 2; fi\necho "flowchart LR"\necho "%% $*"\n');
  chmodSync(fake, 0o755);

  it('collects the output of a real process', async () => {
    const md = await boundaryGraphMarkdown(fake, dir, runFile);
    assert.equal(md, '```mermaid\nflowchart LR\n%% ' + graphArgs(dir).join(' ') + '\n```\n');
  });

  it('reports the exit status and standard error', async () => {
    process.env.RSCLS_FAIL = '1';
    try {
      const res = await runFile(fake, [], dir);
      assert.equal(res.code, 2);
      assert.equal(res.stderr, 'bad project\n');
      await assert.rejects(boundaryGraphMarkdown(fake, dir, runFile), /rscls graph failed: bad project/);
    } finally {
      delete process.env.RSCLS_FAIL;
    }
  });

  it('reports a missing binary as such', async () => {
    const res = await runFile(path.join(dir, 'missing'), [], dir);
    assert.ok(res.spawnError);
  });
});
