// SFT Studio's coverage report, end to end (#11): open it from the command palette on
// examples/, click the first item of its work list ("1 more medium closed_qa prompt · ..."),
// save the new pair with Ctrl+S, and read the file on disk: the pair went in after the last
// one, with every annotation the item asked for (its own, or the file's defaults), and nothing
// else in the file changed.
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { until } from './workbench.mjs';

const FILE = 'reading-and-reasoning.sft.yaml';

/** A pair's value of an annotation: its own, else the file's default (traits: a list). */
function effective(doc, pair, key) {
  return pair[key] ?? doc.defaults?.[key];
}

export const scenarios = {
  'coverage report: a work-list item opens a new pair with its annotations, saved to disk': async (
    host,
  ) => {
    const wb = await host.open({ workspace: 'examples', file: FILE });
    const before = wb.readText(FILE);
    await wb.runCommand('sft.showCoverageReport');
    const frame = await wb.webview({ viewType: 'sft.coverageReport' });
    const item = frame.getByTestId('work-list').locator('li').first();
    await item.waitFor();
    const values = JSON.parse(await item.getAttribute('data-values'));
    const pairs = async () =>
      Number(/^(\d+) pairs?/.exec(await frame.getByTestId('summary').innerText())?.[1]);
    const shown = await pairs();
    const label = await item.innerText();
    assert.ok(Object.keys(values).length >= 2, `an item that combines annotations: ${label}`);
    assert.match(label, new RegExp(`\\b${values.task}\\b`), label);

    await item.getByRole('button').click();
    // The file opens beside the report with the new pair in it; Ctrl+S writes it.
    await until(
      async () => (await wb.page.locator('.tabs-container .tab.active.dirty').count()) === 1,
      'the file, edited, in an editor',
    );
    await wb.save();

    const after = wb.readText(FILE);
    assert.ok(after.startsWith(before), 'every byte before the new pair is as it was');
    const doc = parse(after);
    const old = parse(before);
    assert.equal(doc.pairs.length, old.pairs.length + 1);
    const pair = doc.pairs[doc.pairs.length - 1];
    for (const [key, value] of Object.entries(values)) {
      const v = effective(doc, pair, key);
      if (key === 'traits') assert.deepEqual(v, [value], key);
      else assert.equal(v, value, `${key} of the new pair`);
    }
    assert.ok(!old.pairs.some((p) => p.id === pair.id), `a fresh id: ${pair.id}`);
    // The report follows the index: one pair more than it said before the click.
    await until(async () => (await pairs()) === shown + 1, 'the report counts the new pair');
  },
};
