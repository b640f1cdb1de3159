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

const SHORT_PROMPT = ['Name three primary colours.'];
const LONG_PROMPT = Array.from(
  { length: 40 },
  (_, i) =>
    `Line ${i} of a long prompt asks the writer to explain the steps of the process in order.`,
);

/**
 * The prompt block lines [start, end) of the first pair whose length bucket counts its
 * prompt alone (no system, context or examples) and whose prompt is clearly short or not,
 * and whether it is short (default guidelines: short < 100 words, long > 500).
 */
export function editablePrompt(text: string): { start: number; end: number; short: boolean } {
  for (let at = text.indexOf('\n  - id:'); at >= 0; at = text.indexOf('\n  - id:', at + 1)) {
    const next = text.indexOf('\n  - id:', at + 1);
    const pair = text.slice(at, next < 0 ? text.length : next);
    if (/\n    (system|context): \||\n    examples:/.test(pair)) continue;
    const head = text.indexOf('\n    prompt: |\n', at) + '\n    prompt: |\n'.length;
    let end = head;
    while (text.startsWith('      ', end)) end = text.indexOf('\n', end) + 1;
    const words = text.slice(head, end).trim().split(/\s+/).length;
    if (words < 90 || words > 110) return { start: head, end, short: words < 90 };
  }
  throw new Error('no pair with a prompt-only length bucket');
}

const block = (lines: string[]): string => lines.map((l) => `      ${l}\n`).join('');

/** Save i's prompt: alternately short (4 words) and long (640 words), first the opposite of the original. */
export function promptFor(originalShort: boolean, i: number): string {
  return block((i % 2 === 0) !== originalShort ? SHORT_PROMPT : LONG_PROMPT);
}
