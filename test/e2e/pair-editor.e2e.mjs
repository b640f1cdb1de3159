// SFT Studio's pair editor, end to end as a writer works (#10): in the real webview, with real
// input only, type into a pair's response (in two bursts, so a commit and its echo arrive while
// typing), pick its task with the keyboard, add a pair, save with Ctrl+S, and read the file on
// disk byte for byte. Then a pair whose id and prompt are HTML is shown as text, never markup.
// Then the view state (filters, selection, scroll) comes back after the panel was hidden.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { until } from './workbench.mjs';

const FILE = 'reading-and-reasoning.sft.yaml';
const PAIR = 'rr-0002';
const RESPONSE = "    response: Riverside library extends opening hours after residents' survey";
const TASK = '    task: summarization';
const TYPED = [' of 2,000 people', ', say officials'];
const PICKED = 'closed_qa';
const MARKUP = '<img src=x onerror=alert(1)>';

/** A file of `n` short pairs, ids `vs-0001`..., for a list long enough to scroll. */
function manyPairs(n) {
  const pairs = Array.from({ length: n }, (_, i) => {
    const id = `vs-${String(i + 1).padStart(4, '0')}`;
    return `  - id: ${id}\n    task: open_qa\n    prompt: Question ${i + 1}: why is the river wide here?\n    response: Because the valley floor is flat at pair ${i + 1}.\n`;
  });
  return `sft: 1\ndefaults:\n  language: en\npairs:\n${pairs.join('\n')}`;
}

/** Open `file` of `workspace` and reopen it with the pair editor; its webview's frame. */
async function openPairEditor(host, workspace, file, beforeReopen = () => {}) {
  const wb = await host.open({ workspace, file });
  beforeReopen(wb.page);
  await wb.reopenWith('sft.pairEditor');
  const frame = await wb.webview({ viewType: 'sft.pairEditor' });
  await frame.getByTestId('pair-card').waitFor();
  return { wb, frame };
}

export const scenarios = {
  'pair editor: typed response, task picked by keyboard, pair added, Ctrl+S writes exactly that':
    async (host) => {
      const { wb, frame } = await openPairEditor(host, 'examples', FILE);
      const before = wb.readText(FILE);
      const lines = before.split('\n');
      const at = lines.indexOf(`  - id: ${PAIR}`);
      const responseAt = lines.indexOf(RESPONSE, at);
      const taskAt = lines.indexOf(TASK, at);
      const nextAt = lines.findIndex((l, i) => i > at && l.startsWith('  - id: '));
      assert.ok(at > 0 && taskAt > at && responseAt > taskAt && nextAt > responseAt, FILE);

      // The pair, from its row in the list; then the end of its response, typed into.
      await frame.getByTestId('pair-row').filter({ hasText: PAIR }).click();
      await until(
        async () => (await frame.getByTestId('pair-id').innerText()) === PAIR,
        `the card shows ${PAIR}`,
      );
      const response = frame.getByTestId('field-response');
      await response.click();
      await wb.page.keyboard.press('Control+End');
      await wb.page.keyboard.type(TYPED[0]);
      // Past the commit pause: the draft goes to the document and comes back while typing on.
      await wb.page.waitForTimeout(1200);
      await wb.page.keyboard.type(TYPED[1]);
      const typedValue = RESPONSE.slice('    response: '.length) + TYPED.join('');
      await until(
        async () => (await response.inputValue()) === typedValue,
        'the response reads as typed',
      );

      // The task picker, reached by its label and chosen by typing the value's name.
      const task = frame.getByTestId('annotation-task');
      await frame.locator('.picker-label', { hasText: /^task$/ }).click();
      await until(() => task.evaluate((e) => e === document.activeElement), 'the picker has focus');
      await wb.page.keyboard.type(PICKED);
      await until(
        async () => (await task.inputValue()) === PICKED,
        `the task picker shows ${PICKED}`,
      );

      // A new pair after this one: the card moves to it, with a fresh id.
      await frame.getByTestId('action-add').click();
      const fresh = await until(async () => {
        const id = await frame.getByTestId('pair-id').innerText();
        return id !== PAIR && /^\S+$/.test(id) ? id : undefined;
      }, 'the card shows the added pair');
      await wb.save();

      const expected = [...lines];
      expected[responseAt] = RESPONSE + TYPED.join('');
      expected[taskAt] = `    task: ${PICKED}`;
      const head = expected.slice(0, nextAt).join('\n');
      const tail = expected.slice(nextAt).join('\n');
      const after = wb.readText(FILE);
      assert.ok(after.startsWith(head), `everything up to ${PAIR}, edited, as it was:\n${after}`);
      assert.ok(after.endsWith(tail), `everything after ${PAIR} as it was:\n${after}`);
      const added = after.slice(head.length, after.length - tail.length);
      // Only the new pair between them: its id, then the template's fields (empty `|` blocks
      // for the texts, with no line of spaces), and the blank line that parts pairs.
      assert.match(
        added,
        new RegExp(`^\\n  - id: ${fresh}\\n( {4}\\S.*\\n)+\\n$`),
        JSON.stringify(added),
      );
      assert.match(added, /\n {4}prompt: \|\n {4}response: \|\n/, 'empty blocks');
      assert.match(added, /\n {4}task: /, 'the new pair has the template');
      for (const f of fs.readdirSync(wb.folder).filter((n) => n.endsWith('.sft.yaml')))
        assert.equal(
          wb.readText(f).split(`id: ${fresh}\n`).length - 1,
          f === FILE ? 1 : 0,
          `${fresh} is unique in the workspace (${f})`,
        );
    },

  'pair editor: a space typed at the end of a block text goes at once, at the end of a plain one it waits for the next key, and both keep their style':
    async (host) => {
      const { wb, frame } = await openPairEditor(host, 'examples', FILE);
      const before = wb.readText(FILE);
      const PLAIN = 'rr-0008';
      await frame.getByTestId('pair-row').filter({ hasText: PLAIN }).click();
      await until(
        async () => (await frame.getByTestId('pair-id').innerText()) === PLAIN,
        `the card shows ${PLAIN}`,
      );
      // The pair writes no language: its picker names the file's default on its empty choice.
      const language = frame.getByTestId('annotation-language');
      assert.equal(await language.inputValue(), '', 'the pair writes no language');
      assert.equal(await language.evaluate((e) => e.options[e.selectedIndex].text), 'en (default)');
      const pending = (field) => field.evaluate((e) => e.dataset.pending === 'true');
      // The prompt is a plain scalar: a space at its end would quote it, so it waits.
      const prompt = frame.getByTestId('field-prompt');
      await prompt.click();
      await wb.page.keyboard.press('Control+End');
      await wb.page.keyboard.type(' ');
      assert.equal(await pending(prompt), true, 'the space at the end of a plain prompt waits');
      await wb.page.keyboard.type('x');
      assert.equal(await pending(prompt), false, 'the next key sends both');
      // The response is a `|` block: a space at its end is kept as written, and goes at once.
      const response = frame.getByTestId('field-response');
      await response.click();
      // The end of its last line (the block's final line break is the area's last character).
      await wb.page.keyboard.press('Control+End');
      await wb.page.keyboard.press('ArrowLeft');
      await wb.page.keyboard.type(' ');
      assert.equal(await pending(response), false, 'the space at the end of a block goes at once');
      await until(
        async () => (await wb.page.locator('.tabs-container .tab.active.dirty').count()) === 1,
        'the document has the edits',
      );
      await wb.save();
      const prompted = 'Reason step by step.';
      const answered = "Final answer: The train's average speed was 80 km/h.";
      const expected = before
        .replace(`${prompted}\n`, `${prompted} x\n`)
        .replace(`${answered}\n`, `${answered} \n`);
      assert.notEqual(expected, before);
      assert.equal(wb.readText(FILE), expected, 'the prompt stays plain, the response a block');
    },

  'pair editor: a task picked with the arrow keys is one edit, and one undo restores the file':
    async (host) => {
      const { wb, frame } = await openPairEditor(host, 'examples', FILE);
      const before = wb.readText(FILE);
      await frame.getByTestId('pair-row').filter({ hasText: PAIR }).click();
      await until(
        async () => (await frame.getByTestId('pair-id').innerText()) === PAIR,
        `the card shows ${PAIR}`,
      );
      const task = frame.getByTestId('annotation-task');
      const values = await task.evaluate((e) => [...e.options].map((o) => o.value));
      const from = values.indexOf('summarization');
      assert.ok(from > 0 && from + 3 < values.length, values.join());
      await task.focus();
      // Three values passed through, each a pause apart (a push could come back in between),
      // then Enter picks the third.
      for (let i = 1; i <= 3; i++) {
        await wb.page.keyboard.press('ArrowDown');
        await until(async () => (await task.inputValue()) === values[from + i], values[from + i]);
        await wb.page.waitForTimeout(300);
      }
      await wb.page.keyboard.press('Enter');
      await until(
        async () => (await wb.page.locator('.tabs-container .tab.active.dirty').count()) === 1,
        'the pick changed the document',
      );
      await wb.save();
      const picked = wb.readText(FILE);
      assert.equal(
        picked,
        before.replace(
          `  - id: ${PAIR}\n${TASK}\n`,
          `  - id: ${PAIR}\n    task: ${values[from + 3]}\n`,
        ),
        'only the task line changed, to the value picked',
      );
      // One undo (from the list: a key the webview hands to VS Code) takes back the whole pick.
      await frame.getByTestId('pair-list').focus();
      await wb.page.keyboard.press('Control+Z');
      await until(
        async () => (await task.inputValue()) === 'summarization',
        'the card shows the undo',
      );
      await wb.save();
      assert.equal(wb.readText(FILE), before, 'the file on disk is as it was, byte for byte');
    },

  'pair editor: a label added, an example edited and a trait ticked in the card are three edits, each one undo step':
    async (host) => {
      const file = 'general-knowledge.sft.yaml';
      const { wb, frame } = await openPairEditor(host, 'examples', file);
      const before = wb.readText(file);
      await frame.getByTestId('pair-row').filter({ hasText: 'gk-0010' }).click();
      await until(
        async () => (await frame.getByTestId('pair-id').innerText()) === 'gk-0010',
        'the card shows gk-0010',
      );
      const labels = frame.getByTestId('label');
      assert.equal(await labels.count(), 3);
      await frame.getByTestId('label-new').click();
      await wb.page.keyboard.type('other');
      await wb.page.keyboard.press('Enter');
      await until(async () => (await labels.count()) === 4, 'the label comes back from the file');

      const input = frame.getByTestId('field-example-0-input');
      await input.click();
      await wb.page.keyboard.press('Control+End');
      await wb.page.keyboard.type(' (a crash)');
      await frame.getByTestId('annotation-traits').locator('input[data-value="persona"]').click();
      // The box's click took the focus from the example (its blur commits the draft); both
      // intents are applied in order, well within this pause.
      await wb.page.waitForTimeout(1000);
      await wb.save();
      const after = wb.readText(file);
      const expected = before
        .replace(
          'labels: [bug, feature_request, question]',
          'labels: [bug, feature_request, question, other]',
        )
        .replace('when the list is empty.\n', 'when the list is empty. (a crash)\n');
      const at = after.indexOf('  - id: gk-0010\n');
      const end = after.indexOf('\n\n', at);
      const traits = after.indexOf('    traits: [persona]\n', at);
      assert.ok(
        traits > at && traits < end,
        `traits: [persona] in gk-0010:\n${after.slice(at, end)}`,
      );
      assert.equal(
        after.slice(0, traits) + after.slice(traits + '    traits: [persona]\n'.length),
        expected,
        'only the label, the example and the trait changed',
      );

      // Three undo steps, one per change, take the file back byte for byte.
      await frame.getByTestId('pair-list').focus();
      for (let i = 0; i < 3; i++) {
        await wb.page.keyboard.press('Control+Z');
        await wb.page.waitForTimeout(400);
      }
      await until(async () => (await labels.count()) === 3, 'the card shows the undone label');
      await wb.save();
      assert.equal(wb.readText(file), before, 'the file on disk is as it was');
    },

  'pair editor: an HTML prompt and id are shown as text, never as markup': async (host) => {
    const dialogs = [];
    const { wb, frame } = await openPairEditor(
      host,
      'test/e2e/fixtures/pair-editor-markup',
      'markup.sft.yaml',
      (page) =>
        page.on('dialog', (d) => {
          dialogs.push(d.message());
          d.dismiss().catch(() => {});
        }),
    );
    assert.equal(await frame.getByTestId('field-prompt').inputValue(), MARKUP);
    assert.equal(await frame.getByTestId('pair-id').innerText(), MARKUP);
    const row = frame.getByTestId('pair-row');
    assert.equal(await row.count(), 1);
    assert.ok((await row.innerText()).includes(MARKUP), await row.innerText());
    await wb.page.waitForTimeout(500);
    assert.equal(await frame.locator('img').count(), 0, 'no <img> element in the webview');
    assert.deepEqual(dialogs, []);
  },

  'pair editor: filters, selection and scroll come back after the panel was hidden': async (
    host,
  ) => {
    const MANY = 'view-state.sft.yaml';
    const wb = await host.open({ workspace: 'examples', file: FILE });
    fs.writeFileSync(wb.path(MANY), manyPairs(400));
    await wb.openFile(MANY);
    await wb.reopenWith('sft.pairEditor');
    let frame = await wb.webview({ viewType: 'sft.pairEditor' });
    await frame.getByTestId('pair-row').first().waitFor();

    // A writer narrows the list (ids with "vs-01": 100 pairs), scrolls it with the wheel and
    // picks a pair far down.
    await frame.getByTestId('filter-search').click();
    await wb.page.keyboard.type('vs-01');
    const list = frame.getByTestId('pair-list');
    await until(
      async () => (await frame.getByTestId('status').innerText()).startsWith('100 of 400'),
      'the search leaves 100 pairs',
    );
    await list.hover();
    await wb.page.mouse.wheel(0, 1200);
    const scrolled = await until(
      async () =>
        (await list.evaluate((e) => e.scrollTop)) > 600 &&
        (await list.evaluate((e) => e.scrollTop)),
      'the list scrolled',
    );
    const row = frame.getByTestId('pair-row').filter({ hasText: 'vs-0150' });
    await row.click();
    await until(
      async () => (await frame.getByTestId('pair-id').innerText()) === 'vs-0150',
      'the card shows vs-0150',
    );
    await wb.page.waitForTimeout(300);
    const scrollTop = await list.evaluate((e) => e.scrollTop);
    assert.ok(scrollTop >= scrolled - 26, `still scrolled (${scrollTop} after ${scrolled})`);
    // A mark in the page, gone when the webview is built anew (nothing retained it).
    await frame.evaluate(() => (globalThis.sftViewStateMark = true));

    // Another editor in front, then back to the pair editor's tab.
    await wb.openFile(FILE);
    await until(
      async () => !(await wb.page.locator('iframe.webview').first().isVisible()),
      'the pair editor is hidden',
    );
    await wb.page.locator(`.tabs-container .tab[aria-label*="${MANY}"]`).first().click();
    frame = await wb.webview({ viewType: 'sft.pairEditor' });
    await until(
      async () =>
        (await frame
          .getByTestId('pair-id')
          .innerText()
          .catch(() => '')) === 'vs-0150',
      'the card shows vs-0150 again',
    );
    assert.equal(
      await frame.evaluate(() => globalThis.sftViewStateMark),
      undefined,
      'the webview was built anew (its state came from getState)',
    );
    assert.equal(await frame.getByTestId('filter-search').inputValue(), 'vs-01');
    assert.match(await frame.getByTestId('status').innerText(), /^100 of 400 pairs/);
    const selected = frame.locator('[data-testid="pair-row"][aria-selected="true"]');
    assert.equal(await selected.innerText().then((t) => t.split(/\s/)[0]), 'vs-0150');
    await wb.page.waitForTimeout(300);
    assert.equal(
      await frame.getByTestId('pair-list').evaluate((e) => e.scrollTop),
      scrollTop,
      'the list scrolled as before',
    );
  },
};
