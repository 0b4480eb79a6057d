// The entry point: the output channel, the status bar item, the commands,
// and the one way the server is (re)started.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { createClient } from './client';
import { boundaryGraphMarkdown } from './graph';
import { resolveServerPath, SETTING, settingPaths, type Resolution, type ServerSource } from './serverPath';
import { isSet, SECTION, serverSettingKeys, serverSettings } from './settings';
import { parseServerStatus, STATUS_NOTIFICATION, statusView, type StatusState } from './status';

const RELEASES_URL = 'https://github.com/rscls/rscls/releases';

let controller: ServerController | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const channel = vscode.window.createOutputChannel('rscls', { log: true });
  const status = new StatusItem();
  controller = new ServerController(context, channel, status);
  const ctl = controller;

  context.subscriptions.push(
    channel,
    status,
    vscode.commands.registerCommand('rscls.restart', () => ctl.restart()),
    vscode.commands.registerCommand('rscls.showGraph', () => ctl.showGraph()),
    vscode.commands.registerCommand('rscls.showOutput', () => channel.show(true)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SETTING)) {
        void ctl.restart();
      }
    }),
    // Trust lets a workspace's rscls.server.path count, which may change the binary.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void ctl.restart()),
  );

  await ctl.restart();
}

export async function deactivate(): Promise<void> {
  await controller?.stop();
  controller = undefined;
}

/** ServerController owns the running client; restart is the only way to start one. */
class ServerController {
  private client: LanguageClient | undefined;
  private clientDisposables: vscode.Disposable[] = [];
  /** Restarts run one after another, never interleaved. */
  private queue: Promise<void> = Promise.resolve();
  private readonly settingKeys: string[];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly channel: vscode.LogOutputChannel,
    private readonly status: StatusItem,
  ) {
    this.settingKeys = serverSettingKeys(context.extension.packageJSON);
  }

  restart(): Promise<void> {
    this.queue = this.queue.then(() => this.doRestart()).catch((err) => this.channel.error(String(err)));
    return this.queue;
  }

  stop(): Promise<void> {
    this.queue = this.queue.then(() => this.stopClient());
    return this.queue;
  }

  async showGraph(): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (folder === undefined || folder.uri.scheme !== 'file') {
      void vscode.window.showErrorMessage('rscls: open a project folder to see its boundary graph.');
      return;
    }
    const found = this.resolve();
    if (found.kind !== 'found') {
      this.reportMissing(found);
      return;
    }
    try {
      const markdown = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'rscls: building the boundary graph' },
        () => boundaryGraphMarkdown(found.path, folder.uri.fsPath),
      );
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
      await vscode.window.showTextDocument(doc, { preview: false });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.channel.error(message);
      void vscode.window.showErrorMessage(message);
    }
  }

  private async doRestart(): Promise<void> {
    await this.stopClient();
    this.status.show('starting');

    const found = this.resolve();
    if (found.kind !== 'found') {
      this.status.show('stopped', found.message);
      this.reportMissing(found);
      return;
    }
    if (found.source === 'bundled') {
      ensureExecutable(found.path, this.channel);
    }
    this.channel.info(`Starting ${found.path} (${describeSource(found.source)})`);

    const client = createClient({ command: found.path, channel: this.channel, readSettings: () => this.readSettings() });
    this.client = client;
    this.clientDisposables = [
      client.onNotification(STATUS_NOTIFICATION, (params: unknown) => {
        const s = parseServerStatus(params);
        if (s === undefined) {
          this.channel.warn(`Ignoring ${STATUS_NOTIFICATION} with params ${JSON.stringify(params)}`);
          return;
        }
        this.status.show(s.state, s.message);
      }),
      client.onDidChangeState((e) => {
        if (e.newState === State.Starting) {
          this.status.show('starting');
        } else if (e.newState === State.Stopped) {
          this.status.show('stopped');
        }
      }),
    ];
    try {
      await client.start();
    } catch (err) {
      // vscode-languageclient has already shown the failure with a button
      // to the output; the status bar item keeps it visible afterwards.
      const message = err instanceof Error ? err.message : String(err);
      this.channel.error(`The language server did not start: ${message}`);
      this.status.show('error', message);
    }
  }

  private async stopClient(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    for (const d of this.clientDisposables) {
      d.dispose();
    }
    this.clientDisposables = [];
    if (client === undefined) {
      return;
    }
    try {
      // dispose stops a running server and frees the client's resources;
      // it throws when the server never started, which changes nothing here.
      await client.dispose(2000);
    } catch (err) {
      this.channel.debug(`Stopping the previous server: ${String(err)}`);
    }
  }

  private resolve(): Resolution {
    // Each scope of the setting, not the effective value: in an untrusted
    // workspace only the user's own value may name the binary.
    const key = 'server.path';
    const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => vscode.workspace.getConfiguration(SECTION, f.uri).inspect(key));
    const res = resolveServerPath({
      env: process.env,
      ...settingPaths(vscode.workspace.getConfiguration(SECTION).inspect(key), folders),
      trusted: vscode.workspace.isTrusted,
      extensionPath: this.context.extensionPath,
      platform: process.platform,
      arch: process.arch,
      homedir: os.homedir(),
      isFile,
    });
    for (const note of res.notes) {
      this.channel.warn(note);
    }
    return res;
  }

  private reportMissing(res: Exclude<Resolution, { kind: 'found' }>): void {
    this.channel.error(res.message);
    void vscode.window.showErrorMessage(`rscls: ${res.message}`, 'Configure path', 'Download').then((choice) => {
      if (choice === 'Configure path') {
        void vscode.commands.executeCommand('workbench.action.openSettings', SETTING);
      } else if (choice === 'Download') {
        void vscode.env.openExternal(vscode.Uri.parse(RELEASES_URL));
      }
    });
  }

  private readSettings(): Record<string, unknown> {
    const config = vscode.workspace.getConfiguration(SECTION);
    return serverSettings(this.settingKeys, (key) => ({ set: isSet(config.inspect(key)), value: config.get(key) }));
  }
}

/** StatusItem is the status bar item; clicking it shows the output channel. */
class StatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('rscls.status', vscode.StatusBarAlignment.Right, 100);
  state: StatusState = 'starting';

  constructor() {
    this.item.name = 'rscls';
    this.item.command = 'rscls.showOutput';
    this.show('starting');
    this.item.show();
  }

  show(state: StatusState, message?: string): void {
    this.state = state;
    const view = statusView(state, message);
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.backgroundColor =
      view.background === 'none' ? undefined : new vscode.ThemeColor(`statusBarItem.${view.background}Background`);
  }

  dispose(): void {
    this.item.dispose();
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/**
 * ensureExecutable restores the execute bit of a bundled binary, which an
 * unpacked extension does not always keep.
 */
function ensureExecutable(p: string, channel: vscode.LogOutputChannel): void {
  if (process.platform === 'win32') {
    return;
  }
  try {
    fs.accessSync(p, fs.constants.X_OK);
  } catch {
    try {
      fs.chmodSync(p, 0o755);
    } catch (err) {
      channel.warn(`Could not make ${p} executable: ${String(err)}`);
    }
  }
}

function describeSource(source: ServerSource): string {
  switch (source) {
    case 'env':
      return 'from RSCLS_PATH';
    case 'userSetting':
      return `from ${SETTING} in the user settings`;
    case 'workspaceSetting':
      return `from ${SETTING} in the workspace settings`;
    case 'bundled':
      return 'bundled with the extension';
    case 'path':
      return 'found on PATH';
  }
}
