/**
 * The pair editor in the real host: its webview loads and asks for its state, every intent
 * changes exactly its bytes on disk, undo restores the file byte for byte, and a write on
 * disk or a text editor on the same document keeps what the webview was sent in step.
 * Intents go in through a test-only command that posts them as the webview does.
 */
import * as assert from 'node:assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { parseDocument } from 'yaml';
import type { EditorIntent, PairState } from '../../src/shared/editor-protocol';
import {
  api,
  closeEditors,
  diagnosticsUntil,
  fixture,
  ruleOf,
  statusBarShows,
  until,
} from './helpers';

const FILE = `sft: 1
# a comment the editor must keep
pairs:
  - id: pe-0001
    task: open_qa
    prompt_type: instructive
    examples:
      - input: Why is grass green?
        output: Chlorophyll.   # short
    prompt: |
      Why is the sky blue?
      Answer briefly.
    response: Rayleigh scattering.   # kept
  - id: pe-0002
    task: open_qa
    prompt: "What is 2 + 2?"
    response: Four.
`;

interface Shown {
  version: number;
  ackSeq: number;
  pairs: PairState[];
}

/** A new pairs file outside the workspace (the workspace's counts stay those of the fixture). */
function scratchFile(text = FILE): vscode.Uri {
  const dir = mkdtempSync(join(tmpdir(), 'sft-pe-'));
  const path = join(dir, 'pairs.sft.yaml');
  writeFileSync(path, text);
  return vscode.Uri.file(path);
}

const disk = (uri: vscode.Uri) => readFileSync(uri.fsPath, 'utf8');
const doc = (uri: vscode.Uri) =>
  vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())!;

async function openPairEditor(uri: vscode.Uri): Promise<void> {
  await vscode.commands.executeCommand('vscode.openWith', uri, 'sft.pairEditor');
  // Resolves when the webview's script ran and sent `ready`: the page loaded under its CSP.
  const ready = await Promise.race([
    vscode.commands.executeCommand<boolean>('sft.test.pairEditorReady', uri),
    new Promise<boolean>((r) => setTimeout(() => r(false), 20000)),
  ]);
  assert.strictEqual(ready, true, 'the webview loaded and asked for its state within 20 s');
}

/** What the webview was sent, once it reflects the document's current version. */
async function shown(uri: vscode.Uri, what = 'the current version'): Promise<Shown> {
  const deadline = Date.now() + 15000;
  for (;;) {
    const s = await vscode.commands.executeCommand<Shown | undefined>(
      'sft.test.pairEditorState',
      uri,
    );
    if (s && s.version === doc(uri).version) return s;
    if (Date.now() > deadline)
      assert.fail(
        `the pair editor was not sent ${what} (has ${s?.version}, document ${doc(uri).version})`,
      );
    await new Promise((r) => setTimeout(r, 20));
  }
}

let seq = 0;

/** Post an intent as the webview would; resolves once it was applied (or refused). */
async function post(uri: vscode.Uri, intent: EditorIntent): Promise<void> {
  const before = doc(uri).version;
  await vscode.commands.executeCommand('sft.test.pairEditorPost', uri, {
    type: 'intent',
    clientSeq: ++seq,
    baseVersion: before,
    intent,
  });
}

async function save(uri: vscode.Uri): Promise<string> {
  assert.ok(await doc(uri).save(), 'saved');
  return disk(uri);
}

/** Undo in the active (pair) editor until the document's text is `text`, at most `max` steps. */
async function undoTo(uri: vscode.Uri, text: string, max = 1): Promise<void> {
  for (let i = 0; i < max && doc(uri).getText() !== text; i++)
    await vscode.commands.executeCommand('undo');
  assert.strictEqual(doc(uri).getText(), text, 'undo restores the text byte for byte');
}

const EDITS: [string, EditorIntent, (t: string) => string][] = [
  [
    'a block prompt, kept a block',
    {
      kind: 'setField',
      pair: { id: 'pe-0001' },
      key: 'prompt',
      value: 'Why is the sea blue?\nAnswer briefly.',
    },
    (t) => t.replace('Why is the sky blue?', 'Why is the sea blue?'),
  ],
  [
    'a response with its comment',
    { kind: 'setField', pair: { id: 'pe-0001' }, key: 'response', value: 'Scattering.' },
    (t) => t.replace('response: Rayleigh scattering.   # kept', 'response: Scattering.   # kept'),
  ],
  [
    'an annotation',
    { kind: 'setAnnotation', pair: { id: 'pe-0002' }, key: 'task', value: 'brainstorming' },
    (t) => t.replace('task: open_qa\n    prompt: "What', 'task: brainstorming\n    prompt: "What'),
  ],
  [
    'a pair moved down',
    { kind: 'movePair', pair: { id: 'pe-0001' }, by: 1 },
    (t) => {
      const a = t.slice(t.indexOf('  - id: pe-0001'), t.indexOf('  - id: pe-0002'));
      return t.replace(a, '') + a;
    },
  ],
  [
    'a pair deleted',
    { kind: 'removePair', pair: { id: 'pe-0002' } },
    (t) => t.slice(0, t.indexOf('  - id: pe-0002')),
  ],
  [
    'an example added after the last',
    {
      kind: 'addExample',
      pair: { id: 'pe-0001' },
      input: 'Why is snow white?',
      output: 'Scattering.',
    },
    (t) =>
      t.replace(
        '# short\n',
        '# short\n      - input: Why is snow white?\n        output: Scattering.\n',
      ),
  ],
  [
    "an example's output, its comment kept",
    {
      kind: 'setExample',
      pair: { id: 'pe-0001' },
      index: 0,
      key: 'output',
      value: 'Chlorophyll, mostly.',
    },
    (t) => t.replace('output: Chlorophyll.   # short', 'output: Chlorophyll, mostly.   # short'),
  ],
  [
    'the only example removed, with its key',
    { kind: 'removeExample', pair: { id: 'pe-0001' }, index: 0 },
    (t) =>
      t.replace(
        '    examples:\n      - input: Why is grass green?\n        output: Chlorophyll.   # short\n',
        '',
      ),
  ],
  [
    'labels, in the key order',
    { kind: 'setField', pair: { id: 'pe-0002' }, key: 'labels', value: ['four', 'other'] },
    (t) =>
      t.replace(
        'task: open_qa\n    prompt: "What',
        'task: open_qa\n    labels: [four, other]\n    prompt: "What',
      ),
  ],
  [
    'a silence with its reason',
    {
      kind: 'silence',
      pair: { id: 'pe-0002' },
      rule: 'pii',
      reason: 'a sum, not a number of anyone',
    },
    (t) =>
      t.replace(
        '  - id: pe-0002\n',
        '  - id: pe-0002\n    # sft-ignore pii: a sum, not a number of anyone\n',
      ),
  ],
];

describe('pair editor', function () {
  this.timeout(60000);
  before(() => api());
  afterEach(closeEditors);

  it('opens with "Open With", loads its webview, and is sent every pair', async () => {
    const uri = scratchFile();
    await openPairEditor(uri);
    const s = await shown(uri);
    assert.deepStrictEqual(
      s.pairs.map((p) => [p.key, p.task, p.texts.prompt]),
      [
        ['pe-0001', 'open_qa', 'Why is the sky blue?\nAnswer briefly.\n'],
        ['pe-0002', 'open_qa', 'What is 2 + 2?'],
      ],
    );
    assert.strictEqual(s.pairs[0].bucket, 'short');
    assert.deepStrictEqual(s.pairs[0].examples, [
      { input: 'Why is grass green?', output: 'Chlorophyll.' },
    ]);
  });

  for (const [name, intent, expected] of EDITS)
    it(`${intent.kind}: ${name} changes exactly its bytes on disk, and undo restores them`, async () => {
      const uri = scratchFile();
      await openPairEditor(uri);
      await post(uri, intent);
      assert.strictEqual(await save(uri), expected(FILE));
      await undoTo(uri, FILE);
      assert.strictEqual(await save(uri), FILE, 'the file on disk is as it was');
    });

  it('each keystroke of a run of typing changes the document at once, and the run is one undo step', async () => {
    const uri = scratchFile();
    await openPairEditor(uri);
    const keystroke = (value: string, run: number) =>
      vscode.commands.executeCommand('sft.test.pairEditorPost', uri, {
        type: 'intent',
        clientSeq: ++seq,
        baseVersion: doc(uri).version,
        intent: { kind: 'setField', pair: { id: 'pe-0002' }, key: 'response', value },
        run,
      });
    const typed = (value: string) => FILE.replace('response: Four.', `response: ${value}`);
    // As a card sends ' Yes': the space waits for the next keystroke (a plain scalar stays plain).
    for (const value of ['Four. Y', 'Four. Ye', 'Four. Yes']) {
      await keystroke(value, 41);
      assert.strictEqual(doc(uri).getText(), typed(value), 'the keystroke is in the document');
    }
    await keystroke('Four. Yes!', 42); // another run (the field was focused again)
    const settled = (text: string, what: string) =>
      until(vscode.workspace.onDidChangeTextDocument, () => doc(uri).getText() === text, what);
    await vscode.commands.executeCommand('undo');
    await settled(typed('Four. Yes'), 'one undo takes back the second run');
    await vscode.commands.executeCommand('undo');
    await settled(FILE, 'one undo takes back the first run, all three keystrokes');
    await vscode.commands.executeCommand('redo');
    await settled(typed('Four. Yes'), 'one redo brings the first run back');
    assert.strictEqual(await save(uri), typed('Four. Yes'));
  });

  it("a key press in a card has the card's problems at once, and the Problems panel after a pause in typing", async () => {
    const uri = scratchFile();
    await openPairEditor(uri);
    await diagnosticsUntil(uri, () => true, 'the first lint');
    const placeholder = (ds: readonly { rule?: string }[]) =>
      ds.some((d) => d.rule === 'placeholder');
    const inPanel = () =>
      vscode.languages.getDiagnostics(uri).some((d) => ruleOf(d) === 'placeholder');
    // One key press of a run of typing leaves a placeholder in pe-0002's response.
    await vscode.commands.executeCommand('sft.test.pairEditorPost', uri, {
      type: 'intent',
      clientSeq: ++seq,
      baseVersion: doc(uri).version,
      intent: { kind: 'setField', pair: { id: 'pe-0002' }, key: 'response', value: 'Four. TODO' },
      run: 51,
    });
    const changed = Date.now();
    const s = await shown(uri, 'the key press');
    const card = s.pairs.find((p) => p.id === 'pe-0002')!;
    assert.ok(placeholder(card.problems), 'the card has the problem with the key press');
    // Past the lint debounce (250 ms), within the pause the workspace waits for after a key
    // press in a card: the next key would come first, so the panel does not take it yet.
    await new Promise((r) => setTimeout(r, Math.max(0, changed + 450 - Date.now())));
    assert.strictEqual(inPanel(), false, 'the Problems panel waits for a pause in typing');
    await diagnosticsUntil(
      uri,
      (ds) => ds.some((d) => ruleOf(d) === 'placeholder'),
      'the placeholder in the Problems panel after the pause',
    );
    assert.ok(Date.now() - changed >= 500, 'after the pause, not the debounce');
  });

  it("a pair's card names the annotations it takes from the file's defaults, and only those", async () => {
    const uri = scratchFile(
      FILE.replace('pairs:\n', 'defaults:\n  language: en\n  domain: science\npairs:\n').replace(
        '    task: open_qa\n    prompt: "What',
        '    task: open_qa\n    language: fr\n    prompt: "What',
      ),
    );
    await openPairEditor(uri);
    const s = await shown(uri);
    const [first, second] = s.pairs;
    assert.deepStrictEqual(first.inherited, { language: 'en', domain: 'science' });
    assert.strictEqual(first.annotations.language, undefined);
    assert.deepStrictEqual(second.inherited, { domain: 'science' }, 'its own language is written');
    assert.strictEqual(second.annotations.language, 'fr');
  });

  it('token counts of the card shown come from the host', async () => {
    const uri = scratchFile();
    await openPairEditor(uri);
    const answer = await vscode.commands.executeCommand<{
      prompt: number;
      response: number;
      tokenizer: string;
    }>('sft.test.pairEditorPost', uri, { type: 'tokens', key: 'pe-0002', pair: { id: 'pe-0002' } });
    assert.strictEqual(answer.tokenizer, 'o200k_base');
    // "What is 2 + 2?" and "Four." by o200k_base.
    assert.deepStrictEqual([answer.prompt, answer.response], [8, 2]);
  });

  it('addPair and duplicatePair write a full template with a fresh id, each one undo step', async () => {
    const uri = scratchFile();
    await openPairEditor(uri);
    await post(uri, { kind: 'addPair', after: { id: 'pe-0001' } });
    let s = await shown(uri, 'the added pair');
    assert.deepStrictEqual(
      s.pairs.map((p) => p.id),
      ['pe-0001', 'pe-0003', 'pe-0002'],
    );
    const added = doc(uri).getText();
    const [head, tail] = [
      FILE.slice(0, FILE.indexOf('  - id: pe-0002')),
      FILE.slice(FILE.indexOf('  - id: pe-0002')),
    ];
    assert.ok(added.startsWith(head) && added.endsWith(tail), added);
    // The template as Insert Pair writes it: the id, the required annotations, prompt and response.
    const pair = added.slice(head.length, added.length - tail.length);
    assert.match(pair, /^ {2}- id: pe-0003\n( {4}\w+:.*\n| {6}.*\n)+$/);
    assert.match(pair, /\n {4}prompt: \|\n {4}response: \|\n$/);
    // Empty `|` blocks for the texts: no line of spaces; and no annotation missing.
    assert.doesNotMatch(pair, /^[ \t]+$/m, JSON.stringify(pair));
    assert.deepStrictEqual(
      s.pairs[1].problems.map((p) => p.rule),
      ['empty-field', 'empty-field'],
    );
    assert.deepStrictEqual([s.pairs[1].texts.prompt, s.pairs[1].texts.response], ['', '']);
    await post(uri, { kind: 'duplicatePair', pair: { id: 'pe-0002' } });
    s = await shown(uri, 'the copy');
    assert.strictEqual(s.pairs.length, 4);
    assert.strictEqual(s.pairs[3].texts.prompt, 'What is 2 + 2?');
    assert.notStrictEqual(s.pairs[3].id, 'pe-0002');
    await undoTo(uri, added);
    await undoTo(uri, FILE);
    assert.strictEqual(await save(uri), FILE);
  });

  it('a write on disk updates what the webview is sent', async () => {
    const uri = scratchFile();
    await openPairEditor(uri);
    await shown(uri);
    writeFileSync(uri.fsPath, FILE.replace('Four.', 'Four, exactly.'));
    const deadline = Date.now() + 15000;
    let s = await shown(uri);
    while (s.pairs[1].texts.response !== 'Four, exactly.' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      s = await shown(uri);
    }
    assert.strictEqual(s.pairs[1].texts.response, 'Four, exactly.');
  });

  it('a text editor and the pair editor stay equal through interleaved edits', async () => {
    const uri = scratchFile();
    await openPairEditor(uri);
    const editor = await vscode.window.showTextDocument(doc(uri), vscode.ViewColumn.Beside);
    const replace = async (from: string, to: string) => {
      const text = editor.document.getText();
      const at = text.indexOf(from);
      assert.ok(at >= 0, from);
      const range = new vscode.Range(
        editor.document.positionAt(at),
        editor.document.positionAt(at + from.length),
      );
      assert.ok(await editor.edit((b) => b.replace(range, to)));
    };
    await replace('Four.', 'Four!');
    await post(uri, {
      kind: 'setField',
      pair: { id: 'pe-0001' },
      key: 'response',
      value: 'Light scatters.',
    });
    await replace('What is 2 + 2?', 'What is 3 + 1?');
    await post(uri, {
      kind: 'setAnnotation',
      pair: { id: 'pe-0002' },
      key: 'prompt_type',
      value: 'instructive',
    });
    const s = await shown(uri);
    const text = editor.document.getText();
    assert.strictEqual(
      text,
      FILE.replace('Four.', 'Four!')
        .replace('Rayleigh scattering.', 'Light scatters.')
        .replace('"What is 2 + 2?"', '"What is 3 + 1?"')
        .replace(
          'task: open_qa\n    prompt: "What',
          'task: open_qa\n    prompt_type: instructive\n    prompt: "What',
        ),
    );
    assert.deepStrictEqual(
      s.pairs.map((p) => [p.texts.prompt, p.texts.response, p.promptType]),
      [
        ['Why is the sky blue?\nAnswer briefly.\n', 'Light scatters.', 'instructive'],
        ['What is 3 + 1?', 'Four!', 'instructive'],
      ],
    );
  });

  it('problems of workspace rules (duplicate-id) are on the card, as in the Problems panel', async () => {
    // hc-0002 is also an id in health.sft.yaml of the fixture workspace.
    const uri = fixture('pe-duplicate.sft.yaml');
    const text =
      'sft: 1\npairs:\n  - id: hc-0002\n    task: open_qa\n    prompt: Why?\n    response: Because.\n' +
      '  - id: pe-0010\n    task: open_qa\n    prompt: How?\n    response: So.\n';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    try {
      await openPairEditor(uri);
      await diagnosticsUntil(
        uri,
        (ds) => ds.some((d) => ruleOf(d) === 'duplicate-id'),
        'duplicate-id in the Problems panel',
      );
      const deadline = Date.now() + 15000;
      let s = await shown(uri);
      while (!s.pairs[0].problems.some((p) => p.rule === 'duplicate-id') && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
        s = await shown(uri);
      }
      const dup = s.pairs[0].problems.find((p) => p.rule === 'duplicate-id');
      assert.ok(dup, JSON.stringify(s.pairs[0].problems));
      assert.strictEqual(dup.field, 'id', 'placed at the field it concerns');
      // Typing in another pair: the push right after it (before the index has read the edit)
      // keeps the problem on the pair the edit did not touch; nothing flickers.
      await post(uri, { kind: 'setField', pair: { id: 'pe-0010' }, key: 'response', value: 'So!' });
      s = await shown(uri);
      assert.deepStrictEqual(
        s.pairs[0].problems.filter((p) => p.rule === 'duplicate-id').map((p) => p.field),
        ['id'],
      );
      // Renamed in the card: the problem goes from the card as it goes from the panel.
      await post(uri, { kind: 'setField', pair: { id: 'hc-0002' }, key: 'id', value: 'pe-0009' });
      const gone = Date.now() + 15000;
      s = await shown(uri);
      while (s.pairs[0].problems.some((p) => p.rule === 'duplicate-id') && Date.now() < gone) {
        await new Promise((r) => setTimeout(r, 50));
        s = await shown(uri);
      }
      assert.deepStrictEqual(
        s.pairs[0].problems.filter((p) => p.rule === 'duplicate-id'),
        [],
      );
    } finally {
      await closeEditors();
      await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
      await statusBarShows(undefined, 'the index without the new file');
    }
  });

  it('a seeded interleaving of card intents, text edits, writes on disk and saves: the card always equals the text, and nothing typed is lost', async function () {
    // A step is a few round trips; a loaded host can take seconds for one.
    this.timeout(180000);
    const seed = Number(process.env.SFT_PE_SEED ?? 20261130);
    let state = seed;
    const rand = (n: number) => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state % n;
    };
    const uri = scratchFile();
    await openPairEditor(uri);
    const editor = await vscode.window.showTextDocument(doc(uri), vscode.ViewColumn.Beside);
    /** Marks typed (in a card or the text editor) that the text must still hold. */
    const typed = new Set<string>();
    const trace: string[] = [];
    /** A step that does not end in 20 s fails with what led to it, rather than hang the test. */
    const within = <T>(step: number, p: Promise<T>): Promise<T> =>
      Promise.race([
        p,
        new Promise<never>((_, reject) =>
          setTimeout(
            () =>
              reject(
                new Error(
                  `step ${step} did not end in 20 s: seed ${seed} (${trace.join(' ')}), pair editor sent ${JSON.stringify(lastShown)}`,
                ),
              ),
            20000,
          ),
        ),
      ]);
    let lastShown: unknown;
    for (let step = 0; step < 36; step++) {
      const mark = `m${step}x`;
      const began = Date.now();
      const s = await shown(uri);
      lastShown = { version: s.version, ackSeq: s.ackSeq, document: doc(uri).version };
      const pair = s.pairs[rand(s.pairs.length)];
      const action = rand(7);
      trace.push(`${action}:${pair.key}`);
      if (action === 0) {
        // A card's response typed into (a draft committed).
        const value = `${pair.texts.response ?? ''} ${mark}`.trim();
        await within(step, post(uri, { kind: 'setField', pair: pair.ref, key: 'response', value }));
        typed.add(mark);
      } else if (action === 1) {
        await within(
          step,
          post(uri, { kind: 'addExample', pair: pair.ref, input: mark, output: 'out' }),
        );
        typed.add(mark);
      } else if (action === 2) {
        const intents: EditorIntent[] = [
          { kind: 'setAnnotation', pair: pair.ref, key: 'task', value: 'brainstorming' },
          { kind: 'movePair', pair: pair.ref, by: rand(2) ? 1 : -1 },
          { kind: 'addPair', after: pair.ref },
          { kind: 'setField', pair: pair.ref, key: 'labels', value: ['a', 'b'] },
        ];
        await within(step, post(uri, intents[rand(intents.length)]));
      } else if (action === 3) {
        // The text editor: a pair typed at the end of the file.
        const text = editor.document.getText();
        const end = editor.document.positionAt(text.length);
        const lead = text.endsWith('\n') ? '' : '\n';
        const body = `${lead}  - id: t-${step}\n    prompt: ${mark}\n    response: typed\n`;
        assert.ok(await within(step, Promise.resolve(editor.edit((b) => b.insert(end, body)))));
        typed.add(mark);
      } else if (action === 4) {
        await within(step, save(uri));
      } else if (action === 5 && !doc(uri).isDirty) {
        // A write on disk (git checkout) of a clean document: it is reloaded, and what the
        // write replaced is gone on purpose.
        const written = FILE.replace('Four.', `Four. ${mark}`);
        writeFileSync(uri.fsPath, written);
        await until(
          vscode.workspace.onDidChangeTextDocument,
          () => doc(uri).getText() === written,
          'the document reloaded from disk',
        );
        typed.clear();
        typed.add(mark);
      } else if (action === 6) {
        const intents: EditorIntent[] = [
          { kind: 'duplicatePair', pair: pair.ref },
          { kind: 'removePair', pair: pair.ref },
        ];
        const intent = intents[rand(2)];
        // Keep at least two pairs to work on; what a removed pair held goes with it.
        if (s.pairs.length > 2) await within(step, post(uri, intent));
        if (s.pairs.length > 2 && intent.kind === 'removePair')
          for (const m of typed) if (JSON.stringify(pair).includes(m)) typed.delete(m);
      }
      // Settled: what the card shows is a fresh reading of the text.
      const now = await shown(uri);
      const text = doc(uri).getText();
      const read = (parseDocument(text).toJS() as { pairs: Record<string, unknown>[] }).pairs;
      const where = `seed ${seed}, step ${step} (${trace.join(' ')})\n${text}`;
      assert.deepStrictEqual(
        now.pairs.map((p) => [p.id, p.texts.prompt, p.texts.response, p.annotations.task]),
        read.map((p) => [p.id, p.prompt, p.response, p.task]),
        where,
      );
      assert.deepStrictEqual(
        now.pairs.map((p) => p.examples ?? []),
        read.map((p) => p.examples ?? []),
        where,
      );
      for (const m of typed) assert.ok(text.includes(m), `${m} was lost: ${where}`);
      const took = Date.now() - began;
      if (took > 3000) console.log(`[interleaving] step ${step} (${trace.at(-1)}) took ${took} ms`);
    }
  });

  it('"SFT: Open in Pair Editor" opens the active text editor\'s file in the pair editor', async () => {
    const uri = scratchFile();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await vscode.commands.executeCommand('sft.openPairEditor');
    const ready = await vscode.commands.executeCommand<boolean>('sft.test.pairEditorReady', uri);
    assert.strictEqual(ready, true);
    assert.strictEqual((await shown(uri)).pairs.length, 2);
  });

  it('sft.pairEditor.openByDefault keeps the *.sft.yaml editor association in step', async () => {
    const sft = vscode.workspace.getConfiguration('sft');
    const associations = () =>
      vscode.workspace
        .getConfiguration('workbench')
        .inspect<Record<string, string>>('editorAssociations')?.globalValue ?? {};
    const changed = (want: string | undefined) =>
      until(
        vscode.workspace.onDidChangeConfiguration,
        () => associations()['*.sft.yaml'] === want,
        `the association ${want ?? 'gone'}`,
      );
    try {
      await sft.update('pairEditor.openByDefault', true, vscode.ConfigurationTarget.Global);
      await changed('sft.pairEditor');
      await sft.update('pairEditor.openByDefault', undefined, vscode.ConfigurationTarget.Global);
      await changed(undefined);
    } finally {
      await sft.update('pairEditor.openByDefault', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
