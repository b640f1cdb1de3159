import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { RULE_METAS } from '../../src/core/rules/index';
import { lintSummaryText, type WorkspaceLintSummary } from '../../src/extension/lint/diagnostics';
import {
  api,
  diagnosticsUntil,
  fixture,
  open,
  rangeOf,
  revert,
  ruleOf,
  sftDiagnostics,
  type,
  until,
} from './helpers';

describe('diagnostics', () => {
  afterEach(async () => {
    for (const d of vscode.workspace.textDocuments) if (d.isDirty) await revert(d);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opening a file publishes its problems at exact ranges, linked to the rule doc', async () => {
    await api();
    const editor = await open('health.sft.yaml');
    const [d] = await diagnosticsUntil(
      editor.document.uri,
      (ds) => ds.some((x) => ruleOf(x) === 'no-aliases'),
      'a no-aliases diagnostic',
    ).then(() => sftDiagnostics(editor.document.uri, 'no-aliases'));
    assert.deepStrictEqual(d.range, rangeOf(editor.document, '&t'));
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(
      typeof d.code === 'object' && d.code.target.path.endsWith('/docs/rules/no-aliases.md'),
      'code.target links the rule doc',
    );
    // The clean fixture has no other problems.
    assert.deepStrictEqual(sftDiagnostics(editor.document.uri).map(ruleOf), ['no-aliases']);
  });

  it('two surfaces asking for the lint of a new document at once share one lint', async () => {
    const sft = await api();
    // Untitled: a document no surface has linted yet, so both callers resolve its guidelines first.
    const doc = await vscode.workspace.openTextDocument({
      language: 'sft-yaml',
      content: 'sft: 1\npairs:\n  - id: a\n    prompt: Hi\n    response: Hello.\n',
    });
    const [a, b] = await Promise.all([sft.currentLint(doc), sft.currentLint(doc)]);
    assert.strictEqual(a, b, "the second caller took the first caller's lint of the version");
    assert.strictEqual(await sft.currentLint(doc), a, 'the version is not linted again');
  });

  it('a large document is linted in turns: the host is never held for long, and an edit made meanwhile is in the result, as a fresh lint gives it', async () => {
    const sft = await api();
    const pair = (i: number) =>
      `  - id: big-${i}\n    task: open_qa\n    prompt: Why does question ${i} matter to the class?\n` +
      `    response: ${i % 1009 === 0 ? 'As an AI language model, I' : 'I'} think it shows step ${i}.\n`;
    const text = `sft: 1\npairs:\n${Array.from({ length: 10000 }, (_, i) => pair(i)).join('')}`;
    const doc = await vscode.workspace.openTextDocument({ language: 'sft-yaml', content: text });
    // This test runs in the extension host's thread: while the lint runs in turns, its timers
    // run between them, and a keystroke is taken between them too. (The parse before them is
    // one piece; a lint in one piece would hold the host for all of it.)
    let linted = false;
    const began = performance.now();
    const linting = sft.currentLint(doc).then((r) => ((linted = true), r));
    let longest = 0;
    let last = began;
    let typed: Thenable<boolean> | undefined;
    while (!linted) {
      await new Promise((r) => setTimeout(r, 0));
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
      if (!typed) {
        const edit = new vscode.WorkspaceEdit();
        const at = doc.positionAt(text.indexOf('I think it shows step 5.'));
        edit.insert(doc.uri, at, 'As an AI language model, ');
        typed = vscode.workspace.applyEdit(edit);
      }
    }
    await linting;
    const took = performance.now() - began;
    assert.ok(
      longest <= took / 2,
      `the host stalled ${longest.toFixed(0)} ms at a time during a ${took.toFixed(0)} ms lint`,
    );
    assert.ok(await typed);
    const edited = (await sft.currentLint(doc)) as { version: number };
    assert.strictEqual(edited.version, doc.version, 'the lint has the edit in');
    const fresh = await vscode.workspace.openTextDocument({
      language: 'sft-yaml',
      content: doc.getText(),
    });
    const shape = (r: object) =>
      (
        r as { result: { problems: { rule: string; start: number; end: number }[] } }
      ).result.problems.map((p) => [p.rule, p.start, p.end]);
    const got = shape(edited);
    assert.deepStrictEqual(got, shape(await sft.currentLint(fresh)));
    assert.ok(
      got.filter(([rule]) => rule === 'banned-phrase').length === 11,
      `ten planted and one typed: ${JSON.stringify(got)}`,
    );
  });

  it('typing a banned phrase raises it (incrementally) and deleting it clears it', async function () {
    if (!RULE_METAS.some((m) => m.id === 'banned-phrase')) this.skip();
    const sft = await api();
    const editor = await open('travel.sft.yaml');
    const uri = editor.document.uri;
    await diagnosticsUntil(uri, () => true, 'first lint');
    assert.deepStrictEqual(sftDiagnostics(uri), []);
    const before = sft.lintStats.incremental;
    const at = rangeOf(editor.document, 'The sea stores heat').start;
    const phrase = 'As an AI language model, ';
    await type(editor, at, phrase);
    const ds = await diagnosticsUntil(
      uri,
      (x) => x.some((d) => ruleOf(d) === 'banned-phrase'),
      'a banned-phrase diagnostic',
    );
    const banned = ds.filter((d) => ruleOf(d) === 'banned-phrase');
    assert.strictEqual(banned.length, 1);
    assert.deepStrictEqual(banned[0].range, rangeOf(editor.document, 'As an AI language model'));
    assert.ok(sft.lintStats.incremental > before, 'the edit was linted incrementally');
    // The incremental lint reads only the edited window of the document: its text is the document's.
    const linted = (await sft.currentLint(editor.document)) as {
      incremental: boolean;
      result: { model: { text: string } };
    };
    assert.ok(linted.incremental, 'this version was linted incrementally');
    assert.strictEqual(linted.result.model.text, editor.document.getText());
    await editor.edit((b) => b.delete(new vscode.Range(at, at.translate(0, phrase.length))));
    await diagnosticsUntil(
      uri,
      (x) => !x.some((d) => ruleOf(d) === 'banned-phrase'),
      'the banned-phrase diagnostic to clear',
    );
  });

  it('a quick fix changes only the bytes it should', async function () {
    if (!RULE_METAS.some((m) => m.id === 'banned-phrase')) this.skip();
    await api();
    const editor = await open('travel.sft.yaml');
    const doc = editor.document;
    const original = doc.getText();
    const at = rangeOf(doc, 'The sea stores heat').start;
    await type(editor, at, 'As an AI language model, ');
    const [d] = (
      await diagnosticsUntil(
        doc.uri,
        (x) => x.some((y) => ruleOf(y) === 'banned-phrase'),
        'banned-phrase',
      )
    ).filter((y) => ruleOf(y) === 'banned-phrase');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      d.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.isPreferred && a.edit);
    assert.ok(fix?.edit, `a preferred quick fix (got ${actions.map((a) => a.title).join(', ')})`);
    assert.ok(
      actions.some((a) => a.command?.command === 'sft.silenceRule'),
      'a silence action',
    );
    const edits = fix.edit.get(doc.uri);
    assert.strictEqual(edits.length, 1);
    assert.ok(
      d.range.contains(edits[0].range) || edits[0].range.contains(d.range),
      'the edit is at the problem',
    );
    const startOffset = doc.offsetAt(edits[0].range.start);
    const endOffset = doc.offsetAt(edits[0].range.end);
    const dirty = doc.getText();
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const after = doc.getText();
    // Every byte outside the edit's range is as it was.
    assert.strictEqual(after.slice(0, startOffset), dirty.slice(0, startOffset));
    assert.strictEqual(
      after.slice(after.length - (dirty.length - endOffset)),
      dirty.slice(endOffset),
    );
    assert.ok(after.length < dirty.length && after.length >= original.length - 2);
    await diagnosticsUntil(
      doc.uri,
      (x) => !x.some((y) => ruleOf(y) === 'banned-phrase'),
      'the fixed problem to clear',
    );
  });

  it('"silence for this pair" inserts a reasoned sft-ignore comment', async function () {
    if (!RULE_METAS.some((m) => m.id === 'banned-phrase')) this.skip();
    await api();
    const editor = await open('travel.sft.yaml');
    const doc = editor.document;
    const at = rangeOf(doc, 'The sea stores heat').start;
    await type(editor, at, 'As an AI language model, ');
    const [d] = (
      await diagnosticsUntil(
        doc.uri,
        (x) => x.some((y) => ruleOf(y) === 'banned-phrase'),
        'banned-phrase',
      )
    ).filter((y) => ruleOf(y) === 'banned-phrase');
    assert.ok(
      await vscode.commands.executeCommand(
        'sft.silenceRule',
        doc.uri,
        doc.offsetAt(d.range.start),
        'banned-phrase',
        'a test of silencing',
      ),
    );
    assert.ok(doc.getText().includes('# sft-ignore banned-phrase: a test of silencing'));
    await diagnosticsUntil(
      doc.uri,
      (x) => !x.some((y) => ruleOf(y) === 'banned-phrase'),
      'the silenced problem to go',
    );
  });

  it('"fix all" is offered as source.fixAll.sft', async function () {
    if (!RULE_METAS.some((m) => m.id === 'banned-phrase')) this.skip();
    await api();
    const editor = await open('travel.sft.yaml');
    const doc = editor.document;
    await type(editor, rangeOf(doc, 'The sea stores heat').start, 'As an AI language model, ');
    await type(editor, rangeOf(doc, 'a small blue sailboat').start, 'As an AI language model, ');
    await diagnosticsUntil(
      doc.uri,
      (x) => x.filter((y) => ruleOf(y) === 'banned-phrase').length === 2,
      'two banned phrases',
    );
    const full = new vscode.Range(0, 0, doc.lineCount, 0);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      full,
      'source.fixAll.sft',
    );
    const all = actions.find((a) => a.kind?.value === 'source.fixAll.sft');
    assert.ok(all?.edit, 'a fix-all action');
    assert.ok(await vscode.workspace.applyEdit(all.edit));
    await diagnosticsUntil(
      doc.uri,
      (x) => !x.some((y) => ruleOf(y) === 'banned-phrase'),
      'all banned phrases fixed',
    );
  });

  it('a guidelines edit re-lints the files it governs', async () => {
    await api();
    const health = await vscode.workspace.openTextDocument(fixture('health.sft.yaml'));
    await vscode.window.showTextDocument(health);
    await diagnosticsUntil(
      health.uri,
      (x) => x.some((d) => ruleOf(d) === 'no-aliases'),
      'no-aliases before the edit',
    );
    const g = await vscode.window.showTextDocument(
      await vscode.workspace.openTextDocument(fixture('sft.guidelines.yaml')),
      { preview: false, viewColumn: vscode.ViewColumn.Beside },
    );
    const end = g.document.lineAt(g.document.lineCount - 1).range.end;
    await g.edit((b) =>
      b.insert(
        end,
        `${g.document.getText().endsWith('\n') ? '' : '\n'}rules:\n  no-aliases: off\n`,
      ),
    );
    await diagnosticsUntil(
      health.uri,
      (x) => !x.some((d) => ruleOf(d) === 'no-aliases'),
      'no-aliases gone after turning it off',
    );
    await revert(g.document);
    await diagnosticsUntil(
      health.uri,
      (x) => x.some((d) => ruleOf(d) === 'no-aliases'),
      'no-aliases back after the revert',
    );
  });

  it('a guidelines file shows its own problems, with a quick fix', async () => {
    await api();
    const editor = await open('fix/sft.guidelines.yaml');
    const doc = editor.document;
    const ds = await diagnosticsUntil(
      doc.uri,
      (x) => x.some((d) => ruleOf(d) === 'unknown-key'),
      'unknown-key in the guidelines',
    );
    const d = ds.find((x) => ruleOf(x) === 'unknown-key')!;
    assert.deepStrictEqual(d.range, rangeOf(doc, 'handbok'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      d.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.isPreferred && a.edit);
    assert.ok(fix?.edit, 'a preferred fix');
    const before = doc.getText();
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.strictEqual(doc.getText(), before.replace('handbok:', 'handbook:'));
    await diagnosticsUntil(
      doc.uri,
      (x) => !x.some((y) => ruleOf(y) === 'unknown-key'),
      'unknown-key fixed',
    );
  });

  /** Append `tail` to the quick-fix fixture's guidelines, run `check` on it, and revert. */
  async function withGuidelinesTail(
    tail: string,
    check: (doc: vscode.TextDocument) => Promise<void>,
  ): Promise<void> {
    await api();
    const editor = await open('fix/sft.guidelines.yaml');
    const doc = editor.document;
    try {
      const end = doc.lineAt(doc.lineCount - 1).range.end;
      await editor.edit((b) => b.insert(end, `${doc.getText().endsWith('\n') ? '' : '\n'}${tail}`));
      await check(doc);
    } finally {
      await revert(doc);
    }
  }

  it('a guidelines value outside its list: the message says what is allowed, at the value', async () => {
    await withGuidelinesTail('rules:\n  repetition: bogus\n', async (doc) => {
      const ds = await diagnosticsUntil(
        doc.uri,
        (x) => x.some((d) => ruleOf(d) === 'schema'),
        'a schema problem in the guidelines',
      );
      const d = ds.find((x) => ruleOf(x) === 'schema')!;
      assert.strictEqual(
        d.message,
        'rules.repetition: expected off, info, warning or error, or { severity, ... }, got "bogus"',
      );
      assert.deepStrictEqual(d.range, rangeOf(doc, 'bogus'));
    });
  });

  it('a bad rule option and an unknown rule id in the guidelines: each shown at its line, with what the rule takes', async () => {
    await withGuidelinesTail(
      'rules:\n  repetition: { severity: error, allow: 5 }\n  repetiton: warning\n',
      async (doc) => {
        const unknownRule = (d: vscode.Diagnostic) =>
          ruleOf(d) === 'unknown-key' && d.message.startsWith('Unknown rule');
        const ds = await diagnosticsUntil(
          doc.uri,
          (x) => x.some((d) => ruleOf(d) === 'schema') && x.some(unknownRule),
          'the option and the rule id reported',
        );
        const option = ds.find((x) => ruleOf(x) === 'schema')!;
        assert.strictEqual(
          option.message,
          'rules.repetition.allow: expected a list whose items are text, got 5',
        );
        assert.strictEqual(option.severity, vscode.DiagnosticSeverity.Error);
        const value = rangeOf(doc, 'allow: 5').end;
        assert.deepStrictEqual(option.range, new vscode.Range(value.translate(0, -1), value));
        assert.strictEqual(
          doc.lineAt(option.range.start.line).text,
          '  repetition: { severity: error, allow: 5 }',
        );
        const id = ds.find(unknownRule)!;
        assert.strictEqual(
          id.message,
          'Unknown rule "repetiton" in rules; did you mean "repetition"?',
        );
        assert.deepStrictEqual(id.range, rangeOf(doc, 'repetiton'));
      },
    );
  });

  it("an edit that moves no problem's line or column does not send the file's diagnostics again; one that moves one does", async () => {
    const sft = await api();
    const doc = await vscode.workspace.openTextDocument({
      language: 'sft-yaml',
      content:
        'sft: 1\npairs:\n  - id: dg-0001\n    task: open_qa\n    prompt: What is TODO here?\n    response: Nothing.\n  - id: dg-0002\n    task: open_qa\n    prompt: Why is the sky blue?\n    response: Rayleigh scattering.\n',
    });
    const editor = await vscode.window.showTextDocument(doc);
    await diagnosticsUntil(doc.uri, (x) => x.some((d) => ruleOf(d) === 'placeholder'), 'the TODO');
    // Settled: no diagnostics sent for it in half a second (the open's publishes are over).
    for (let quiet = false; !quiet;) {
      quiet = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => (sub.dispose(), resolve(true)), 500);
        const sub = vscode.languages.onDidChangeDiagnostics((e) => {
          if (!e.uris.some((u) => u.toString() === doc.uri.toString())) return;
          clearTimeout(timer);
          sub.dispose();
          resolve(false);
        });
      });
    }
    const before = sftDiagnostics(doc.uri).map(
      (d) => `${ruleOf(d)} ${d.range.start.line}:${d.range.start.character}`,
    );
    let sent = 0;
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === doc.uri.toString())) sent++;
    });
    // Published without a text change or a diagnostics event (when nothing was sent): polled.
    const published = async (what: string) => {
      const deadline = Date.now() + 15000;
      while (!(
        sft.perf.lastLint?.uri === doc.uri.toString() && sft.perf.lastLint.version === doc.version
      )) {
        if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    try {
      // The last line's text grows: every problem stays on its line and column.
      const end = doc.lineAt(9).range.end;
      await editor.edit((b) => b.insert(end, ' Blue scatters most.'));
      await published("the edit's lint published");
      await new Promise((r) => setTimeout(r, 300)); // the index's notice after it
      const now = sftDiagnostics(doc.uri).map(
        (d) => `${ruleOf(d)} ${d.range.start.line}:${d.range.start.character}`,
      );
      assert.strictEqual(
        sent,
        0,
        `nothing sent to the window: the diagnostics are the same (${JSON.stringify(before)} then ${JSON.stringify(now)})`,
      );
      assert.deepStrictEqual(
        sftDiagnostics(doc.uri).map(
          (d) => `${ruleOf(d)} ${d.range.start.line}:${d.range.start.character}`,
        ),
        before,
      );
      // Text before the TODO on its line: the placeholder moves along it.
      const todo = rangeOf(doc, 'TODO').start;
      await editor.edit((b) => b.insert(todo.translate(0, -5), 'So '));
      await published("the second edit's lint published");
      await until(vscode.languages.onDidChangeDiagnostics, () => sent > 0, 'the diagnostics sent');
      const moved = sftDiagnostics(doc.uri).find((d) => ruleOf(d) === 'placeholder')!;
      assert.deepStrictEqual(moved.range, rangeOf(doc, 'TODO'));
    } finally {
      sub.dispose();
    }
  });

  it('more problems than the limit end in one summary diagnostic', async () => {
    await api();
    const config = vscode.workspace.getConfiguration('sft');
    await config.update('lint.maxProblemsPerFile', 2, vscode.ConfigurationTarget.Global);
    try {
      const doc = await vscode.workspace.openTextDocument({
        language: 'sft-yaml',
        content:
          'sft: 1\npairs:\n  - id: a\n    task: &a x\n    prompt_type: &b y\n    response_type: &c z\n    domain: &d w\n',
      });
      await vscode.window.showTextDocument(doc);
      const ds = await diagnosticsUntil(
        doc.uri,
        (x) => x.some((d) => d.code === 'too-many-problems'),
        'a summary diagnostic',
      );
      assert.strictEqual(ds.length, 2, 'the limit counts the summary');
      assert.match(ds.find((d) => d.code === 'too-many-problems')!.message, /^\d+ more problems/);
    } finally {
      await config.update('lint.maxProblemsPerFile', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('a lower problem limit set while a file is open applies to it at once', async () => {
    await api();
    const config = vscode.workspace.getConfiguration('sft');
    const doc = await vscode.workspace.openTextDocument({
      language: 'sft-yaml',
      content:
        'sft: 1\npairs:\n  - id: a\n    task: &a x\n    prompt_type: &b y\n    response_type: &c z\n    domain: &d w\n',
    });
    await vscode.window.showTextDocument(doc);
    const all = await diagnosticsUntil(doc.uri, (x) => x.length > 2, 'more than two problems');
    assert.ok(!all.some((d) => d.code === 'too-many-problems'));
    await config.update('lint.maxProblemsPerFile', 2, vscode.ConfigurationTarget.Global);
    try {
      const ds = await diagnosticsUntil(
        doc.uri,
        (x) => x.some((d) => d.code === 'too-many-problems'),
        'a summary diagnostic after the setting changed',
      );
      assert.strictEqual(ds.length, 2, 'the limit counts the summary');
    } finally {
      await config.update('lint.maxProblemsPerFile', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('lint workspace publishes problems of files that are not open, and says what it found', async () => {
    await api();
    const health = fixture('health.sft.yaml');
    const summary = await vscode.commands.executeCommand<WorkspaceLintSummary>('sft.lintWorkspace');
    // health, travel and fix/notes; the anchor in health.sft.yaml is the one problem.
    assert.deepStrictEqual(summary, {
      files: 3,
      errors: 1,
      warnings: 0,
      infos: 0,
      filesWithProblems: 1,
      cancelled: false,
    });
    assert.strictEqual(lintSummaryText(summary), 'Linted 3 files: 1 error, 0 warnings in 1 file');
    assert.deepStrictEqual(sftDiagnostics(health).map(ruleOf), ['no-aliases']);
  });
});
