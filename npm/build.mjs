// Builds the npm packages into build/npm/ of the repository, as `npm pack`
// tarballs ready to install or publish:
//
//   rscls-<version>.tgz                the rscls command (bin/rscls, a Node launcher)
//   rscls-<target>-<version>.tgz       @rscls/<target>: the binary for one platform
//
//   node npm/build.mjs                           every target the C compilers here allow
//   TARGETS="linux-x64 win32-x64" node npm/build.mjs
//
// The binaries come from scripts/build-binaries.sh (TARGETS, GO, ZIG and
// CC_<TARGET> go through to it; it says which compilers it uses). The
// version is the VS Code extension's (editors/vscode/package.json), so the
// extension, the npm packages and `rscls version` all carry one number;
// VERSION overrides it (for a pre-release: VERSION=0.2.0-rc.1).
//
// The main package names every platform package as an optional dependency
// at the same version, whichever were built here: a release publishes all.

import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const npmDir = path.dirname(fileURLToPath(import.meta.url));
const repoDir = path.dirname(npmDir);
const outDir = path.join(repoDir, 'build', 'npm');
const binDir = path.join(outDir, 'bin');
const stageDir = path.join(outDir, 'stage');

// The platforms, named as Node.js names them (process.platform-process.arch),
// which is also how the launcher picks its package. The same names as
// scripts/build-binaries.sh.
const targets = {
  'linux-x64': 'Linux x64',
  'linux-arm64': 'Linux ARM64',
  'darwin-x64': 'macOS x64',
  'darwin-arm64': 'macOS ARM64 (Apple silicon)',
  'win32-x64': 'Windows x64',
};

const version = process.env.VERSION || readJSON(path.join(repoDir, 'editors', 'vscode', 'package.json')).version;
// npm accepts only semantic versions.
if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/.test(version)) {
  fail(`version ${JSON.stringify(version)} is not a semantic version (MAJOR.MINOR.PATCH[-PRE])`);
}

rmSync(outDir, { recursive: true, force: true });
mkdirSync(stageDir, { recursive: true });

run('bash', [path.join(repoDir, 'scripts', 'build-binaries.sh'), binDir], { env: { ...process.env, VERSION: version } });

const main = readJSON(path.join(npmDir, 'rscls', 'package.json'));
const tarballs = [];
const built = [];
for (const [target, label] of Object.entries(targets)) {
  const exeName = target.startsWith('win32-') ? 'rscls.exe' : 'rscls';
  const exe = path.join(binDir, target, exeName);
  if (!existsSync(exe)) {
    continue;
  }
  built.push(target);
  const [os, cpu] = target.split('-');
  const dir = path.join(stageDir, target);
  mkdirSync(path.join(dir, 'bin'), { recursive: true });
  copyFileSync(exe, path.join(dir, 'bin', exeName));
  chmodSync(path.join(dir, 'bin', exeName), 0o755);
  writeJSON(path.join(dir, 'package.json'), {
    name: `@rscls/${target}`,
    version,
    description: `The ${label} binary of rscls. Install rscls, not this package: it picks the one for the machine.`,
    homepage: main.homepage,
    repository: main.repository,
    os: [os],
    cpu: [cpu],
    // Yarn's Plug'n'Play must unpack the package for the binary to run.
    preferUnplugged: true,
    files: [`bin/${exeName}`, 'README.md'],
  });
  writeFileSync(
    path.join(dir, 'README.md'),
    `# @rscls/${target}\n\nThe ${label} binary of [rscls](https://github.com/rscls/rscls). ` +
      'Install `rscls` (`npm i -D rscls`), which installs this package on that platform only.\n',
  );
  tarballs.push(pack(dir));
}

{
  const dir = path.join(stageDir, 'rscls');
  mkdirSync(path.join(dir, 'bin'), { recursive: true });
  copyFileSync(path.join(npmDir, 'rscls', 'bin', 'rscls'), path.join(dir, 'bin', 'rscls'));
  chmodSync(path.join(dir, 'bin', 'rscls'), 0o755);
  copyFileSync(path.join(npmDir, 'rscls', 'README.md'), path.join(dir, 'README.md'));
  const optionalDependencies = Object.fromEntries(Object.keys(targets).map((t) => [`@rscls/${t}`, version]));
  writeJSON(path.join(dir, 'package.json'), { name: main.name, version, ...main, optionalDependencies });
  tarballs.unshift(pack(dir));
}

console.log(`\nnpm packages ${version} in ${path.relative(process.cwd(), outDir) || '.'}:`);
for (const t of tarballs) {
  console.log(`  ${t.filename}  ${size(t.size)} packed, ${size(t.unpackedSize)} unpacked`);
}
const missing = Object.keys(targets).filter((t) => !built.includes(t));
if (missing.length > 0) {
  console.log(`not built (no C compiler here): ${missing.join(', ')}; a release needs them all`);
}

// pack runs `npm pack` on a staged package into outDir and returns npm's
// account of the tarball.
function pack(dir) {
  const res = spawnSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', outDir], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (res.status !== 0) {
    fail(`npm pack in ${dir} failed`);
  }
  return JSON.parse(res.stdout)[0];
}

function run(command, args, opts = {}) {
  const res = spawnSync(command, args, { stdio: 'inherit', ...opts });
  if (res.error) {
    fail(`${command}: ${res.error.message}`);
  }
  if (res.status !== 0) {
    fail(`${command} ${args.join(' ')} exited with ${res.status ?? res.signal}`);
  }
}

function readJSON(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function writeJSON(file, value) {
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

function fail(message) {
  console.error(`npm/build.mjs: ${message}`);
  process.exit(1);
}

function size(bytes) {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(1)} kB`;
}
