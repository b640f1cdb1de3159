// SFT Studio's annotations view, end to end as a writer works (#11): with the cursor in a pair
// of a text editor, the view is opened and used with the keyboard only: the task typed to
// filter and picked by its number, the down arrow to the prompt type, a number to pick it. The
// file on disk then differs from the original in exactly those two lines.
import assert from 'node:assert/strict';
import { until } from './workbench.mjs';

const FILE = 'reading-and-reasoning.sft.yaml';
const PAIR = 'rr-0002';

export const scenarios = {
  'annotations view: task and prompt type picked with the keyboard only, exact bytes on disk':
    async (host) => {
      const wb = await host.open({ workspace: 'examples', file: FILE });
      const before = wb.readText(FILE);
      const lines = before.split('\n');
      const at = lines.indexOf(`  - id: ${PAIR}`);
      const taskAt = lines.indexOf('    task: summarization', at);
      const typeAt = lines.indexOf('    prompt_type: instructive', at);
      assert.ok(at > 0 && taskAt === at + 1 && typeAt === at + 2, FILE);

      // The cursor in the pair's prompt type line; then the view, by keyboard (View: Open View).
      await wb.goToLine(typeAt + 1);
      await wb.focusView('sft.annotations');
      const view = await wb.webview({ viewType: 'sft.annotations' });
      await until(
        async () => (await view.getByTestId('pair-id').innerText()) === PAIR,
        `the view shows ${PAIR}`,
      );
      const value = (key) => view.getByTestId(`picker-${key}`).getByTestId('value').innerText();
      assert.equal(await value('task'), 'summarization');

      // Typing goes to the task picker (the active one): a filter, then the number of closed_qa.
      await wb.page.keyboard.type('closed_qa');
      const choices = view.getByTestId('picker-task').getByTestId('choice');
      await until(async () => (await choices.count()) === 1, 'the filter leaves closed_qa');
      assert.equal(await choices.first().getAttribute('data-value'), 'closed_qa');
      await wb.page.keyboard.press('1');
      await until(async () => (await value('task')) === 'closed_qa', 'the task reads closed_qa');

      // Down to the prompt type; 2 is its second value, continuation.
      await wb.page.keyboard.press('ArrowDown');
      await until(
        () => view.getByTestId('picker-prompt_type').evaluate((e) => e === document.activeElement),
        'the prompt type picker has the keyboard',
      );
      const second = view.getByTestId('picker-prompt_type').getByTestId('choice').nth(1);
      assert.equal(await second.getAttribute('data-value'), 'continuation');
      await wb.page.keyboard.press('2');
      await until(
        async () => (await value('prompt_type')) === 'continuation',
        'the prompt type reads continuation',
      );

      await wb.focusEditor();
      await wb.save();
      const want = [...lines];
      want[taskAt] = '    task: closed_qa';
      want[typeAt] = '    prompt_type: continuation';
      assert.equal(wb.readText(FILE), want.join('\n'));
    },
};
