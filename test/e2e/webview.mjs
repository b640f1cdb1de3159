// SFT Studio e2e driver: reach into a webview of the real workbench. VS Code renders each
// webview as an outer `iframe.webview` (its src names the owning extension, and `purpose=webviewView`
// for a view in a side bar or panel) holding `iframe#active-frame`, where the extension's HTML lives.
// Neither names the view type: a webview is told apart by the editor tab or view it covers (a
// panel's tab resource names its view type; a custom editor's or a view's owner and kind come
// from the extension manifests) and by the title shown there.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Manifests } from './manifests.mjs';

let defaultManifests;

/**
 * The visible webviews of the page: `{ id, extensionId, purpose, title, resource }`. For one in
 * an editor group, `title` and `resource` are the aria label and resource name of the group's
 * active tab (a panel's resource is `webview-<viewType>-<uuid>`, a custom editor's its file);
 * for a webview view, `title` is its view header and view container title.
 */
export async function listWebviews(page) {
  return page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll('iframe.webview')) {
      const r = el.getBoundingClientRect();
      const visible =
        r.width > 0 &&
        r.height > 0 &&
        el.checkVisibility({ visibilityProperty: true, opacityProperty: true });
      if (!visible) continue;
      const q = new URL(el.src).searchParams;
      const cx = r.x + r.width / 2;
      const cy = r.y + r.height / 2;
      const covers = (e) => {
        const b = e?.getBoundingClientRect();
        return !!b && cx >= b.left && cx <= b.right && cy >= b.top && cy <= b.bottom;
      };
      let title = '';
      let resource = '';
      if (q.get('purpose') === 'webviewView') {
        const pane = [...document.querySelectorAll('.pane')].find(covers);
        const header = pane?.querySelector('.pane-header');
        const part = [...document.querySelectorAll('.part')].find(covers);
        const container = part?.querySelector('.composite.title')?.textContent ?? '';
        title = `${header?.getAttribute('aria-label') ?? ''} ${container}`.trim();
      } else {
        const group = [...document.querySelectorAll('.editor-group-container')].find(covers);
        const tab = group?.querySelector('.tab.active');
        title = tab?.getAttribute('aria-label') ?? tab?.textContent ?? '';
        resource = tab?.getAttribute('data-resource-name') ?? '';
      }
      out.push({
        id: el.name,
        extensionId: q.get('extensionId') ?? '',
        purpose: q.get('purpose') ?? '',
        title,
        resource,
      });
    }
    return out;
  });
}

/**
 * Whether a listed webview matches what is asked for. A webview panel's tab resource is
 * `webview-<viewType>-<uuid>`; a custom editor's is its file; a webview view is `purpose=webviewView`.
 */
function matches(w, { viewType, owner, titleIncludes }) {
  if (titleIncludes && !w.title.toLowerCase().includes(titleIncludes.toLowerCase())) return false;
  if (!viewType) return true;
  if (owner.kind === 'panel') return w.resource.startsWith(`webview-${viewType}-`);
  if (w.extensionId.toLowerCase() !== owner.extensionId.toLowerCase()) return false;
  if (owner.kind === 'view') return w.purpose === 'webviewView';
  return w.purpose !== 'webviewView' && !w.resource.startsWith('webview-');
}

/**
 * The playwright Frame of a visible webview's content (its `iframe#active-frame`), found by
 * `viewType` (e.g. `sft.pairEditor`, `sft.annotations`, `sft.coverageReport`, `markdown.preview`)
 * and/or `titleIncludes` (a part of its tab or view title, any case). Waits up to `timeout` ms
 * for it to appear and load. When several match, the first wins: narrow with `titleIncludes`.
 * A webview whose HTML the extension replaces gets a new frame: ask again after that.
 */
export async function webview(page, opts) {
  const { viewType, titleIncludes, timeout = 30000 } = opts;
  const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const manifests = opts.manifests ?? (defaultManifests ??= new Manifests(repo));
  const owner = viewType ? manifests.webviewOwner(viewType) : undefined;
  const deadline = Date.now() + timeout;
  let seen = [];
  while (Date.now() < deadline) {
    seen = await listWebviews(page);
    const found = seen.find((w) => matches(w, { viewType, owner, titleIncludes }));
    if (found) {
      const outer = await page.$(`iframe.webview[name="${found.id}"]`);
      const outerFrame = await outer?.contentFrame();
      const active = await outerFrame
        ?.waitForSelector('iframe#active-frame', { timeout: Math.max(1, deadline - Date.now()) })
        .catch(() => null);
      const frame = await active?.contentFrame();
      if (frame) {
        await frame.waitForLoadState('domcontentloaded');
        return frame;
      }
    }
    await page.waitForTimeout(250);
  }
  throw new Error(
    `no visible webview ${JSON.stringify({ viewType, titleIncludes, owner })} within ${timeout} ms; visible: ${JSON.stringify(seen)}`,
  );
}

/** The bounding box, in page pixels, of the webview that shows `frame` (for a clipped screenshot). */
export async function webviewBox(frame) {
  const outer = frame.parentFrame();
  const el = outer && (await outer.frameElement());
  const box = el && (await el.boundingBox());
  if (!box) throw new Error('the webview is not on screen');
  return box;
}
