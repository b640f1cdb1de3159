/** Shared helpers for the integration tests: the API, fixtures, and waiting on events. */
import * as assert from 'node:assert';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { SftApi } from '../../src/extension/api';

export const EXTENSION_ID = 'sft-studio.sft-studio';

/** The activated extension's API. */
export async function api(): Promise<SftApi> {
  const ext = vscode.extensions.getExtension<SftApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
  return ext.activate();
}

/** The scratch copy of test/fixtures/workspace the host opened. */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return folder.uri;
}

export function fixture(rel: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...rel.split('/'));
}

/** Open a fixture in an editor. */
export async function open(rel: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fixture(rel));
  return vscode.window.showTextDocument(doc);
}

/** Discard unsaved edits of a document and close its editors. */
export async function revert(doc: vscode.TextDocument): Promise<void> {
  if (doc.isClosed) return;
  await vscode.window.showTextDocument(doc);
  // Reverts first, so no "save changes?" dialog can block the run.
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

/** SFT diagnostics of a file, optionally of one rule. */
export function sftDiagnostics(uri: vscode.Uri, rule?: string): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'sft' && (rule === undefined || ruleOf(d) === rule));
}

export function ruleOf(d: vscode.Diagnostic): string | undefined {
  return typeof d.code === 'object' && d.code
    ? String(d.code.value)
    : typeof d.code === 'string'
      ? d.code
      : undefined;
}

/** Resolve once `check()` returns a value, re-checking on each event; reject after `ms`. */
export function until<T>(
  event: vscode.Event<unknown>,
  check: () => T | undefined | false,
  what: string,
  ms = 15000,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const now = check();
    if (now) {
      resolve(now);
      return;
    }
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
    }, ms);
    const sub = event(() => {
      const v = check();
      if (v) {
        clearTimeout(timer);
        sub.dispose();
        resolve(v);
      }
    });
  });
}

/** Wait until the file's SFT diagnostics satisfy `predicate`. */
export function diagnosticsUntil(
  uri: vscode.Uri,
  predicate: (ds: vscode.Diagnostic[]) => boolean,
  what: string,
  ms?: number,
): Promise<vscode.Diagnostic[]> {
  return until(
    vscode.languages.onDidChangeDiagnostics,
    () => {
      const ds = sftDiagnostics(uri);
      return predicate(ds) ? ds : undefined;
    },
    `${what} (now: ${JSON.stringify(sftDiagnostics(uri).map((d) => `${ruleOf(d)}@${d.range.start.line}:${d.range.start.character}`))})`,
    ms,
  );
}

/** The range of the `nth` occurrence of `needle` in a document. */
export function rangeOf(doc: vscode.TextDocument, needle: string, nth = 0): vscode.Range {
  const text = doc.getText();
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" #${i} is in ${doc.uri.path}`);
  }
  return new vscode.Range(doc.positionAt(at), doc.positionAt(at + needle.length));
}

/** Apply an edit the way typing does (through the editor). */
export async function type(
  editor: vscode.TextEditor,
  at: vscode.Position,
  text: string,
): Promise<void> {
  const ok = await editor.edit((b) => b.insert(at, text));
  assert.ok(ok, 'edit applied');
}

/** The status bar over the fixture workspace as copied: 6 short pairs; of the 10 task types, 3 on target (generation meets its 30%, brainstorming and open_qa are present without one; closed_qa misses its 20%). */
export const FIXTURE_STATUS = 'S 6 · M 0 · L 0 | tasks 3/10';

/** Resolve once the index is built and the status bar shows `text` (by default the fixture's counts). */
export async function statusBarShows(
  text = FIXTURE_STATUS,
  what = "the fixture's counts",
  ms = 20000,
): Promise<SftApi> {
  const sft = await api();
  await sft.indexReady();
  await until(
    sft.onDidUpdateStatusBar,
    () => sft.statusBarText() === text,
    `${what}: "${text}"`,
    ms,
  );
  return sft;
}

/** Discard every unsaved edit and close every editor (between tests). */
export async function closeEditors(): Promise<void> {
  for (const d of vscode.workspace.textDocuments) if (d.isDirty) await revert(d);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The code actions the real providers offer for a range (`resolve`: how many to resolve, so lazy edits are there). */
export function codeActions(
  uri: vscode.Uri,
  range: vscode.Range,
  kind: string,
  resolve = 10,
): Thenable<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    uri,
    range,
    kind,
    resolve,
  );
}

/**
 * `sft coverage --format <format>` of the built command line on the workspace folder, against
 * the root guidelines as the extension counts: what a CI job would print.
 */
export function cliCoverage(format: 'json' | 'markdown' | 'csv'): string {
  const cli = join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist', 'cli.js');
  return execFileSync(
    process.execPath,
    [cli, 'coverage', '--format', format, '--guidelines', 'sft.guidelines.yaml', '.'],
    {
      cwd: workspaceRoot().fsPath,
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    },
  );
}
