#!/usr/bin/env node
// SFT Studio test host. Black-box end-to-end check: a real VS Code (code-server) with one extension, driven
// by Debian's Chromium. Opens a workspace folder and a file, optionally waits for text
// or a selector, opens the Problems panel, prints what the UI shows (status bar and
// Problems panel text, as JSON on the last stdout line) and saves a PNG screenshot.
//
//   node screenshot.mjs <extensionDir|file.vsix> <workspaceFolder> <fileToOpen> <out.png> [options]
//
//   <extensionDir>  loaded as an extension under development (like F5 / --extensionDevelopmentPath)
//   <file.vsix>     installed with `code-server --install-extension` into a scratch extensions dir
//   <fileToOpen>    path, absolute or relative to the workspace folder ('-' = none)
// Options:
//   --wait-text TEXT       wait until TEXT is visible anywhere in the workbench (repeatable)
//   --wait-selector CSS    wait until CSS selector is visible (repeatable)
//   --no-problems          do not open the Problems panel
//   --command TITLE        run a command by its palette title first, e.g. 'SFT: Show Coverage' (repeatable)
//   --timeout SECONDS      per wait (default 60)
//   --settle MS            extra wait before the shot (default 1500)
//   --size WxH             viewport (default 1400x900)
// Exit code: 0 ok, 1 a wait failed (a screenshot is still written), 2 harness error.
// Env: VSCHOST_DIR, VSCHOST_KEEP=1, VSCHOST_VERBOSE=1, VSCHOST_SETTINGS (see run-ext-tests.mjs).

import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import {
  checkInstall,
  makeRunDir,
  startServer,
  stopServer,
  launchBrowser,
  workbenchUrl,
  remoteUri,
  log,
  tail,
  NODE24,
  CODE_SERVER_ENTRY,
  vscodeVersion,
  isolatedEnv,
} from './lib.mjs';

const argv = process.argv.slice(2);
const pos = [];
const opts = {
  waitText: [],
  waitSelector: [],
  commands: [],
  problems: true,
  timeout: 60,
  settle: 1500,
  size: '1400x900',
};
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--wait-text') opts.waitText.push(argv[++i]);
  else if (a === '--wait-selector') opts.waitSelector.push(argv[++i]);
  else if (a === '--no-problems') opts.problems = false;
  else if (a === '--command') opts.commands.push(argv[++i]);
  else if (a === '--timeout') opts.timeout = Number(argv[++i]);
  else if (a === '--settle') opts.settle = Number(argv[++i]);
  else if (a === '--size') opts.size = argv[++i];
  else pos.push(a);
}
if (pos.length < 4) {
  console.error(
    'usage: screenshot.mjs <extensionDir|file.vsix> <workspaceFolder> <fileToOpen|-> <out.png> [--wait-text T] [--wait-selector S] [--no-problems] [--timeout S]',
  );
  process.exit(2);
}
const [extArg, wsArg, fileArg, outArg] = pos;
const ext = path.resolve(extArg);
const ws = path.resolve(wsArg);
const file = fileArg === '-' ? undefined : path.resolve(ws, fileArg);
const out = path.resolve(outArg);
const [width, height] = opts.size.split('x').map(Number);
const verbose = !!process.env.VSCHOST_VERBOSE;

let server, browser, dirs;
async function cleanup() {
  try {
    if (browser) await browser.close();
  } catch {
    /* ignore */
  }
  await stopServer(server);
  if (dirs && !process.env.VSCHOST_KEEP) fs.rmSync(dirs.root, { recursive: true, force: true });
}
process.on('SIGINT', async () => {
  await cleanup();
  process.exit(130);
});

let rc = 0;
try {
  checkInstall();
  for (const p of [ext, ws, file].filter(Boolean))
    if (!fs.existsSync(p)) throw new Error(`no such path: ${p}`);
  const t0 = Date.now();
  log(`VS Code ${vscodeVersion()} (code-server); ext=${ext} ws=${ws} file=${file ?? '(none)'}`);
  dirs = makeRunDir('vschost-shot-');

  const payload = [
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  if (ext.endsWith('.vsix')) {
    // Offline install of a packaged extension into this run's scratch extensions dir.
    const r = spawnSync(
      NODE24,
      [
        CODE_SERVER_ENTRY,
        '--config',
        dirs.config,
        '--user-data-dir',
        dirs.userData,
        '--extensions-dir',
        dirs.extensions,
        '--install-extension',
        ext,
        '--force',
      ],
      { encoding: 'utf8', env: isolatedEnv(dirs, { EXTENSIONS_GALLERY: '{}' }) },
    );
    log(`install-extension: ${(r.stdout + r.stderr).trim().split('\n').pop()}`);
    if (r.status !== 0)
      throw new Error(`--install-extension failed (${r.status}):\n${r.stdout}${r.stderr}`);
  }
  server = await startServer({ dirs });
  if (!ext.endsWith('.vsix')) payload.push(['extensionDevelopmentPath', remoteUri(server, ext)]);
  if (file) payload.push(['openFile', remoteUri(server, file)]);

  browser = await launchBrowser(dirs);
  const page = await (await browser.newContext({ viewport: { width, height } })).newPage();
  if (verbose) page.on('console', (m) => console.log(`[browser ${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => console.error(`[browser pageerror] ${e.message}`));

  const url = workbenchUrl(server, { folder: ws, payload });
  log(`opening ${url}`);
  const resp = await page.goto(url);
  // A VS Code server that cannot start (e.g. wrong Node version) answers the page with an
  // error status while /healthz still says ok; fail fast instead of waiting for the timeout.
  if (!resp || resp.status() >= 400)
    throw new Error(`workbench page answered HTTP ${resp && resp.status()}`);
  const ms = opts.timeout * 1000;
  // The workbench is up once the status bar is rendered; the editor once a tab shows.
  await page
    .locator('.monaco-workbench .part.statusbar')
    .waitFor({ state: 'visible', timeout: ms });
  if (file) {
    await page
      .locator(
        `.tabs-container .tab[aria-label*="${path.basename(file)}"], .tabs-container .tab:has-text("${path.basename(file)}")`,
      )
      .first()
      .waitFor({ state: 'visible', timeout: ms });
  }
  log(`workbench ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  // Commands run as a person runs them: the command palette, the title typed, Enter.
  for (const title of opts.commands) {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10000 });
    await input.fill(`>${title}`);
    await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 10000 });
    await page.keyboard.press('Enter');
    await page
      .locator('.quick-input-widget')
      .waitFor({ state: 'hidden', timeout: 10000 })
      .catch(() => {});
    log(`ran command: ${title}`);
  }

  if (opts.problems) {
    // The problems counter in the status bar toggles the Problems panel; the keyboard
    // shortcut (Ctrl+Shift+M) is the fallback.
    const panel = page.locator('.markers-panel');
    try {
      await page
        .locator('[id="status.problems"] a, [id="status.problems"]')
        .first()
        .click({ timeout: 5000 });
      await panel.waitFor({ state: 'visible', timeout: 5000 });
    } catch {
      await page.keyboard.press('Control+Shift+M');
      await panel.waitFor({ state: 'visible', timeout: 10000 }).catch(() => {});
    }
    // Problems are grouped per file; wait for at least one row if any are expected.
    await page
      .locator('.markers-panel .monaco-list-row')
      .first()
      .waitFor({ timeout: 5000 })
      .catch(() => {});
  }
  const failures = [];
  for (const t of opts.waitText) {
    try {
      await page.getByText(t, { exact: false }).first().waitFor({ state: 'visible', timeout: ms });
      log(`found text: ${t}`);
    } catch {
      failures.push(`text not visible: ${t}`);
    }
  }
  for (const s of opts.waitSelector) {
    try {
      await page.locator(s).first().waitFor({ state: 'visible', timeout: ms });
      log(`found selector: ${s}`);
    } catch {
      failures.push(`selector not visible: ${s}`);
    }
  }

  // Read the Problems panel after the waits, so a --wait-text for a diagnostic counts.
  const problemsText = opts.problems
    ? await page
        .locator('.markers-panel')
        .innerText()
        .catch(() => null)
    : null;
  if (opts.settle) await page.waitForTimeout(opts.settle);
  const statusBarText = await page
    .locator('.part.statusbar')
    .innerText()
    .catch(() => null);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  await page.screenshot({ path: out });
  log(
    `screenshot ${out} (${fs.statSync(out).size} bytes) after ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  for (const f of failures) console.error(`FAILED: ${f}`);
  rc = failures.length ? 1 : 0;
  console.log(
    JSON.stringify({
      ok: rc === 0,
      screenshot: out,
      statusBar: statusBarText,
      problems: problemsText,
      failures,
    }),
  );
} catch (err) {
  console.error((err && err.stack) || err);
  if (dirs) console.error(`---- code-server log tail ----\n${tail(dirs.serverLog, 30)}`);
  rc = 2;
}
await cleanup();
process.exit(rc);
