// SFT Studio e2e driver (test/host/README.md, "End-to-end scenarios"): a real VS Code
// (code-server) with the extension under development, driven through Debian's Chromium as a
// person drives it: the keyboard, the mouse, the command palette, and the HTML inside webviews.
//
//   const host = await startHost();                           // one server and browser
//   const wb = await host.open({ workspace: 'examples', file: 'hindi.sft.yaml' });
//   await wb.runCommand('markdown.showPreviewToSide');        // an id or a palette title
//   const frame = await wb.webview({ viewType: 'sft.pairEditor' });
//   await wb.save(); wb.readText('hindi.sft.yaml');
//   await host.close();
//
// Each open() works on a fresh copy of its workspace in the run dir, in a fresh browser context.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  checkInstall,
  launchBrowser,
  log,
  makeRunDir,
  remoteUri,
  startServer,
  stopServer,
  workbenchUrl,
  writeUserSettings,
} from '../host/lib.mjs';
import { Manifests } from './manifests.mjs';
import { themeName, Workbench } from './workbench.mjs';

export { THEMES } from './workbench.mjs';

/** The repository root: the extension under development by default. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Settings every e2e workbench starts with: saving is explicit (Ctrl+S), as on the desktop,
 * so a scenario decides when bytes reach the disk.
 */
const E2E_SETTINGS = { 'files.autoSave': 'off' };

/**
 * Start code-server and Chromium once for a batch of scenarios. `extensionPath` (default:
 * this repository, built with `node esbuild.mjs`) is loaded as an extension under development;
 * `null` loads none.
 */
export async function startHost({ extensionPath = REPO_ROOT, size = '1400x900' } = {}) {
  checkInstall();
  const dirs = makeRunDir('sft-e2e-');
  const server = await startServer({ dirs });
  let browser;
  try {
    browser = await launchBrowser(dirs);
  } catch (e) {
    await stopServer(server);
    throw e;
  }
  return new Host({ dirs, server, browser, extensionPath, size });
}

/** A running server and browser; open() gives a workbench on a copy of a workspace. */
class Host {
  constructor({ dirs, server, browser, extensionPath, size }) {
    Object.assign(this, { dirs, server, browser, extensionPath, size });
    this.manifests = new Manifests(extensionPath);
    this.sessions = [];
    this.copies = 0;
  }

  /**
   * Open a workbench on a fresh copy of `workspace` (a folder, relative to the repository or
   * absolute) with `file` (relative to it) open in the editor. `theme`: 'light', 'dark' or a
   * theme name; `settings`: more user settings. Waits until the workbench is restored and,
   * with a file, its tab is shown. `extensions`: more folders (relative to the repository) to
   * load as extensions under development beside SFT Studio, such as a fixture extension.
   */
  async open({ workspace, file, theme = 'light', settings = {}, extensions = [] }) {
    const src = path.resolve(REPO_ROOT, workspace);
    const folder = path.join(this.dirs.root, `ws-${++this.copies}`, path.basename(src));
    fs.cpSync(src, folder, { recursive: true });
    writeUserSettings(this.dirs, {
      ...E2E_SETTINGS,
      'workbench.colorTheme': themeName(theme),
      ...settings,
    });
    const [width, height] = this.size.split('x').map(Number);
    const context = await this.browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error(`[browser pageerror] ${e.message}`));
    if (process.env.VSCHOST_VERBOSE)
      page.on('console', (m) => console.log(`[browser ${m.type()}] ${m.text()}`));
    const payload = [
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
    ];
    for (const ext of [this.extensionPath, ...extensions.map((e) => path.resolve(REPO_ROOT, e))]) {
      if (!ext) continue;
      payload.push(['extensionDevelopmentPath', remoteUri(this.server, ext)]);
      this.manifests.add(ext);
    }
    if (file) payload.push(['openFile', remoteUri(this.server, path.join(folder, file))]);
    const resp = await page.goto(workbenchUrl(this.server, { folder, payload }));
    if (!resp || resp.status() >= 400)
      throw new Error(`workbench page answered HTTP ${resp && resp.status()}`);
    const wb = new Workbench({ host: this, page, context, folder });
    this.sessions.push(wb);
    await wb.ready(file);
    return wb;
  }

  /** Close every workbench, the browser and the server; delete the run dir (unless VSCHOST_KEEP). */
  async close() {
    for (const wb of this.sessions) await wb.close();
    await this.browser.close().catch(() => {});
    await stopServer(this.server);
    if (process.env.VSCHOST_KEEP) log(`kept ${this.dirs.root}`);
    else fs.rmSync(this.dirs.root, { recursive: true, force: true });
  }
}
