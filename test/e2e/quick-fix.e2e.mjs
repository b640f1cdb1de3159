// SFT Studio in the text editor, end to end as a writer works: type a TODO into a response,
// see the placeholder problem in the Problems panel, silence it through the light bulb with the
// keyboard only (Ctrl+., arrows, Enter, a reason typed), save with Ctrl+S, and read the file on disk.
import assert from 'node:assert/strict';
import { until } from './workbench.mjs';

const FILE = 'reading-and-reasoning.sft.yaml';
const LINE = '      and warming seas are making mass bleaching more frequent.';
const TYPED = ' TODO: cite the survey';
const REASON = 'the writer adds the citation after review';

export const scenarios = {
  'text editor: a typed TODO is a problem, its quick fix silences it, Ctrl+S writes it': async (
    host,
  ) => {
    const wb = await host.open({ workspace: 'examples', file: FILE });
    const before = wb.readText(FILE);
    const lines = before.split('\n');
    const at = lines.indexOf(LINE);
    assert.ok(at > 0, `examples/${FILE} has the line the scenario types into`);
    // SFT Studio is active once its status bar item shows the task coverage.
    await until(async () => /tasks \d+\/\d+/.test(await wb.statusBar()), 'SFT Studio is active');

    await wb.goToLine(at + 1);
    await wb.page.keyboard.press('End');
    await wb.page.keyboard.type(TYPED);
    await wb.page.keyboard.press('Escape'); // a suggestion widget, if any
    await wb.waitForProblem('Placeholder "TODO"');
    await wb.focusEditor();

    // Into the word TODO, where the problem is, then the light bulb menu.
    for (let i = 0; i < TYPED.length - ' TO'.length; i++) await wb.page.keyboard.press('ArrowLeft');
    await wb.applyCodeAction('Silence placeholder for this pair');
    await wb.answerInputBox(REASON);
    await wb.waitForProblem('Placeholder "TODO"', { gone: true });
    await wb.save();

    // On disk: the typed text where it was typed, one reasoned silence comment, nothing else.
    const after = wb.readText(FILE).split('\n');
    const comment = `# sft-ignore placeholder: ${REASON}`;
    const added = after.findIndex((l) => l.trim() === comment);
    assert.ok(added >= 0, `the silence comment is in the file:\n${after.join('\n')}`);
    const expected = [...lines];
    expected[at] = LINE + TYPED;
    assert.deepEqual(after.toSpliced(added, 1), expected);
    assert.ok(added < at, 'the comment is in the pair, above its response');
  },
};
