// The e2e driver's own test on a webview view in a side bar, the kind of SFT Studio's annotations
// view (#11): a fixture extension's view is shown through its "Focus on ... View" command, found by
// its view type and by its title, and a note typed into it with the keyboard travels as a message
// to the extension, which writes it to disk and answers.
import assert from 'node:assert/strict';
import { until } from './workbench.mjs';

const EXTENSION = 'test/e2e/fixtures/webview-view-extension';

export const scenarios = {
  'webview view: shown by its view id, typed into, its message written to disk': async (host) => {
    const wb = await host.open({
      workspace: 'test/e2e/fixtures/markdown-preview',
      extensions: [EXTENSION],
    });
    await wb.focusView('e2eDemo.notes');
    const view = await wb.webview({ viewType: 'e2eDemo.notes' });
    await view.getByText('Nothing saved yet.').waitFor();
    assert.equal(await wb.webview({ titleIncludes: 'driver notes' }), view);
    // Not a panel, nor SFT Studio's custom editor.
    await assert.rejects(wb.webview({ viewType: 'markdown.preview', timeout: 1000 }));

    await view.getByLabel('Note').click();
    await wb.page.keyboard.type('<b>kept as text</b>');
    await wb.page.keyboard.press('Enter');
    await view.getByText('Saved: <b>kept as text</b>').waitFor();
    const onDisk = await until(() => {
      try {
        return wb.readText('notes.txt');
      } catch {
        return undefined;
      }
    }, 'notes.txt is written');
    assert.equal(onDisk, '<b>kept as text</b>\n');
  },
};
