// What the end-to-end test needs around the scenario itself: building the
// binary and the .vsix, installing code-server and Chromium, a fresh
// code-server with the .vsix installed, and a headless browser on it.

import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const e2eDir = path.dirname(fileURLToPath(import.meta.url));
export const extDir = path.resolve(e2eDir, '..');
export const repoDir = path.resolve(extDir, '..', '..');

/** The code-server release the test runs: VS Code 1.100, which runs on Node 20. */
export const CODE_SERVER_VERSION = '4.100.3';

export function log(message) {
  console.log(`[e2e] ${message}`);
}

/** run runs a command to completion, its output going to ours, and fails on a non-zero exit. */
export function run(command, args, opts = {}) {
  log(`$ ${[command, ...args].join(' ')}${opts.cwd ? `   (in ${opts.cwd})` : ''}`);
  const res = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...opts });
  if (res.error) {
    throw new Error(`${command}: ${res.error.message}`);
  }
  if (res.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with ${res.status ?? res.signal}`);
  }
}

/** The extension's name for this machine's platform (bin/<target>/). */
export function vsixTarget() {
  const arch = { x64: 'x64', arm64: 'arm64' }[process.arch];
  if (process.platform !== 'linux' || arch === undefined) {
    throw new Error(`the end-to-end test runs on linux-x64 or linux-arm64, not ${process.platform}-${process.arch}`);
  }
  return `linux-${arch}`;
}

/**
 * ensureChromium returns Debian's chromium (or $CHROMIUM), installing it
 * with apt-get when it is missing and we are root. Playwright's own browser
 * downloads are not used.
 */
export function ensureChromium() {
  const exe = process.env.CHROMIUM || '/usr/bin/chromium';
  if (existsSync(exe)) {
    return exe;
  }
  if (process.env.CHROMIUM || process.getuid?.() !== 0) {
    throw new Error(`${exe} not found: install Debian's chromium (apt-get install chromium) or set CHROMIUM`);
  }
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', 'chromium'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return exe;
}

/**
 * ensureCodeServer installs code-server into the user cache once per
 * code-server version and Node major version (its native modules are built
 * for that Node), and returns its executable.
 */
export function ensureCodeServer() {
  const cache = process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache');
  const nodeMajor = process.versions.node.split('.')[0];
  const dir = path.join(cache, 'rscls-e2e', `code-server-${CODE_SERVER_VERSION}-node${nodeMajor}`);
  run('bash', [path.join(e2eDir, 'install-code-server.sh'), dir, CODE_SERVER_VERSION]);
  return path.join(dir, 'node_modules', '.bin', 'code-server');
}

/**
 * buildVsix builds the platform-specific .vsix a user installs: a copy of
 * the extension's sources with the rscls binary in bin/<target>/, then
 * `npm ci && npm run package` in that copy, so that the work tree gets no
 * bin/, out/ or .vsix. RSCLS_E2E_SERVER, when set, is put in the package
 * instead of a freshly built binary (to check that the test catches a broken
 * server). Returns the .vsix path.
 */
export function buildVsix(stageRoot) {
  const target = vsixTarget();
  const stage = path.join(stageRoot, 'extension');
  const skip = new Set(['node_modules', 'out', 'bin', 'e2e']);
  cpSync(extDir, stage, {
    recursive: true,
    filter: (src) => {
      const rel = path.relative(extDir, src);
      const top = rel.split(path.sep)[0];
      return !skip.has(top) && !rel.endsWith('.vsix');
    },
  });
  const exe = path.join(stage, 'bin', target, 'rscls');
  mkdirSync(path.dirname(exe), { recursive: true });
  const substitute = process.env.RSCLS_E2E_SERVER;
  if (substitute) {
    log(`RSCLS_E2E_SERVER: packaging ${substitute} as the bundled server instead of building rscls`);
    cpSync(substitute, exe);
  } else {
    run(process.env.GO || 'go', ['build', '-trimpath', '-o', exe, './cmd/lsp/rscls'], { cwd: repoDir });
  }
  run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: stage });
  run('npm', ['run', 'package', '--silent'], { cwd: stage });
  const vsix = readdirSync(stage).filter((f) => f.endsWith('.vsix'));
  if (vsix.length !== 1 || !vsix[0].startsWith(`rscls-${target}-`)) {
    throw new Error(`expected one rscls-${target}-<version>.vsix from npm run package, got: ${vsix.join(', ') || 'none'}`);
  }
  return path.join(stage, vsix[0]);
}

/** The user settings of the fresh profile: no welcome page, tips or telemetry. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'chat.commandCenter.enabled': false,
  'git.enabled': false,
  'files.autoSave': 'off',
  // The fixture has no node_modules; the TypeScript extension must not
  // go looking for type packages.
  'typescript.disableAutomaticTypeAcquisition': true,
  'editor.lightbulb.enabled': 'on',
};

/**
 * The workspace trust settings: trust off (the folder counts as trusted,
 * and nothing asks), or on with the folder left untrusted, that is in
 * Restricted Mode, without the dialog that asks whether to trust it and
 * with the Restricted Mode banner always shown. A fresh profile trusts no
 * folder.
 */
const TRUST_SETTINGS = {
  disabled: { 'security.workspace.trust.enabled': false },
  untrusted: {
    'security.workspace.trust.enabled': true,
    'security.workspace.trust.startupPrompt': 'never',
    'security.workspace.trust.banner': 'always',
  },
};

/**
 * CodeServer is one code-server process with a fresh profile and
 * extensions folder, the .vsix installed, and a copy of the fixture app.
 *
 * trust is 'disabled' (the default) or 'untrusted' (see TRUST_SETTINGS).
 * machineSettings go to the remote user settings (Machine/settings.json):
 * code-server's workbench is remote, and a setting of machine scope, such
 * as rscls.server.path, counts only there, not in User/settings.json.
 */
export class CodeServer {
  constructor({ exe, vsix, fixture, root, trust = 'disabled', machineSettings }) {
    if (!(trust in TRUST_SETTINGS)) {
      throw new Error(`trust must be one of ${Object.keys(TRUST_SETTINGS).join(', ')}, not ${trust}`);
    }
    this.exe = exe;
    this.root = root;
    this.trust = trust;
    this.machineSettings = machineSettings;
    this.userDataDir = path.join(root, 'user-data');
    this.extensionsDir = path.join(root, 'extensions');
    this.workspace = path.join(root, 'workspace', path.basename(fixture));
    this.logFile = path.join(root, 'code-server.log');
    this.vsix = vsix;
    this.fixture = fixture;
    this.proc = undefined;
    this.url = undefined;
    this.output = '';
  }

  /** Arguments every code-server call gets: the fresh profile, and nothing written to ~/.config. */
  baseArgs() {
    return ['--config', path.join(this.root, 'config.yaml'), '--user-data-dir', this.userDataDir, '--extensions-dir', this.extensionsDir];
  }

  env() {
    const env = { ...process.env, XDG_CONFIG_HOME: path.join(this.root, 'xdg-config'), XDG_DATA_HOME: path.join(this.root, 'xdg-data') };
    // The extension must run the binary bundled in the .vsix.
    delete env.RSCLS_PATH;
    delete env.PASSWORD;
    delete env.HASHED_PASSWORD;
    return env;
  }

  install() {
    mkdirSync(path.join(this.userDataDir, 'User'), { recursive: true });
    const settings = { ...TRUST_SETTINGS[this.trust], ...USER_SETTINGS };
    writeFileSync(path.join(this.userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
    if (this.machineSettings !== undefined) {
      mkdirSync(path.join(this.userDataDir, 'Machine'), { recursive: true });
      writeFileSync(path.join(this.userDataDir, 'Machine', 'settings.json'), JSON.stringify(this.machineSettings, null, 2));
    }
    cpSync(this.fixture, this.workspace, { recursive: true });
    run(this.exe, [...this.baseArgs(), '--install-extension', this.vsix], { env: this.env() });
    const installed = readdirSync(this.extensionsDir).filter((d) => d.startsWith('rscls.rscls-'));
    if (installed.length !== 1) {
      throw new Error(`expected the rscls extension in ${this.extensionsDir}, found: ${readdirSync(this.extensionsDir).join(', ')}`);
    }
    this.installedDir = path.join(this.extensionsDir, installed[0]);
    const bundled = path.join(this.installedDir, 'bin', vsixTarget(), 'rscls');
    if (!existsSync(bundled) || !statSync(bundled).isFile()) {
      throw new Error(`the installed extension has no bundled server at ${bundled}`);
    }
    this.bundledServer = bundled;
  }

  async start() {
    const port = await freePort();
    const args = [
      ...this.baseArgs(),
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      ...(this.trust === 'disabled' ? ['--disable-workspace-trust'] : []),
      '--disable-getting-started-override',
      this.workspace,
    ];
    log(`starting code-server on 127.0.0.1:${port} (log: ${this.logFile})`);
    // Its own process group, so that stop() ends the extension host and
    // the language server with it.
    this.proc = spawn(this.exe, args, { env: this.env(), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const onData = (d) => {
      this.output += d.toString();
    };
    this.proc.stdout.on('data', onData);
    this.proc.stderr.on('data', onData);
    this.exited = new Promise((resolve) => this.proc.once('exit', (code, signal) => resolve({ code, signal })));
    // Whatever ends the test process ends code-server too.
    this.killOnExit = () => this.kill('SIGKILL');
    this.killOnSignal = (signal) => {
      this.kill('SIGKILL');
      process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGHUP' ? 1 : 15));
    };
    process.once('exit', this.killOnExit);
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
      process.once(signal, this.killOnSignal);
    }

    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 60_000;
    let exited;
    void this.exited.then((e) => (exited = e));
    for (;;) {
      if (exited) {
        throw new Error(`code-server exited (${exited.code ?? exited.signal}) before it listened:\n${this.output}`);
      }
      try {
        const res = await fetch(`${base}/healthz`);
        if (res.ok) {
          break;
        }
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        throw new Error(`code-server did not answer on ${base} within 60 s:\n${this.output}`);
      }
      await delay(250);
    }
    this.url = `${base}/?folder=${encodeURIComponent(this.workspace)}`;
    return this.url;
  }

  kill(signal) {
    if (this.proc?.pid !== undefined && this.proc.exitCode === null && this.proc.signalCode === null) {
      try {
        process.kill(-this.proc.pid, signal);
      } catch {
        // already gone
      }
    }
  }

  async stop() {
    if (this.proc === undefined) {
      return;
    }
    this.kill('SIGTERM');
    const timeout = delay(10_000).then(() => 'timeout');
    if ((await Promise.race([this.exited, timeout])) === 'timeout') {
      this.kill('SIGKILL');
      await this.exited;
    }
    // The rest of the group (extension host, language servers) too.
    try {
      process.kill(-this.proc.pid, 'SIGKILL');
    } catch {
      // the group is empty
    }
    process.removeListener('exit', this.killOnExit);
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
      process.removeListener(signal, this.killOnSignal);
    }
    writeFileSync(this.logFile, this.output);
  }

  /** copyLogs copies the extension's output channel and the extension host's log into dir. */
  copyLogs(dir) {
    const logs = path.join(this.userDataDir, 'logs');
    if (!existsSync(logs)) {
      return;
    }
    const want = { 'rscls.log': 'rscls-output.log', 'remoteexthost.log': 'exthost.log' };
    for (const file of walk(logs)) {
      const name = want[path.basename(file)];
      if (name) {
        cpSync(file, path.join(dir, name));
      }
    }
    if (existsSync(this.logFile)) {
      cpSync(this.logFile, path.join(dir, 'code-server.log'));
    }
  }
}

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      yield* walk(p);
    } else {
      yield p;
    }
  }
}

/** launchBrowser starts headless Chromium with a fresh profile, as this machine's closed network needs it. */
export async function launchBrowser(executablePath, profileDir) {
  return chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: true,
    viewport: { width: 1600, height: 1000 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** freePort asks the kernel for a free port on the loopback address. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** scratchDir makes a temporary folder for one run. */
export function scratchDir(prefix) {
  const base = path.join(tmpdir(), `${prefix}${process.pid}-${Date.now()}`);
  mkdirSync(base, { recursive: true });
  return base;
}

export function removeDir(dir) {
  rmSync(dir, { recursive: true, force: true });
}
