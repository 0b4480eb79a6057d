// Installs the npm packages that npm/build.mjs packed into build/npm/ (the
// main package and this machine's platform package) into a throwaway
// project, offline and from the tarball files alone, and runs the `rscls`
// command as a user does: through npx, and as the editor's server.
//
//   node npm/build.mjs && node --test npm/test/     (make test-npm)

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const repoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = path.join(repoDir, 'build', 'npm');
const version = process.env.VERSION || readJSON(path.join(repoDir, 'editors', 'vscode', 'package.json')).version;
const hostTarget = `${process.platform}-${process.arch}`;
const allTargets = ['linux-x64', 'linux-arm64', 'darwin-x64', 'darwin-arm64', 'win32-x64'];
const mainTarball = path.join(outDir, `rscls-${version}.tgz`);
const hostTarball = path.join(outDir, `rscls-${hostTarget}-${version}.tgz`);

let scratch;
// project: a Next.js app (a copy of testdata/example in example/) whose
// package.json has rscls as a dev dependency, installed from the tarballs.
let project;
// bare: rscls installed with optional dependencies left out.
let bare;

before(() => {
  for (const f of [mainTarball, hostTarball]) {
    assert.ok(existsSync(f), `${f} is missing: run node npm/build.mjs first (make test-npm does)`);
  }
  scratch = mkdtempSync(path.join(tmpdir(), 'rscls-npm-'));
  project = newProject('project');
  cpSync(path.join(repoDir, 'testdata', 'example'), path.join(project, 'example'), { recursive: true });
  npmInstall(project, [mainTarball, hostTarball]);
  bare = newProject('bare');
  npmInstall(bare, [mainTarball, '--omit=optional']);
});

after(() => {
  if (scratch) {
    rmSync(scratch, { recursive: true, force: true });
  }
});

describe('the tarballs', () => {
  test('every platform package carries its binary, os and cpu, at the same version', () => {
    const platformTarballs = readdirSync(outDir).filter((f) => f.endsWith('.tgz') && f !== path.basename(mainTarball));
    assert.ok(platformTarballs.includes(path.basename(hostTarball)));
    for (const file of platformTarballs) {
      const target = allTargets.find((t) => file === `rscls-${t}-${version}.tgz`);
      assert.ok(target, `${file} is not rscls-<target>-${version}.tgz`);
      const manifest = JSON.parse(tarEntry(file, 'package/package.json'));
      const [os, cpu] = target.split('-');
      assert.equal(manifest.name, `@rscls/${target}`);
      assert.equal(manifest.version, version);
      assert.deepEqual([manifest.os, manifest.cpu], [[os], [cpu]]);
      const exe = target.startsWith('win32-') ? 'rscls.exe' : 'rscls';
      const listing = tarList(file);
      assert.match(listing, new RegExp(`^-rwxr-xr-x .* package/bin/${exe.replace('.', '\\.')}$`, 'm'), listing);
    }
  });

  test('the main package names each platform package at its own version', () => {
    const manifest = JSON.parse(tarEntry(path.basename(mainTarball), 'package/package.json'));
    assert.equal(manifest.version, version);
    assert.deepEqual(manifest.bin, { rscls: 'bin/rscls' });
    assert.deepEqual(manifest.optionalDependencies, Object.fromEntries(allTargets.map((t) => [`@rscls/${t}`, version])));
    assert.deepEqual(manifest.dependencies, undefined, 'the launcher needs nothing but Node.js');
  });
});

describe('npx rscls', () => {
  test('version prints the package version', () => {
    const res = npx(project, ['version']);
    assert.equal(res.stderr, '');
    assert.equal(res.stdout, `rscls ${version}\n`);
    assert.equal(res.status, 0);
  });

  test('check reports the example app and exits 1', () => {
    const res = npx(project, ['check', 'example']);
    assert.equal(res.status, 1, res.stderr);
    // The text format: each file once, as a heading, and its findings
    // under it as "  line:col  severity  rule".
    const found = [];
    let file = '';
    for (const line of res.stdout.split('\n')) {
      const heading = line.match(/^(\S+\.(?:tsx|ts|jsx|js))$/);
      if (heading) {
        file = heading[1];
        continue;
      }
      const m = line.match(/^ {2}(\d+:\d+) {2}(error|warning) {2}(\w+)/);
      if (m) {
        found.push(`${file}:${m[1]} ${m[2]} ${m[3]}`);
      }
    }
    assert.deepEqual(found, [
      'example/app/dashboard/error.tsx:1:1 error errorBoundaryClient',
      'example/app/dashboard/page.tsx:3:23 error metadataExport',
      'example/components/counter.tsx:4:36 warning clientEntryProps',
      'example/components/like-button.tsx:1:10 error clientApiInServer',
      'example/components/like-button.tsx:5:27 error eventHandlerInServer',
      'example/components/post.tsx:9:38 error nonSerializableProp',
      'example/components/sidebar.tsx:2:1 error misplacedDirective',
      'example/components/user-menu.tsx:3:29 error serverOnlyInClient',
      'example/lib/actions.ts:7:17 error serverFileExports',
      'example/lib/actions.ts:11:14 error serverFileExports',
    ]);
    // The chain of imports, each step where it can be clicked.
    assert.match(res.stdout, /\n {4}example\/app\/page\.tsx:1:22 imports example\/components\/post\.tsx\n {4}example\/components\/post\.tsx:1:28 imports example\/components\/like-button\.tsx\n/);
    // The closing line, on standard error.
    assert.match(res.stderr, /^✖ 10 problems \(9 errors, 1 warning\) · 3 fixable with --fix · 11 files in /m);
  });

  test('check --format sarif prints SARIF for code scanning', () => {
    const res = npx(project, ['check', '--format', 'sarif', 'example']);
    assert.equal(res.status, 1, res.stderr);
    const sarif = JSON.parse(res.stdout);
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs[0].tool.driver.name, 'rscls');
    assert.equal(sarif.runs[0].results.length, 10);
  });

  test('a usage error reaches the caller as exit status 2', () => {
    const res = npx(project, ['check', '--no-such-flag']);
    assert.equal(res.status, 2);
    assert.match(res.stderr, /no-such-flag/);
  });

  test('without the platform package, says which package is missing and exits 2', () => {
    assert.ok(!existsSync(path.join(bare, 'node_modules', '@rscls', hostTarget)));
    const res = npx(bare, ['check']);
    assert.equal(res.status, 2);
    assert.equal(res.stdout, '');
    assert.match(res.stderr, new RegExp(`@rscls/${hostTarget}.*not installed`));
    assert.match(res.stderr, /--omit=optional/);
    assert.match(res.stderr, new RegExp(`npm install --save-dev @rscls/${hostTarget}@${version.replace(/\./g, '\\.')}`));
  });
});

// The Linux binaries of other architectures, when built here, run under
// qemu-user (Debian: qemu-user) and must report what this machine's does.
describe('the other Linux binaries', () => {
  const qemu = { x64: 'qemu-x86_64', arm64: 'qemu-aarch64' };
  const others = readdirSync(outDir)
    .map((f) => allTargets.find((t) => f === `rscls-${t}-${version}.tgz`))
    .filter((t) => t && t.startsWith('linux-') && t !== hostTarget);
  for (const target of others) {
    test(`${target} checks the example app as ${hostTarget} does`, (t) => {
      const emulator = qemu[target.split('-')[1]];
      if (spawnSync('sh', ['-c', `command -v ${emulator}`]).status !== 0) {
        t.skip(`${emulator} is not installed (Debian: apt-get install qemu-user)`);
        return;
      }
      const dir = path.join(scratch, target);
      mkdirSync(dir);
      run('tar', ['-xzf', path.join(outDir, `rscls-${target}-${version}.tgz`), '-C', dir]);
      const exe = path.join(dir, 'package', 'bin', 'rscls');
      const opts = { cwd: project, env: npmEnv(), encoding: 'utf8', timeout: 120_000 };
      const printed = spawnSync(emulator, [exe, 'version'], opts);
      assert.equal(printed.stdout, `rscls ${version}\n`, printed.stderr);
      const want = npx(project, ['check', 'example']);
      const got = spawnSync(emulator, [exe, 'check', 'example'], opts);
      assert.equal(got.status, 1, got.stderr);
      assert.equal(got.stdout, want.stdout);
    });
  }
});

// The editor starts node_modules/.bin/rscls as its language server.
describe('node_modules/.bin/rscls as a language server', () => {
  test('speaks LSP on standard input and output and exits 0 after shutdown', async () => {
    const server = startServer();
    const init = await server.request(1, 'initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    assert.equal(init.result.serverInfo.name, 'rscls');
    assert.equal(init.result.serverInfo.version, version);
    server.notify('initialized', {});
    const shutdown = await server.request(2, 'shutdown', null);
    assert.equal(shutdown.result, null);
    server.notify('exit', null);
    assert.deepEqual(await server.exited, { code: 0, signal: null });
  });

  test('SIGTERM goes on to the binary, whose exit status comes back', async () => {
    const server = startServer();
    await server.request(1, 'initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    const binary = childOf(server.proc.pid);
    server.proc.kill('SIGTERM');
    // rscls serve ends on SIGTERM with 1, as after a connection lost
    // without shutdown.
    assert.deepEqual(await server.exited, { code: 1, signal: null });
    assert.ok(!existsSync(`/proc/${binary}`), `the binary (pid ${binary}) outlived the launcher`);
  });

  test('a binary killed by a signal kills the launcher with it', async () => {
    const server = startServer();
    await server.request(1, 'initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    process.kill(childOf(server.proc.pid), 'SIGKILL');
    assert.deepEqual(await server.exited, { code: null, signal: 'SIGKILL' });
  });
});

function newProject(name) {
  const dir = path.join(scratch, name);
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: `rscls-npm-test-${name}`, private: true }, null, 2)}\n`);
  return dir;
}

// npmEnv keeps npm off the network and away from the user's cache and
// configuration: whatever it needs must come from the tarballs.
function npmEnv() {
  return {
    ...process.env,
    npm_config_offline: 'true',
    npm_config_cache: path.join(scratch, 'npm-cache'),
    npm_config_userconfig: path.join(scratch, 'npmrc'),
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    // rscls's own cache of per-file results, kept out of the user's.
    RSCLS_CACHE_DIR: path.join(scratch, 'rscls-cache'),
  };
}

function npmInstall(dir, args) {
  const res = spawnSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--save-dev', ...args], {
    cwd: dir,
    env: npmEnv(),
    encoding: 'utf8',
    timeout: 120_000,
  });
  assert.equal(res.status, 0, `npm install ${args.join(' ')} in ${dir}:\n${res.stdout}\n${res.stderr}`);
}

function npx(dir, args) {
  return spawnSync('npx', ['--no-install', 'rscls', ...args], { cwd: dir, env: npmEnv(), encoding: 'utf8', timeout: 120_000 });
}

function tarList(file) {
  return run('tar', ['-tvzf', path.join(outDir, file)]);
}

function tarEntry(file, entry) {
  return run('tar', ['-xzOf', path.join(outDir, file), entry]);
}

function run(command, args) {
  const res = spawnSync(command, args, { encoding: 'utf8' });
  assert.equal(res.status, 0, `${command} ${args.join(' ')}: ${res.stderr}`);
  return res.stdout;
}

function readJSON(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

// childOf returns the one child process of pid (Linux: /proc).
function childOf(pid) {
  const children = readdirSync(`/proc/${pid}/task`).flatMap((task) =>
    readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean),
  );
  assert.equal(children.length, 1, `children of ${pid}: ${children.join(' ')}`);
  return Number(children[0]);
}

// startServer starts node_modules/.bin/rscls of the project with pipes for
// its standard streams, and speaks LSP's base protocol on them.
function startServer() {
  const proc = spawn(path.join(project, 'node_modules', '.bin', 'rscls'), [], {
    cwd: project,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  proc.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
  const timer = setTimeout(() => proc.kill('SIGKILL'), 60_000);
  exited.then(() => clearTimeout(timer));

  let buf = Buffer.alloc(0);
  const waiting = new Map();
  proc.stdout.on('data', (chunk) => {
    buf = Buffer.concat([buf, chunk]);
    for (;;) {
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) {
        return;
      }
      const length = Number(/Content-Length: (\d+)/i.exec(buf.subarray(0, end).toString())[1]);
      if (buf.length < end + 4 + length) {
        return;
      }
      const msg = JSON.parse(buf.subarray(end + 4, end + 4 + length).toString());
      buf = buf.subarray(end + 4 + length);
      if (msg.id !== undefined && waiting.has(msg.id)) {
        waiting.get(msg.id)(msg);
        waiting.delete(msg.id);
      }
    }
  });
  const send = (msg) => {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }));
    proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    proc.stdin.write(body);
  };
  return {
    proc,
    exited,
    notify: (method, params) => send({ method, params }),
    request: (id, method, params) =>
      new Promise((resolve, reject) => {
        waiting.set(id, resolve);
        exited.then(({ code, signal }) => reject(new Error(`server exited (${code ?? signal}) before answering ${method}: ${stderr}`)));
        send({ id, method, params });
      }),
  };
}
