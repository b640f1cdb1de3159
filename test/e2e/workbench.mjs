// SFT Studio e2e driver: one workbench page (see driver.mjs). Every action goes through real
// input (keyboard.press/type, mouse clicks); reads come from the DOM and from the files on disk.
import fs from 'node:fs';
import path from 'node:path';
import { webview, webviewBox } from './webview.mjs';

const QUICK_INPUT = '.quick-input-widget';
const QUICK_ROWS = '.quick-input-widget .quick-input-list .monaco-list-row';
const ACTION_ROWS = '.action-widget .monaco-list-row.action';

/** How long a single UI step may take (ms); the runner bounds a whole scenario. */
const STEP_MS = 15000;

/** Theme names VS Code ships, for `open({ theme })` and `setTheme()`. */
export const THEMES = { light: 'Default Light Modern', dark: 'Default Dark Modern' };

/** A theme's full name from 'light', 'dark' or the name itself. */
export function themeName(theme) {
  return THEMES[theme] ?? theme;
}

/** Wait until `check()` is truthy (polled), or throw `what` (a string or a function making one) after `timeout` ms. */
export async function until(check, what, timeout = STEP_MS) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    last = await check();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`timed out after ${timeout} ms: ${typeof what === 'function' ? what() : what}`);
}

/** A workbench page on a copy of a workspace: `folder` is that copy, on this machine's disk. */
export class Workbench {
  constructor({ host, page, context, folder }) {
    Object.assign(this, { host, page, context, folder });
  }

  /** Wait for the restored workbench (and the tab of `file`, when one was opened). */
  async ready(file) {
    await this.page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 60000 });
    // The workbench's smoke-test driver (lib.mjs starts the server with it) says when restored.
    await this.page.evaluate(() => globalThis.driver?.whenWorkbenchRestored());
    if (file) await this.waitForTab(path.basename(file));
  }

  /** The absolute path of a file of the workspace copy. */
  path(rel) {
    return path.join(this.folder, rel);
  }

  /** The bytes of a workspace file on disk now (after save() they are what VS Code wrote). */
  readFile(rel) {
    return fs.readFileSync(this.path(rel));
  }

  /** A workspace file on disk as UTF-8 text. */
  readText(rel) {
    return this.readFile(rel).toString('utf8');
  }

  /** Wait for an editor tab whose label includes `label`. */
  async waitForTab(label) {
    await this.page
      .locator(`.tabs-container .tab[aria-label*="${label}"]`)
      .first()
      .waitFor({ timeout: 60000 });
  }

  /**
   * Open the command palette (F1) and type `text` into it (`>` for commands, none for files, `:`
   * for a line). A quick input still closing from the step before is waited out, then F1 again.
   */
  async quickInput(text) {
    const input = this.page.locator(`${QUICK_INPUT} input`);
    await until(async () => {
      if (!(await input.isVisible())) await this.page.keyboard.press('F1');
      return input.fill(text, { timeout: 2000 }).then(
        () => true,
        () => false,
      );
    }, 'the command palette opens');
  }

  /**
   * Move the quick input's focus to the first row whose label satisfies `want` (with the
   * arrow keys), then press Enter. Rows filter as typed: this waits for a matching one.
   */
  async pickQuickInputRow(want, what, timeout = STEP_MS) {
    const rows = this.page.locator(QUICK_ROWS);
    let labels = [];
    const index = await until(
      async () => {
        labels = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
        const i = labels.findIndex((l) => l && want(l));
        return i >= 0 ? i + 1 : 0;
      },
      () => `a quick input row for ${what} (rows: ${JSON.stringify(labels.slice(0, 8))})`,
      timeout,
    );
    for (let i = 1; i < index; i++) await this.page.keyboard.press('ArrowDown');
    await this.page.keyboard.press('Enter');
  }

  /**
   * Type `text` into the command palette and pick the row `want` chooses, up to three times: a
   * workbench still settling can close the palette, or miss commands, while it is open.
   */
  async palette(text, want, what, settleMs = 0) {
    for (let attempt = 1; ; attempt++) {
      await this.quickInput(text);
      await this.page.waitForTimeout(settleMs);
      try {
        return await this.pickQuickInputRow(want, what, attempt < 3 ? 5000 : STEP_MS);
      } catch (e) {
        if (attempt >= 3) throw e;
        // Closed under the typing, or opened before the extensions' commands were all known
        // (the palette does not list what registers while it is open): close it, then again.
        if (await this.page.locator(QUICK_INPUT).isVisible())
          await this.page.keyboard.press('Escape');
      }
    }
  }

  /**
   * Run a command as a person does: F1, its title typed, Enter. `command` is a palette title
   * ("Markdown: Open Preview to the Side") or an id ("markdown.showPreviewToSide"): an id is
   * turned into its title from the extension manifests, or else typed as is (the palette also
   * matches ids) and the first row is run.
   */
  async runCommand(command) {
    const label = this.host.manifests.commandLabel(command) ?? command;
    const known = label !== command || /\s/.test(command);
    await this.palette(
      `>${label}`,
      (l) => !known || l === label || l.startsWith(`${label},`),
      `command ${command}`,
      known ? 0 : 500, // an id the manifests do not know: let the palette filter first
    );
    // The palette closes, or the command opens a quick input of its own (a picker, an input box).
    const input = this.page.locator(`${QUICK_INPUT} input`);
    await until(
      async () => !(await input.isVisible()) || (await input.inputValue()) !== `>${label}`,
      `the palette closes after running ${command}`,
    );
  }

  /** Open a workspace file with Quick Open (its relative path typed, Enter) and wait for its tab. */
  async openFile(rel) {
    const base = path.basename(rel);
    // The file's own row (`name, folder`), not an open editor that shows it ("Preview name").
    await this.palette(rel, (l) => l === base || l.startsWith(`${base},`), `file ${rel}`);
    await this.waitForTab(base);
  }

  /** Put the cursor at the start of line `line` (1-based) of the active text editor (Go to Line). */
  async goToLine(line) {
    await this.quickInput(`:${line}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout: STEP_MS });
  }

  /** Give the keyboard back to the text editor of the first editor group (Ctrl+1), as it was. */
  async focusEditor() {
    await this.page.keyboard.press('Control+1');
    await this.page
      .locator('.editor-group-container .monaco-editor.focused')
      .first()
      .waitFor({ timeout: STEP_MS });
  }

  /** Reopen the active editor with the custom editor `viewType` ("Reopen Editor With..."). */
  async reopenWith(viewType) {
    const editor = this.host.manifests.customEditor(viewType);
    if (!editor) throw new Error(`no extension manifest declares custom editor ${viewType}`);
    await this.runCommand('workbench.action.reopenWithEditor');
    await this.pickQuickInputRow((l) => l.startsWith(editor.displayName), editor.displayName);
  }

  /**
   * Show and focus a view (a tree or a webview view) by its id as a person does: "View: Open
   * View...", its name typed (from the manifests), Enter.
   */
  async focusView(viewId) {
    const name = this.host.manifests.viewName(viewId);
    if (!name) throw new Error(`no extension manifest declares view ${viewId}`);
    await this.runCommand('workbench.action.openView');
    await this.page.keyboard.type(name); // after the picker's own `view ` prefix
    await this.pickQuickInputRow((l) => l === name || l.startsWith(`${name},`), `view ${viewId}`);
  }

  /**
   * Apply a code action from the light bulb menu with the keyboard: Ctrl+. at the cursor, the
   * arrow keys down to the first action whose title includes `titleIncludes`, Enter.
   */
  async applyCodeAction(titleIncludes) {
    const rows = this.page.locator(ACTION_ROWS);
    let pressed = 0;
    const titles = await until(
      async () => {
        const t = await rows.allInnerTexts();
        if (t.length) return t;
        // On a busy machine the first Ctrl+. can come before the actions are known: again.
        if (Date.now() - pressed > 4000) {
          await this.page.keyboard.press('Control+Period');
          pressed = Date.now();
        }
        return undefined;
      },
      'the code action menu opens',
      2 * STEP_MS,
    );
    if (!titles.some((t) => t.includes(titleIncludes)))
      throw new Error(`no code action "${titleIncludes}" in ${JSON.stringify(titles)}`);
    const focused = this.page.locator(`${ACTION_ROWS}.focused`);
    for (let k = 0; k <= titles.length; k++) {
      const now = await focused.innerText({ timeout: 2000 }).catch(() => '');
      if (now.includes(titleIncludes)) break;
      await this.page.keyboard.press('ArrowDown');
    }
    await this.page.keyboard.press('Enter');
    await rows.first().waitFor({ state: 'hidden', timeout: STEP_MS });
  }

  /** Answer an input box a command opened: type `text`, Enter. */
  async answerInputBox(text) {
    const input = this.page.locator(`${QUICK_INPUT} input`);
    await input.waitFor({ state: 'visible', timeout: STEP_MS });
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
    await this.page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout: STEP_MS });
  }

  /** Save the active editor with Ctrl+S and wait until its tab is no longer dirty. */
  async save() {
    await this.page.keyboard.press('Control+S');
    await until(
      async () => (await this.page.locator('.tabs-container .tab.active.dirty').count()) === 0,
      'the saved tab is clean',
    );
  }

  /** The status bar's text, as shown. */
  async statusBar() {
    return this.page.locator('.part.statusbar').innerText();
  }

  /**
   * The rows of the Problems panel (opened first when hidden), each row's text as shown. With
   * `filter`, that text is typed into the panel's filter box first (the list is virtual: only
   * the rows that fit are in the DOM, so filter to see a given problem in a busy workspace).
   * The keyboard is then in the filter box: focusEditor() to type in the editor again.
   */
  async problems({ filter } = {}) {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) {
      await this.page.keyboard.press('Control+Shift+M');
      await panel.waitFor({ state: 'visible', timeout: STEP_MS });
    }
    if (filter !== undefined) {
      const box = this.page.locator('.panel .viewpane-filter input');
      if ((await box.inputValue()) !== filter) await box.fill(filter);
    }
    return panel.locator('.monaco-list-row').allInnerTexts();
  }

  /**
   * Wait until a Problems panel row includes `text` (or, with `gone`, until none does), the
   * panel filtered by `filter` (default: `text`); returns the rows.
   */
  async waitForProblem(text, { gone = false, filter = text, timeout = STEP_MS } = {}) {
    return until(
      async () => {
        const rows = await this.problems({ filter });
        return rows.some((r) => r.includes(text)) !== gone ? rows : undefined;
      },
      `a problem ${gone ? 'without' : 'with'} "${text}" in the Problems panel`,
      timeout,
    );
  }

  /**
   * Switch the colour theme ('light', 'dark' or a theme name) as a person does: "Preferences:
   * Color Theme", the name typed, Enter. Waits until the workbench shows it.
   */
  async setTheme(theme) {
    const name = themeName(theme);
    await this.runCommand('workbench.action.selectTheme');
    // The picker lists VS Code's own themes without "Default " ("Dark Modern").
    const label = name.replace(/^Default /, '');
    await this.page.locator(`${QUICK_INPUT} input`).fill(label);
    await this.pickQuickInputRow((l) => l === label || l.startsWith(`${label},`), `theme ${name}`);
    const kind = /high contrast/i.test(name) ? 'hc-' : /dark/i.test(name) ? 'vs-dark' : 'vs';
    await until(
      () =>
        this.page.evaluate((k) => {
          const c = document.querySelector('.monaco-workbench')?.classList;
          return !!c && (k === 'hc-' ? [...c].some((x) => x.startsWith('hc-')) : c.contains(k));
        }, kind),
      `the ${name} theme is applied`,
    );
  }

  /** The content frame of a webview: see webview.mjs. */
  async webview(opts) {
    return webview(this.page, { manifests: this.host.manifests, ...opts });
  }

  /**
   * Run `fn(frame)` on a webview's content frame (found as webview() finds it), again on a new
   * frame when the old one went away under it: an extension may render its page anew (after a
   * theme change, a navigation, a reload) and playwright then reports the frame detached.
   */
  async inWebview(opts, fn, timeout = 2 * STEP_MS) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const frame = await this.webview(opts);
      try {
        return await fn(frame);
      } catch (e) {
        if (!/detached/i.test(String(e?.message)) || Date.now() > deadline) throw e;
      }
    }
  }

  /**
   * A PNG of the whole page at `file`, or with `frame` of only that webview; returns `file`.
   * `settle` ms are waited first (default 500), so a theme or layout change has painted.
   */
  async screenshot(file, { frame, settle = 500 } = {}) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await this.page.waitForTimeout(settle);
    const clip = frame ? await webviewBox(frame) : undefined;
    await this.page.screenshot({ path: file, clip });
    return file;
  }

  /** Close this workbench's browser context. */
  async close() {
    await this.context.close().catch(() => {});
  }
}
