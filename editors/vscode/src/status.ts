// What the status bar item shows. No vscode import: the extension turns a
// StatusView into a StatusBarItem.

/** The params of the server's rscls/status notification. */
export interface ServerStatus {
  state: 'indexing' | 'ready' | 'error';
  message?: string;
}

export const STATUS_NOTIFICATION = 'rscls/status';

/** The states the item can show: the server's, and the client's own around them. */
export type StatusState = ServerStatus['state'] | 'starting' | 'stopped';

export interface StatusView {
  text: string;
  tooltip: string;
  /** Which background to use: none, the warning one or the error one. */
  background: 'none' | 'warning' | 'error';
}

/** parseServerStatus checks the notification's params, which come from another process. */
export function parseServerStatus(params: unknown): ServerStatus | undefined {
  if (typeof params !== 'object' || params === null) {
    return undefined;
  }
  const { state, message } = params as { state?: unknown; message?: unknown };
  if (state !== 'indexing' && state !== 'ready' && state !== 'error') {
    return undefined;
  }
  return typeof message === 'string' && message !== '' ? { state, message } : { state };
}

export function statusView(state: StatusState, message?: string): StatusView {
  const detail = message ? `: ${message}` : '';
  const click = '\n\nClick to show the rscls output.';
  switch (state) {
    case 'starting':
      return { text: '$(sync~spin) rscls', tooltip: `rscls is starting${detail}${click}`, background: 'none' };
    case 'indexing':
      return { text: '$(sync~spin) rscls', tooltip: `rscls is indexing the project${detail}${click}`, background: 'none' };
    case 'ready':
      return { text: '$(check) rscls', tooltip: `rscls is ready${detail}${click}`, background: 'none' };
    case 'error':
      return { text: '$(error) rscls', tooltip: `rscls reported an error${detail}${click}`, background: 'error' };
    case 'stopped':
      return { text: '$(circle-slash) rscls', tooltip: `rscls is not running${detail}${click}`, background: 'warning' };
  }
}
