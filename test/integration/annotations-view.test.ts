/**
 * The annotations view in the real host: its webview loads and asks for the pair to show, it
 * follows the cursor of a text editor from pair to pair and the pair the pair editor selects,
 * each pick writes exactly its bytes (one undo step), a pick on a pair that is gone changes
 * nothing, and the handbook link opens the value's section. Messages go in through a
 * test-only command that posts them as the webview does; the state is what the webview was sent.
 */
import * as assert from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ShownPair, ToAnnotations } from '../../src/shared/annotations-protocol';
import { api, closeEditors, rangeOf } from './helpers';

const FILE = `sft: 1
# a comment the view must keep
defaults:
  language: en
pairs:
  - id: an-0001
    task: open_qa
    traits: [persona]
    status: draft
    prompt: Why is the sky blue?
    response: Rayleigh scattering.   # kept
  - id: an-0002
    task: open_qa
    prompt: "What is 2 + 2?"
    response: Four.
`;

const GUIDELINES = `sft-guidelines: 1
handbook: docs/handbook.md
`;

const HANDBOOK = `# Handbook

## Tasks

- **closed_qa**: the answer comes from the passage.

## Review

A pair is \`approved\` only when every note is resolved.
`;

/** A folder outside the workspace with guidelines, a handbook and the pairs file. */
function scratch(): vscode.Uri {
  const dir = mkdtempSync(join(tmpdir(), 'sft-an-'));
  writeFileSync(join(dir, 'sft.guidelines.yaml'), GUIDELINES);
  mkdirSync(join(dir, 'docs'));
  writeFileSync(join(dir, 'docs', 'handbook.md'), HANDBOOK);
  writeFileSync(join(dir, 'pairs.sft.yaml'), FILE);
  return vscode.Uri.file(join(dir, 'pairs.sft.yaml'));
}

const state = () =>
  vscode.commands.executeCommand<ToAnnotations | undefined>('sft.test.annotationsState');

/** What the view was last sent, once `check` holds for it. */
async function shownWhen(
  check: (s: Extract<ToAnnotations, { type: 'show' }>) => boolean,
  what: string,
): Promise<Extract<ToAnnotations, { type: 'show' }>> {
  const deadline = Date.now() + 15000;
  for (;;) {
    const s = await state();
    if (s?.type === 'show' && check(s)) return s;
    if (Date.now() > deadline) assert.fail(`the view was not sent ${what}: ${JSON.stringify(s)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The pair the view shows, once it is `id` at the document's current version. */
function showing(doc: vscode.TextDocument, id: string): Promise<ShownPair> {
  return shownWhen(
    (s) => s.pair?.id === id && s.pair.version === doc.version,
    `${id} at version ${doc.version}`,
  ).then((s) => s.pair!);
}

const picker = (p: ShownPair, key: string) => p.pickers.find((x) => x.key === key)!;

/** Post a message as the webview would; resolves once it was handled. */
function post(msg: unknown): Thenable<unknown> {
  return vscode.commands.executeCommand('sft.test.annotationsPost', msg);
}

function pick(doc: vscode.TextDocument, id: string, key: string, value: unknown) {
  return post({
    type: 'pick',
    uri: doc.uri.toString(),
    version: doc.version,
    pair: { id },
    key,
    value,
  });
}

/** Put the cursor at the start of `needle` in the editor. */
function cursorAt(editor: vscode.TextEditor, needle: string): void {
  const at = editor.document.getText().indexOf(needle);
  assert.ok(at >= 0, needle);
  const pos = editor.document.positionAt(at);
  editor.selection = new vscode.Selection(pos, pos);
}

describe('annotations view', function () {
  this.timeout(60000);
  let uri: vscode.Uri;
  let editor: vscode.TextEditor;

  before(async () => {
    await api();
    // The view renders only while it is visible: show it as a writer would.
    await vscode.commands.executeCommand('sft.annotations.focus');
  });

  beforeEach(async () => {
    uri = scratch();
    editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  });

  afterEach(() => closeEditors());

  it('follows the cursor from pair to pair, and shows nothing outside a pair', async () => {
    const doc = editor.document;
    cursorAt(editor, 'Why is the sky');
    const first = await showing(doc, 'an-0001');
    assert.equal(first.from, 'text');
    assert.deepEqual(first.ref, { id: 'an-0001' });
    assert.equal(first.status, 'draft');
    assert.equal(first.bucket, 'short');
    assert.equal(first.promptWords, 5);
    assert.equal(first.responseWords, 2);
    assert.ok(first.tokens.prompt > 0);
    assert.deepEqual(picker(first, 'task').value, ['open_qa']);
    assert.deepEqual(picker(first, 'traits').value, ['persona']);
    assert.deepEqual(picker(first, 'language').inherited, ['en']);
    assert.equal(first.handbook, true);

    cursorAt(editor, 'Four.');
    const second = await showing(doc, 'an-0002');
    assert.deepEqual(picker(second, 'traits').value, []);
    assert.equal(second.status, undefined);
    assert.ok(second.problems.some((p) => p.rule === 'missing-annotation'));

    cursorAt(editor, '# a comment');
    const none = await shownWhen((s) => s.pair === null, 'no pair');
    assert.match(none.empty, /Put the cursor in a pair/);

    // Typing in the pair under the cursor: the view follows the new text.
    cursorAt(editor, 'Rayleigh');
    await showing(doc, 'an-0001');
    await editor.edit((b) => b.insert(editor.selection.active, 'Blue '));
    const typed = await showing(doc, 'an-0001');
    assert.equal(typed.responseWords, 3);
  });

  it('follows the pair the pair editor selects', async () => {
    await vscode.commands.executeCommand('vscode.openWith', uri, 'sft.pairEditor');
    const ready = await vscode.commands.executeCommand<boolean>('sft.test.pairEditorReady', uri);
    assert.ok(ready);
    // The pair editor's webview says which pair its card shows: the first, at first.
    await shownWhen(
      (s) => s.pair?.id === 'an-0001' && s.pair.from === 'pairEditor',
      "the pair editor's first card",
    );
    await vscode.commands.executeCommand('sft.test.pairEditorPost', uri, {
      type: 'select',
      key: 'an-0002',
      pair: { id: 'an-0002' },
    });
    const p = await shownWhen(
      (s) => s.pair?.id === 'an-0002' && s.pair.from === 'pairEditor',
      'the pair editor selection',
    );
    assert.equal(p.pair!.uri, uri.toString());
  });

  it('writes exactly the bytes of each pick, one undo step each', async () => {
    const doc = editor.document;
    cursorAt(editor, 'Four.');
    await showing(doc, 'an-0002');

    await pick(doc, 'an-0002', 'task', 'closed_qa');
    let want = FILE.replace(
      'task: open_qa\n    prompt: "What',
      'task: closed_qa\n    prompt: "What',
    );
    assert.strictEqual(doc.getText(), want);
    const after = await showing(doc, 'an-0002');
    assert.deepEqual(picker(after, 'task').value, ['closed_qa']);

    await pick(doc, 'an-0001', 'traits', ['persona', 'constraints']);
    want = want.replace('traits: [persona]', 'traits: [persona, constraints]');
    assert.strictEqual(doc.getText(), want);

    await pick(doc, 'an-0001', 'status', null);
    want = want.replace('    status: draft\n', '');
    assert.strictEqual(doc.getText(), want);

    // A language set on the pair itself, over the file's default.
    await pick(doc, 'an-0001', 'language', 'hi');
    assert.strictEqual(
      doc.getText().replace(/\n {4}language: hi(?=\n)/, ''),
      want,
      'one language line added to an-0001, nothing else',
    );
    assert.ok(doc.getText().indexOf('language: hi') < doc.getText().indexOf('an-0002'));
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(doc.getText(), want, 'one undo takes the pick back');

    // A pick on a pair that is gone is refused and writes nothing.
    await pick(doc, 'an-0009', 'task', 'generation');
    assert.strictEqual(doc.getText(), want);

    assert.ok(await doc.save());
    assert.strictEqual(readFileSync(uri.fsPath, 'utf8'), want, 'the file on disk');
  });

  it("lists the pair's problems, and its quick fix writes only the fixed line", async () => {
    const doc = editor.document;
    await editor.edit((b) =>
      b.replace(rangeOf(doc, 'Four.'), 'As an AI language model, I say four.'),
    );
    const before = doc.getText();
    cursorAt(editor, 'I say four');
    const p = await showing(doc, 'an-0002');
    const banned = p.problems.find((x) => x.rule === 'banned-phrase');
    assert.ok(banned?.fixes.length, JSON.stringify(p.problems));
    await post({
      type: 'applyFix',
      uri: uri.toString(),
      pair: p.ref,
      rule: 'banned-phrase',
      title: banned.fixes[0],
    });
    const line = (t: string) => t.split('\n').findIndex((l) => l.includes('response: As an AI'));
    const at = line(before);
    const after = doc.getText().split('\n');
    assert.ok(!after[at].includes('As an AI language model'), after[at]);
    assert.match(after[at], /^ {4}response: .*four\.$/);
    after[at] = before.split('\n')[at];
    assert.strictEqual(after.join('\n'), before, 'every other line as it was');
    const fixed = await showing(doc, 'an-0002');
    assert.ok(!fixed.problems.some((x) => x.rule === 'banned-phrase'));
  });

  it("opens the handbook at the value's section", async () => {
    cursorAt(editor, 'Why is the sky');
    await showing(editor.document, 'an-0001');
    await post({ type: 'openHandbook', uri: uri.toString(), key: 'task', value: 'closed_qa' });
    const opened = vscode.window.activeTextEditor!;
    assert.ok(opened.document.uri.path.endsWith('/docs/handbook.md'), opened.document.uri.path);
    assert.equal(opened.selection.active.line, 2, '## Tasks');
    await vscode.window.showTextDocument(editor.document);
    await post({ type: 'openHandbook', uri: uri.toString(), key: 'status', value: 'approved' });
    assert.equal(vscode.window.activeTextEditor!.selection.active.line, 6, '## Review');
  });
});
