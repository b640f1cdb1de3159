/** The webview side of VS Code's API, as SFT Studio's webviews use it. */

/** Messages to the host, and the view state VS Code keeps while the webview is hidden. */
export interface VsCodeApi {
  postMessage(msg: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/**
 * The API (acquired once per page) and the view state saved under this protocol version, else
 * `fresh` (a state of another version may not have the same shape).
 */
export function webviewApi<S extends { protocolVersion: number }>(
  protocolVersion: number,
  fresh: S,
): { api: VsCodeApi; state: S } {
  const api = acquireVsCodeApi();
  const saved = api.getState() as S | undefined;
  return { api, state: saved?.protocolVersion === protocolVersion ? saved : fresh };
}
