// Finding the rscls binary. This module does not import vscode: the
// extension passes in what it reads from the environment, the settings and
// the file system, so that the order of the candidates can be tested
// without an editor.

import * as path from 'node:path';

export interface ResolveInput {
  /** The extension host's environment (RSCLS_PATH, PATH). */
  env: Readonly<Record<string, string | undefined>>;
  /** rscls.server.path in the user's own settings; empty or undefined when unset. */
  userSettingPath: string | undefined;
  /** rscls.server.path in the workspace's or a workspace folder's settings; empty or undefined when unset. */
  workspaceSettingPath: string | undefined;
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

export type ServerSource = 'env' | 'userSetting' | 'workspaceSetting' | 'bundled' | 'path';

/** The sources that name a binary explicitly. */
type NamedSource = 'env' | 'userSetting' | 'workspaceSetting';

export type Resolution =
  | { kind: 'found'; path: string; source: ServerSource; notes: string[] }
  /** A binary was named (RSCLS_PATH or the setting) but is unusable. */
  | { kind: 'invalid'; source: NamedSource; message: string; notes: string[] }
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
 * The scopes of vscode's WorkspaceConfiguration.inspect that
 * settingPaths reads.
 */
export interface PathInspection {
  globalValue?: unknown;
  workspaceValue?: unknown;
  workspaceFolderValue?: unknown;
}

/**
 * settingPaths splits rscls.server.path by who set it: the user (user
 * settings, local or remote) or the workspace (the workspace's settings,
 * then the first workspace folder that sets it). `workspace` is the
 * inspection without a resource, `folders` one per workspace folder.
 * Reading each scope, rather than the effective value, keeps the choice
 * here even if the editor ever hands over a workspace's value in an
 * untrusted workspace. (VS Code 1.100 hands over none: rscls.server.path
 * is a machine setting, which it reads from user settings only, and a
 * restricted one, which it drops from an untrusted workspace's settings.)
 * A value that is not a string counts as unset.
 */
export function settingPaths(
  workspace: PathInspection | undefined,
  folders: readonly (PathInspection | undefined)[] = [],
): Pick<ResolveInput, 'userSettingPath' | 'workspaceSettingPath'> {
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
  let fromWorkspace = str(workspace?.workspaceFolderValue) ?? str(workspace?.workspaceValue);
  for (const folder of folders) {
    fromWorkspace ??= str(folder?.workspaceFolderValue);
  }
  return { userSettingPath: str(workspace?.globalValue), workspaceSettingPath: fromWorkspace };
}

/**
 * resolveServerPath picks the binary: RSCLS_PATH, then rscls.server.path,
 * then the binary bundled for this platform, then rscls on PATH. Of
 * rscls.server.path, a trusted workspace's own value wins over the user's;
 * an untrusted workspace's is ignored (with a note), and only the user's
 * counts. A binary named explicitly that does not exist is an error rather
 * than a reason to fall back, so that a typo in the setting does not
 * silently run another version.
 */
export function resolveServerPath(input: ResolveInput): Resolution {
  const p = input.platform === 'win32' ? path.win32 : path.posix;
  const notes: string[] = [];

  const named = (source: NamedSource, label: string, value: string): Resolution => {
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

  const fromWorkspace = input.workspaceSettingPath?.trim() ?? '';
  if (fromWorkspace !== '') {
    if (input.trusted) {
      return named('workspaceSetting', `The ${SETTING} setting of the workspace`, fromWorkspace);
    }
    notes.push(`The workspace's ${SETTING} ("${fromWorkspace}") is ignored because the workspace is not trusted.`);
  }
  const fromUser = input.userSettingPath?.trim() ?? '';
  if (fromUser !== '') {
    return named('userSetting', `The ${SETTING} setting`, fromUser);
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
