// The server's settings: which rscls.* keys go to the language server and
// how their values are picked. No vscode import, so that it can be tested.

/**
 * The title of the contributes.configuration entry that holds the server's
 * keys. The entry is generated from the Go settings (go test
 * ./internal/gen -update) under the same title.
 */
export const SERVER_SETTINGS_TITLE = 'Server settings';

/** The configuration section the server's keys live in. */
export const SECTION = 'rscls';

/**
 * serverSettingKeys reads the server's keys (rules, ignore, logLevel, ...)
 * from the extension's manifest, so that a key added to the Go settings
 * reaches the server without a change here.
 */
export function serverSettingKeys(manifest: unknown): string[] {
  const entries = (manifest as { contributes?: { configuration?: unknown } })?.contributes?.configuration;
  if (!Array.isArray(entries)) {
    return [];
  }
  const keys: string[] = [];
  for (const entry of entries as { title?: unknown; properties?: Record<string, unknown> }[]) {
    if (entry?.title !== SERVER_SETTINGS_TITLE || entry.properties === undefined) {
      continue;
    }
    for (const name of Object.keys(entry.properties)) {
      if (name.startsWith(SECTION + '.')) {
        keys.push(name.slice(SECTION.length + 1));
      }
    }
  }
  return keys;
}

/** What the editor knows of one setting. */
export interface SettingValue {
  /** Whether the user set it anywhere (user, workspace or folder settings). */
  set: boolean;
  /** The effective value. */
  value: unknown;
}

/**
 * serverSettings builds the object sent as initializationOptions and as
 * settings.rscls of workspace/didChangeConfiguration. It holds only the
 * server's keys, and only those the user set: the server lays these over
 * rscls.json, so sending an editor default would override the project's
 * own configuration.
 */
export function serverSettings(keys: readonly string[], read: (key: string) => SettingValue): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const { set, value } = read(key);
    if (set && value !== undefined) {
      out[key] = value;
    }
  }
  return out;
}

/** The scopes of vscode's WorkspaceConfiguration.inspect that a user can write to. */
export interface Inspection {
  globalValue?: unknown;
  workspaceValue?: unknown;
  workspaceFolderValue?: unknown;
  globalLanguageValue?: unknown;
  workspaceLanguageValue?: unknown;
  workspaceFolderLanguageValue?: unknown;
}

/** isSet tells whether an inspected setting has a value the user wrote. */
export function isSet(inspection: Inspection | undefined): boolean {
  if (inspection === undefined) {
    return false;
  }
  return [
    inspection.globalValue,
    inspection.workspaceValue,
    inspection.workspaceFolderValue,
    inspection.globalLanguageValue,
    inspection.workspaceLanguageValue,
    inspection.workspaceFolderLanguageValue,
  ].some((v) => v !== undefined);
}
