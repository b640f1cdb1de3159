import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { TASKS } from '../../src/core/annotations';
import { computeCoverage } from '../../src/core/coverage';
import { fieldSpec } from '../../src/core/fields';
import { defaultGuidelines } from '../../src/core/guidelines';
import { statusTooltip } from '../../src/extension/workspace/status-bar';
import { api, diagnosticsUntil, open, rangeOf, revert, type } from './helpers';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
    .join('\n');
}

/** Writer's text that would be a link running a command, HTML, an icon, emphasis and a table break. */
const HOSTILE = '[run](command:workbench.action.quit) <img src=x> $(zap) *b* a|b';
/** The same text as escaped Markdown: shown literally, nothing live. */
const ESCAPED = '\\[run\\](command:workbench.action.quit) \\<img src=x\\> \\$(zap) \\*b\\* a\\|b';

function markdownOf(hovers: vscode.Hover[]): vscode.MarkdownString[] {
  return hovers.flatMap((h) =>
    h.contents.flatMap((c) => (c instanceof vscode.MarkdownString ? [c] : [])),
  );
}

describe('language features', () => {
  afterEach(async () => {
    for (const d of vscode.workspace.textDocuments) if (d.isDirty) await revert(d);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('the language is sft-yaml for *.sft.yaml', async () => {
    await api();
    const editor = await open('travel.sft.yaml');
    assert.strictEqual(editor.document.languageId, 'sft-yaml');
  });

  it('completion offers annotation values with their meanings', async () => {
    await api();
    const editor = await open('health.sft.yaml');
    const value = rangeOf(editor.document, 'closed_qa');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      editor.document.uri,
      value.start,
    );
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const t of TASKS) assert.ok(labels.includes(t.value), `offers ${t.value}`);
    const closedQa = list.items.find(
      (i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'closed_qa',
    )!;
    assert.strictEqual(closedQa.detail, TASKS.find((t) => t.value === 'closed_qa')!.description);
  });

  it('completion and hover name languages: "English (en)", not the bare tag', async () => {
    await api();
    const editor = await open('health.sft.yaml');
    const doc = editor.document;
    const value = rangeOf(doc, 'language: en').start.translate(0, 'language: '.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      value,
    );
    const detail = (tag: string) =>
      list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === tag)
        ?.detail;
    assert.strictEqual(detail('en'), 'English (en)');
    assert.strictEqual(detail('hi'), 'Hindi (hi)');
    assert.strictEqual(detail('pt-BR'), 'Portuguese (Brazil) (pt-BR)');
    const hover = hoverText(
      await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        doc.uri,
        value.translate(0, 1),
      ),
    );
    assert.ok(hover.includes('English (en)'), hover);
  });

  it('completion offers pair keys at a key position', async () => {
    await api();
    const editor = await open('health.sft.yaml');
    const at = rangeOf(editor.document, 'prompt_type: instructive').start;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      editor.document.uri,
      at,
    );
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const k of ['response_type', 'context', 'traits', 'status'])
      assert.ok(labels.includes(k), `offers ${k}`);
  });

  it("completion offers an example's keys under examples and a review note's under review", async () => {
    await api();
    const editor = await open('health.sft.yaml');
    const doc = editor.document;
    const keysAt = async (pos: vscode.Position) => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        doc.uri,
        pos,
      );
      // Only the format's keys: other providers may offer words of the document.
      return list.items
        .map((i) => (typeof i.label === 'string' ? i.label : i.label.label))
        .filter((k) => fieldSpec(k));
    };
    const line = rangeOf(doc, '    prompt: |').start.line;
    await type(
      editor,
      new vscode.Position(line, 0),
      '    examples:\n      - input: a\n        \n    review:\n      - by: sam\n        \n',
    );
    assert.deepStrictEqual(await keysAt(new vscode.Position(line + 2, 8)), ['input', 'output']);
    assert.deepStrictEqual(await keysAt(new vscode.Position(line + 5, 8)), [
      'by',
      'note',
      'resolved',
    ]);
    const pairKeys = await keysAt(new vscode.Position(line + 6, 4));
    assert.ok(pairKeys.includes('prompt') && pairKeys.includes('review'), pairKeys.join(', '));
  });

  it('hover on a value shows its meaning; on an id, the pair counts', async () => {
    await api();
    const editor = await open('health.sft.yaml');
    const doc = editor.document;
    const meaning = hoverText(
      await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        doc.uri,
        rangeOf(doc, 'closed_qa').start.translate(0, 2),
      ),
    );
    assert.ok(meaning.includes(TASKS.find((t) => t.value === 'closed_qa')!.description), meaning);
    const counts = hoverText(
      await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        doc.uri,
        rangeOf(doc, 'hc-0001').start.translate(0, 1),
      ),
    );
    assert.match(counts, /Length bucket: \*\*short\*\*/);
    assert.match(counts, /\| response \| 13 \| \d+ \|/);
  });

  it('symbols list every pair, named by id', async () => {
    await api();
    const editor = await open('travel.sft.yaml');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
      'vscode.executeDocumentSymbolProvider',
      editor.document.uri,
    );
    assert.deepStrictEqual(
      symbols.map((s) => s.name),
      ['tr-0001', 'tr-0002', 'tr-0003'],
    );
    assert.deepStrictEqual(
      symbols.map((s) => s.detail),
      ['brainstorming · short', 'open_qa · short', 'generation · short'],
    );
    assert.deepStrictEqual(symbols[1].selectionRange, rangeOf(editor.document, 'tr-0002'));
  });

  it('a CodeLens above each pair shows task, bucket and problems', async () => {
    await api();
    const editor = await open('health.sft.yaml');
    await diagnosticsUntil(editor.document.uri, (d) => d.length > 0, 'first lint');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
      'vscode.executeCodeLensProvider',
      editor.document.uri,
    );
    assert.deepStrictEqual(
      lenses.map((l) => l.command?.title),
      ['closed_qa · short · no problems', 'generation · short · 1 problem'],
    );
    assert.strictEqual(lenses[0].command?.command, 'sft.setAnnotation');
  });

  it('next / previous pair move between pairs', async () => {
    await api();
    const editor = await open('travel.sft.yaml');
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('sft.nextPair');
    assert.strictEqual(
      editor.selection.active.line,
      rangeOf(editor.document, '- id: tr-0001').start.line,
    );
    await vscode.commands.executeCommand('sft.nextPair');
    assert.strictEqual(
      editor.selection.active.line,
      rangeOf(editor.document, '- id: tr-0002').start.line,
    );
    await vscode.commands.executeCommand('sft.previousPair');
    assert.strictEqual(
      editor.selection.active.line,
      rangeOf(editor.document, '- id: tr-0001').start.line,
    );
  });

  it('set annotation makes a minimal edit', async () => {
    await api();
    const editor = await open('travel.sft.yaml');
    const doc = editor.document;
    const before = doc.getText();
    assert.ok(
      await vscode.commands.executeCommand('sft.setAnnotation', doc.uri, 1, 'task', 'closed_qa'),
    );
    const open_ = before.indexOf('task: open_qa');
    assert.strictEqual(
      doc.getText(),
      `${before.slice(0, open_)}task: closed_qa${before.slice(open_ + 'task: open_qa'.length)}`,
    );
    assert.ok(
      await vscode.commands.executeCommand('sft.setAnnotation', doc.uri, 0, 'status', 'review'),
    );
    assert.match(doc.getText(), /- id: tr-0001\n[\s\S]*?\n    status: review\n/);
    assert.strictEqual(
      doc.getText().replace('    status: review\n', ''),
      `${before.slice(0, open_)}task: closed_qa${before.slice(open_ + 'task: open_qa'.length)}`,
    );
  });

  it('the counts hover shows a hostile pair id literally, untrusted and without HTML', async () => {
    await api();
    const editor = await open('health.sft.yaml');
    const id = rangeOf(editor.document, 'hc-0001');
    assert.ok(await editor.edit((b) => b.replace(id, JSON.stringify(HOSTILE))));
    const md = markdownOf(
      await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        editor.document.uri,
        id.start.translate(0, 3),
      ),
    );
    const counts = md.find((m) => m.value.includes('**Pair '));
    assert.ok(counts, md.map((m) => m.value).join('\n---\n'));
    assert.ok(counts.value.includes(`**Pair ${ESCAPED}**`), counts.value);
    assert.ok(!counts.value.includes(HOSTILE), counts.value);
    assert.ok(!counts.isTrusted && !counts.supportHtml);
  });

  it('the status bar tooltip escapes values and task names but keeps its own command link', () => {
    const g = defaultGuidelines();
    const c = computeCoverage([], g);
    c.annotations.domain.buckets.push({
      value: `${HOSTILE}\nnext`,
      count: 1,
      share: 1,
      target: 0.5,
      gap: 0,
      meets: true,
    });
    c.tasks.missing.push(HOSTILE);
    const md = statusTooltip(c).value;
    assert.ok(md.includes(`| domain | ${ESCAPED}\\\\nnext | 1 | 100% | 50% |\n`), md);
    assert.ok(md.includes(`Tasks with no pair yet: generation`), md);
    assert.ok(
      md.includes(
        `on target (meeting their target, or present where none is set): ${c.tasks.onTarget} of ${c.tasks.total}\n`,
      ),
      md,
    );
    assert.ok(
      md.endsWith(`, ${ESCAPED}\n\n[Open the coverage report](command:sft.showCoverageReport)`),
      md,
    );
    assert.ok(!md.includes(HOSTILE), md);
  });
});
