// npm run package: builds the .vsix files with vsce.
//
// Without binaries in bin/, one universal package (rscls-<version>.vsix)
// that runs the rscls found through RSCLS_PATH, rscls.server.path or PATH.
// With bin/<target>/ folders (scripts/build-binaries.sh), one package per
// target (rscls-<target>-<version>.vsix), each holding only its own binary:
// VS Code installs the one that matches the machine.
//
// Extra arguments go to every vsce call (npm run package -- --out dist/).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const targets = ['linux-x64', 'linux-arm64', 'darwin-x64', 'darwin-arm64', 'win32-x64'];
const extra = process.argv.slice(2);
// vsce asks whether to go on without a licence file, which would stop a
// build without a terminal; the project has none yet.
if (!['LICENSE', 'LICENSE.md', 'LICENSE.txt'].some((f) => existsSync(path.join(root, f)))) {
  extra.push('--skip-license');
}

const binDir = path.join(root, 'bin');
const present = existsSync(binDir) ? readdirSync(binDir) : [];
const unknown = present.filter((d) => !targets.includes(d));
if (unknown.length > 0) {
  fail(`bin/ holds ${unknown.join(', ')}, which is not a target (${targets.join(', ')})`);
}
const built = targets.filter((t) => {
  const exe = path.join(binDir, t, t.startsWith('win32') ? 'rscls.exe' : 'rscls');
  return existsSync(exe);
});

// Each vsce call runs `npm run vscode:prepublish` (type check and bundle)
// first. out/extension.js already holds vscode-languageclient, so vsce is
// told not to add node_modules (--no-dependencies).
const scratch = mkdtempSync(path.join(tmpdir(), 'rscls-vsix-'));
let error;
try {
  if (built.length === 0) {
    run(['package', '--no-dependencies', ...extra]);
  }
  for (const target of built) {
    run(['package', '--no-dependencies', '--target', target, ...ignoreFile(target), ...extra]);
  }
} catch (err) {
  error = err;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
if (error) {
  fail(error.message);
}

/**
 * ignoreFile writes .vscodeignore with its `!bin/**` narrowed to the
 * target's folder, and returns vsce's option to use it. (In vsce's ignore
 * files a negation wins over every exclusion, whatever their order, so the
 * other targets cannot be excluded after the fact.)
 */
function ignoreFile(target) {
  const base = readFileSync(path.join(root, '.vscodeignore'), 'utf8');
  const lines = base.split('\n');
  const i = lines.findIndex((l) => l.trim() === '!bin/**');
  if (i < 0) {
    throw new Error('.vscodeignore has no "!bin/**" line to narrow to one target');
  }
  lines[i] = `!bin/${target}/**`;
  const file = path.join(scratch, `vscodeignore-${target}`);
  writeFileSync(file, lines.join('\n'));
  return ['--ignoreFile', file];
}

function run(args) {
  const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  console.log(`vsce ${args.join(' ')}`);
  const res = spawnSync(process.execPath, [vsce, ...args], { cwd: root, stdio: 'inherit' });
  if (res.status !== 0) {
    throw new Error(`vsce ${args.join(' ')} failed`);
  }
}

function fail(message) {
  console.error(`package: ${message}`);
  process.exit(1);
}
