#!/usr/bin/env node
// End-to-end check of the README's first command: runs `npm start` exactly as a user does
// (so under npm, with npm's variables in the environment), waits for the URL it prints,
// opens that page in Debian's Chromium and waits until SFT Studio is active on the demo
// workspace: its status bar item (`S n · M n · L n | tasks n/n`) is shown and the demo's
// deliberate problems are counted in the status bar with no file open. Then stops
// `npm start` with SIGINT, as Ctrl-C does, and checks that it ends.
//
//   node test/host/start-check.mjs [out.png]
//
// Exit code 0 when the page shows the extension active, 1 otherwise. `npm test` runs it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = path.resolve(process.argv[2] || path.join(os.tmpdir(), 'sft-start-check.png'));
const timeoutMs = Number(process.env.SFT_START_TIMEOUT_S || 600) * 1000;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const t0 = Date.now();
const say = (m) => console.log(`[start-check ${((Date.now() - t0) / 1000).toFixed(1)} s] ${m}`);

const child = spawn(npm, ['start'], {
  cwd: root,
  detached: true,
  stdio: ['ignore', 'pipe', 'pipe'],
  env: process.env,
});
let output = '';
const url = await new Promise((resolve, reject) => {
  const timer = setTimeout(
    () => reject(new Error(`no URL from npm start within ${timeoutMs / 1000} s`)),
    timeoutMs,
  );
  const read = (chunk) => {
    output += chunk;
    const m = /^\s*(http:\/\/127\.0\.0\.1:\d+\/\?\S+)\s*$/m.exec(output);
    if (m) {
      clearTimeout(timer);
      resolve(m[1]);
    }
  };
  child.stdout.on('data', read);
  child.stderr.on('data', read);
  child.on('exit', (code, signal) => {
    clearTimeout(timer);
    reject(new Error(`npm start exited (${code ?? signal}) before printing a URL`));
  });
}).catch((err) => err);

let ok = false;
let browser;
let dirs;
try {
  if (url instanceof Error) throw url;
  say(`npm start printed ${url}`);
  // lib.mjs reads VSCHOST_DIR at import: import it only now that setup has run.
  const { launchBrowser, makeRunDir } = await import('./lib.mjs');
  dirs = makeRunDir('sft-start-check-');
  browser = await launchBrowser(dirs);
  const page = await (
    await browser.newContext({ viewport: { width: 1400, height: 900 } })
  ).newPage();
  const resp = await page.goto(url);
  if (!resp || resp.status() >= 400)
    throw new Error(`the page answered HTTP ${resp && resp.status()}`);
  const item = page
    .locator('.part.statusbar')
    .getByText(/S \d+ · M \d+ · L \d+/)
    .first();
  await item.waitFor({ state: 'visible', timeout: 120000 });
  const text = await item.innerText();
  // The demo workspace holds deliberate problems: once the index is built they reach the
  // Problems panel without a file open, and the status bar's problem counter shows them.
  const problems = page.locator('[id="status.problems"]').first();
  await page.waitForFunction(
    () => /[1-9]/.test(document.querySelector('[id="status.problems"]')?.textContent ?? ''),
    null,
    { timeout: 120000 },
  );
  const counts = (await problems.getAttribute('aria-label')) || (await problems.innerText());
  await page.screenshot({ path: out });
  say(
    `SFT Studio is active on examples/: status bar "${text.trim()}", problems "${counts.trim()}"; screenshot ${out}`,
  );
  ok = true;
} catch (err) {
  console.error(`start-check failed: ${err && err.message ? err.message : err}`);
  console.error(`---- npm start output ----\n${output.split('\n').slice(-40).join('\n')}`);
} finally {
  if (browser) await browser.close().catch(() => {});
  if (dirs) fs.rmSync(dirs.root, { recursive: true, force: true });
}

// Ctrl-C: npm start must stop its server and end.
const ended = new Promise((resolve) => child.on('exit', resolve));
try {
  process.kill(-child.pid, 'SIGINT');
} catch {
  /* already gone */
}
const stopped = await Promise.race([
  ended.then(() => true),
  new Promise((r) => setTimeout(() => r(false), 20000)),
]);
if (!stopped) {
  console.error('npm start did not end within 20 s of SIGINT');
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    /* gone */
  }
  ok = false;
}
if (fs.existsSync(out)) say(`done (${ok ? 'ok' : 'FAILED'})`);
process.exit(ok ? 0 : 1);
