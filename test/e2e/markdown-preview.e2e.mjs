// The e2e driver's own test, on a webview that exists without SFT Studio's code: VS Code's
// built-in Markdown preview. It proves each thing a pair editor or coverage report scenario
// needs: a command by id, a webview found by view type and by title, its text read, a link in it
// clicked with the mouse, both colour themes reaching the webview, screenshots of the page and of
// the webview alone, Quick Open, and a custom editor told apart from a panel of the same extension.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const OUT = path.resolve(process.env.SFT_E2E_OUT || path.join(os.tmpdir(), 'sft-e2e'));

/** The width and height a PNG file's header gives. */
function pngSize(file) {
  const b = fs.readFileSync(file);
  assert.equal(b.toString('latin1', 1, 4), 'PNG', `${file} is a PNG`);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** The webview theme class VS Code puts on the body of a webview's document. */
async function bodyTheme(frame) {
  return frame.evaluate(() =>
    [...document.body.classList].find((c) => /^vscode-(light|dark|high-contrast)/.test(c)),
  );
}

export const scenarios = {
  'markdown preview: webviews found, read, clicked, themed and screenshot': async (host) => {
    const wb = await host.open({
      workspace: 'test/e2e/fixtures/markdown-preview',
      file: 'README.md',
      theme: 'light',
    });
    await wb.runCommand('markdown.showPreviewToSide');
    const preview = await wb.webview({ viewType: 'markdown.preview' });
    await preview.getByText('a webview SFT Studio').waitFor();
    assert.equal(await preview.locator('strong').innerText(), 'markdown preview');
    // The same webview by its tab title; no webview is titled otherwise.
    const byTitle = await wb.webview({ titleIncludes: 'Preview README.md' });
    assert.equal(byTitle, preview);
    await assert.rejects(wb.webview({ titleIncludes: 'no such title', timeout: 1000 }));

    assert.equal(await bodyTheme(preview), 'vscode-light');
    const lightPage = await wb.screenshot(path.join(OUT, 'markdown-preview-light.png'));
    const lightView = await wb.screenshot(path.join(OUT, 'markdown-preview-light-webview.png'), {
      frame: preview,
    });
    await wb.setTheme('dark');
    await preview.waitForFunction(() => document.body.classList.contains('vscode-dark'));
    const darkView = await wb.screenshot(path.join(OUT, 'markdown-preview-dark-webview.png'), {
      frame: preview,
    });
    assert.deepEqual(pngSize(lightPage), { width: 1400, height: 900 });
    const box = pngSize(lightView);
    assert.ok(box.width > 200 && box.width < 1400 && box.height > 200, JSON.stringify(box));
    assert.deepEqual(pngSize(darkView), box);

    // A click on a link inside the webview reaches the extension: the preview follows it. (The
    // preview may render its page anew after the theme change and the navigation: inWebview.)
    await wb.inWebview({ viewType: 'markdown.preview' }, (f) =>
      f.getByRole('link', { name: 'the other page' }).click(),
    );
    await wb.inWebview({ titleIncludes: 'Preview other.md' }, (f) =>
      f.getByText('You followed the link.').waitFor(),
    );

    // Quick Open the same file in that group, then "Reopen Editor With..." the preview editor, a
    // custom editor: found by its view type, while the panel, now a hidden tab, is not.
    await wb.openFile('other.md');
    await wb.reopenWith('vscode.markdown.preview.editor');
    const editor = await wb.webview({ viewType: 'vscode.markdown.preview.editor' });
    await editor.getByText('You followed the link.').waitFor();
    assert.equal(await bodyTheme(editor), 'vscode-dark');
    await assert.rejects(wb.webview({ viewType: 'markdown.preview', timeout: 1000 }));
  },
};
