import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { FileLinter } from '../../src/core/lint';
import { loadGuidelines } from '../../src/core/guidelines';
import { nodeTextServices } from '../../src/node/text-services';
import type { ExportArgs, ExportResult } from '../../src/extension/commands/export';
import type { ImportArgs, ImportResult } from '../../src/extension/commands/import';
import { closeEditors, fixture, FIXTURE_STATUS, open, rangeOf, statusBarShows } from './helpers';

const decoder = new TextDecoder();

function exportWith(args: ExportArgs): Thenable<ExportResult> {
  return vscode.commands.executeCommand<ExportResult>('sft.export', args);
}

function importWith(args: ImportArgs): Thenable<ImportResult> {
  return vscode.commands.executeCommand<ImportResult>('sft.import', args);
}

async function readText(uri: vscode.Uri): Promise<string> {
  return decoder.decode(await vscode.workspace.fs.readFile(uri));
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return Promise.resolve(vscode.workspace.fs.stat(uri)).then(
    () => true,
    () => false,
  );
}

function jsonLines(text: string): Record<string, unknown>[] {
  return text
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('export and import commands', () => {
  const out = (name: string): vscode.Uri => fixture(`out/${name}`);

  before(() => statusBarShows());

  afterEach(closeEditors);

  it('exports a folder as OpenAI chat JSONL', async () => {
    const target = out('fix-openai.jsonl');
    const r = await exportWith({
      format: 'openai',
      statuses: 'all',
      scope: fixture('fix'),
      target,
      force: false,
    });
    assert.strictEqual(r.outcome, 'exported', JSON.stringify(r));
    assert.strictEqual(r.outcome === 'exported' && r.pairs, 1);
    assert.deepStrictEqual(jsonLines(await readText(target)), [
      {
        messages: [
          { role: 'user', content: 'What colour is a ripe banana?' },
          { role: 'assistant', content: 'Yellow, often with brown spots.' },
        ],
      },
    ]);
  });

  it('refuses while errors remain in the pairs to export, and exports when forced', async () => {
    const target = out('all.jsonl');
    const refused = await exportWith({ format: 'jsonl', statuses: 'all', target, force: false });
    assert.strictEqual(refused.outcome, 'refused', JSON.stringify(refused));
    if (refused.outcome !== 'refused') return;
    assert.strictEqual(refused.errors, 1); // the anchor in health.sft.yaml
    assert.deepStrictEqual(
      refused.files.map((u) => u.toString()),
      [fixture('health.sft.yaml').toString()],
    );
    assert.strictEqual(await exists(target), false, 'nothing written');

    const forced = await exportWith({ format: 'jsonl', statuses: 'all', target, force: true });
    assert.strictEqual(forced.outcome, 'exported', JSON.stringify(forced));
    const lines = jsonLines(await readText(target));
    assert.deepStrictEqual(
      lines.map((l) => l.id),
      ['fx-0001', 'hc-0001', 'hc-0002', 'tr-0001', 'tr-0002', 'tr-0003'],
    );
    assert.deepStrictEqual(lines[0], {
      id: 'fx-0001',
      task: 'open_qa',
      prompt_type: 'instructive',
      response_type: 'short_phrase',
      domain: 'general',
      language: 'en',
      prompt: 'What colour is a ripe banana?',
      response: 'Yellow, often with brown spots.',
      file: 'fix/notes.sft.yaml',
    });
    assert.strictEqual(lines[1].domain, 'healthcare', 'defaults apply');
  });

  it('filters by status from the unsaved text; errors in pairs left out do not block', async () => {
    const target = out('approved.json');
    assert.strictEqual(
      (await exportWith({ format: 'alpaca', statuses: ['approved'], target, force: false }))
        .outcome,
      'empty',
    );
    const editor = await open('health.sft.yaml');
    // hc-0001 approved (unsaved); hc-0002 keeps its error but has no status.
    await editor.edit((b) =>
      b.insert(rangeOf(editor.document, 'task: closed_qa').start, 'status: approved\n    '),
    );
    assert.ok(editor.document.isDirty);
    const r = await exportWith({ format: 'alpaca', statuses: ['approved'], target, force: false });
    assert.strictEqual(r.outcome, 'exported', JSON.stringify(r));
    const items = JSON.parse(await readText(target)) as Array<Record<string, string>>;
    assert.deepStrictEqual(
      items.map((i) => i.output),
      ['The usual maximum for healthy adults is four grams in twenty-four hours.'],
    );
    assert.match(items[0].input, /^Paracetamol is a common pain reliever\./);

    // Exporting pairs without a status too takes in hc-0002 and its error.
    const both = await exportWith({
      format: 'alpaca',
      statuses: ['approved', ''],
      target,
      force: false,
    });
    assert.strictEqual(both.outcome, 'refused', JSON.stringify(both));
  });

  it('rejects bad arguments with a message instead of throwing', async () => {
    const r = await exportWith({
      format: 'csv' as never,
      statuses: 'all',
      target: out('x.csv'),
      force: false,
    });
    assert.deepStrictEqual(r, { outcome: 'failed', message: 'unknown format "csv"' });
    const s = await exportWith({
      format: 'openai',
      statuses: ['done'],
      target: out('x.jsonl'),
      force: false,
    });
    assert.strictEqual(s.outcome, 'failed');
  });

  it('never writes training data over a .sft.yaml file, its own source included', async () => {
    const source = fixture('fix/notes.sft.yaml');
    const before = await readText(source);
    const r = await exportWith({
      format: 'openai',
      statuses: 'all',
      scope: fixture('fix'),
      target: source,
      force: true,
    });
    assert.deepStrictEqual(r, {
      outcome: 'failed',
      message: 'will not write notes.sft.yaml: an export never replaces a .sft.yaml file',
    });
    assert.strictEqual(await readText(source), before);
  });

  describe('import', () => {
    const sft = fixture('import/records.sft.yaml');

    after(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      for (const u of [sft, fixture('import/chat.sft.yaml')])
        if (await exists(u)) await vscode.workspace.fs.delete(u);
      // Leave the workspace as the other suites expect it.
      await statusBarShows(FIXTURE_STATUS, 'the index without the imported files');
    });

    it('writes a .sft.yaml that lints clean, opens it, and round-trips through export', async () => {
      const r = await importWith({
        source: fixture('import/records.jsonl'),
        format: 'jsonl',
        target: sft,
        idPrefix: 'imp',
      });
      assert.strictEqual(r.outcome, 'imported', JSON.stringify(r));
      assert.deepStrictEqual(r.outcome === 'imported' && [r.pairs, r.problems], [2, []]);
      assert.strictEqual(
        vscode.window.activeTextEditor?.document.uri.toString(),
        sft.toString(),
        'opened in an editor',
      );
      const text = await readText(sft);
      assert.match(text, /^ {2}- id: imp-0001$/m);
      assert.match(text, /^ {2}- id: imp-0002$/m);

      const guidelines = loadGuidelines(
        await readText(fixture('sft.guidelines.yaml')),
        'sft.guidelines.yaml',
      );
      assert.deepStrictEqual(
        new FileLinter(guidelines.guidelines, nodeTextServices())
          .lint(text)
          .problems.map((p) => `${p.rule}: ${p.message}`),
        [],
      );

      // The extension's own lint (workspace rules included) lets it export without force.
      const back = await exportWith({
        format: 'jsonl',
        statuses: 'all',
        scope: sft,
        target: out('round-trip.jsonl'),
        force: false,
      });
      assert.strictEqual(back.outcome, 'exported', JSON.stringify(back));
      const input = jsonLines(await readText(fixture('import/records.jsonl')));
      const output = jsonLines(await readText(out('round-trip.jsonl')));
      assert.deepStrictEqual(
        output.map(({ id: _id, file: _file, ...rest }) => rest),
        input,
      );
    });

    it('never replaces an existing file unless asked', async () => {
      const before = await readText(sft);
      const r = await importWith({
        source: fixture('import/chat.jsonl'),
        format: 'openai',
        target: sft,
        open: false,
      });
      assert.strictEqual(r.outcome, 'failed');
      assert.match(
        r.outcome === 'failed' ? r.message : '',
        /records\.sft\.yaml exists; not replaced/,
      );
      assert.strictEqual(await readText(sft), before);
    });

    it('skips unreadable records and names their lines', async () => {
      const target = fixture('import/chat.sft.yaml');
      const r = await importWith({
        source: fixture('import/chat.jsonl'),
        format: 'openai',
        target,
        open: false,
      });
      assert.strictEqual(r.outcome, 'imported', JSON.stringify(r));
      if (r.outcome !== 'imported') return;
      assert.strictEqual(r.pairs, 1);
      assert.deepStrictEqual(r.problems, [
        'line 2: not valid JSON; skipped',
        'line 4: expected [system?, user, assistant] messages with text content; skipped',
      ]);
      // The id prefix defaults to the target's name.
      assert.match(
        await readText(target),
        /- id: chat-0001\n {4}system: Answer in one sentence\.\n {4}prompt: Why is the sky blue\?/,
      );
    });

    it('writes to a name with exactly one .sft.yaml, and takes the id prefix from it', async () => {
      // What a save dialog with an `sft.yaml` filter returned for the suggested name.
      const doubled = fixture('import/named.sft.yaml.sft.yaml');
      const named = fixture('import/named.sft.yaml');
      try {
        const r = await importWith({
          source: fixture('import/chat.jsonl'),
          format: 'openai',
          target: doubled,
          open: false,
        });
        assert.strictEqual(r.outcome, 'imported', JSON.stringify(r));
        assert.strictEqual(r.outcome === 'imported' && r.target.toString(), named.toString());
        assert.strictEqual(await exists(doubled), false);
        assert.match(await readText(named), /- id: named-0001\n/);
        // A name without the extension gets it.
        const bare = await importWith({
          source: fixture('import/chat.jsonl'),
          format: 'openai',
          target: fixture('import/named'),
          open: false,
        });
        assert.match(
          bare.outcome === 'failed' ? bare.message : JSON.stringify(bare),
          /^named\.sft\.yaml exists; not replaced/,
        );
      } finally {
        if (await exists(named)) await vscode.workspace.fs.delete(named);
      }
    });

    it('fails with a message for input it cannot read, and writes nothing', async () => {
      const target = fixture('import/never.sft.yaml');
      const broken = await importWith({
        source: fixture('import/broken.json'),
        format: 'alpaca',
        target,
      });
      assert.strictEqual(broken.outcome, 'failed');
      assert.match(
        broken.outcome === 'failed' ? broken.message : '',
        /^no Alpaca JSON records in broken\.json: not valid JSON: .* at line 3, column 1$/,
      );
      const wrongFormat = await importWith({
        source: fixture('import/records.jsonl'),
        format: 'sharegpt',
        target,
      });
      assert.match(wrongFormat.outcome === 'failed' ? wrongFormat.message : '', /not valid JSON/);
      const missing = await importWith({
        source: fixture('import/nope.jsonl'),
        format: 'openai',
        target,
      });
      assert.deepStrictEqual(missing, {
        outcome: 'failed',
        message: 'cannot read nope.jsonl: no such file',
        problems: [],
      });
      const badPrefix = await importWith({
        source: fixture('import/chat.jsonl'),
        format: 'openai',
        target,
        idPrefix: 'a b',
      });
      assert.strictEqual(badPrefix.outcome, 'failed');
      assert.strictEqual(await exists(target), false);
    });
  });
});
