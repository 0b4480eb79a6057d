// The language client: how the server is started and what it is told.

import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  type Executable,
  LanguageClient,
  type LanguageClientOptions,
  RevealOutputChannelOn,
} from 'vscode-languageclient/node';
import { LANGUAGES } from './languages';
import { SECTION } from './settings';

export interface ClientOptions {
  /** The server binary. */
  command: string;
  channel: vscode.LogOutputChannel;
  /** The server's settings as they stand now (see settings.ts). */
  readSettings: () => Record<string, unknown>;
}

/**
 * createClient builds the client for one run of the server. Its id, rscls,
 * makes vscode-languageclient read the rscls.trace.server setting.
 */
export function createClient(opts: ClientOptions): LanguageClient {
  // No transport: with TransportKind.stdio the client appends --stdio to
  // the arguments; stdio is what it uses without one.
  const server: Executable = { command: opts.command, args: ['serve'] };
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.map((language) => ({ scheme: 'file', language })),
    initializationOptions: opts.readSettings(),
    synchronize: { configurationSection: SECTION },
    outputChannel: opts.channel,
    traceOutputChannel: opts.channel,
    // The status bar item shows errors; popping the output open on each
    // one would take the panel away from the user.
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    middleware: {
      workspace: {
        // The section's own payload would carry every rscls.* key with
        // its default (the server path, the trace level, codeLens: true,
        // ...). The server wants its own keys, and only those the user set,
        // as in initializationOptions.
        didChangeConfiguration: async () => {
          await client.sendNotification(DidChangeConfigurationNotification.type, {
            settings: { [SECTION]: opts.readSettings() },
          });
        },
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) {
            return result;
          }
          return params.items.map((item, i) => (item.section === SECTION ? opts.readSettings() : result[i]));
        },
      },
    },
  };
  const client = new LanguageClient('rscls', 'rscls', { run: server, debug: server }, clientOptions);
  return client;
}
