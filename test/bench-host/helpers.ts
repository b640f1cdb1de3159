/** What the benchmark suites share: the activated extension, and waiting on events with a polling fallback. */
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { SftApi } from '../../src/extension/api';

const EXTENSION_ID = 'sft-studio.sft-studio';

/** SFT Studio activated (its test API) and the workspace folder the host opened. */
export async function activated(): Promise<{ api: SftApi; root: vscode.Uri }> {
  const ext = vscode.extensions.getExtension<SftApi>(EXTENSION_ID);
  assert.ok(ext, 'extension installed');
  const api = await ext.activate();
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'workspace open');
  return { api, root: folder.uri };
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Resolve with check()'s value, re-checking on each event (and every 20 ms); reject after ms. */
export function until<T>(
  event: vscode.Event<unknown>,
  check: () => T | undefined | false,
  what: string,
  ms = 60_000,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const done = (v: T): void => {
      clearTimeout(timer);
      clearInterval(poll);
      sub.dispose();
      resolve(v);
    };
    const test = (): void => {
      const v = check();
      if (v) done(v);
    };
    const timer = setTimeout(() => {
      clearInterval(poll);
      sub.dispose();
      reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
    }, ms);
    const sub = event(test);
    const poll = setInterval(test, 20);
    test();
  });
}
