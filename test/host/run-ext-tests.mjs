#!/usr/bin/env node
// SFT Studio test host: run the integration tests inside a REAL VS Code extension host,
// the way @vscode/test-electron does (extensionTestsPath module exporting run()),
// but with code-server's VS Code server + Chromium instead of desktop VS Code.
//
//   node run-ext-tests.mjs <extensionDevelopmentPath> <extensionTestsPath> [workspaceFolder]
//
// Exit code: the extension host's test exit code (0 = run() resolved, 1 = it rejected
// or threw), 2 = harness error (server/browser could not start), 3 = timeout.
// Env: VSCHOST_DIR (install dir, default $HOME/.cache/vscode-host), VSCHOST_TIMEOUT (s, default 600),
//      VSCHOST_KEEP=1 keep the scratch run dir, VSCHOST_VERBOSE=1 print all browser console,
//      VSCHOST_ENABLE_PROPOSED_API=<ext id[,id]> pass --enable-proposed-api,
//      VSCHOST_SETTINGS='{"json":"user settings"}',
//      VSCHOST_SERVER_ARGS='extra code-server flags'. Other env vars reach the extension host.
// Mid-test screenshot: a test logs '[vschost:screenshot] /abs/out.png' and waits ~2 s.
// Runs with any Node >= 18 (it only spawns Node 24 for the server).

import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
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
  vscodeVersion,
} from './lib.mjs';

const [devPathArg, testsPathArg, wsArg] = process.argv.slice(2);
if (!devPathArg || !testsPathArg) {
  console.error(
    'usage: run-ext-tests.mjs <extensionDevelopmentPath> <extensionTestsPath> [workspaceFolder]',
  );
  process.exit(2);
}
const devPath = path.resolve(devPathArg);
// Like test-electron, extensionTestsPath may name the module file or its folder (index.js).
const testsPath = path.resolve(testsPathArg);
const wsPath = wsArg ? path.resolve(wsArg) : undefined;
const timeoutS = Number(process.env.VSCHOST_TIMEOUT || 600);
const verbose = !!process.env.VSCHOST_VERBOSE;

let server,
  browser,
  dirs,
  finished = false;

async function finish(code, why) {
  if (finished) return;
  finished = true;
  if (why) log(why);
  try {
    if (browser) await browser.close();
  } catch {
    /* ignore */
  }
  await stopServer(server);
  if (code >= 2 && dirs) {
    // harness problem, not a plain test failure
    console.error(
      `---- code-server log tail (${dirs.serverLog}) ----\n${tail(dirs.serverLog, 40)}`,
    );
  }
  if (dirs && !process.env.VSCHOST_KEEP) fs.rmSync(dirs.root, { recursive: true, force: true });
  else if (dirs) log(`kept run dir ${dirs.root}`);
  log(`exit code ${code}`);
  process.exit(code);
}
process.on('SIGINT', () => finish(130, 'interrupted'));

let typing = Promise.resolve();
/** Click the element with `testid` in the first frame holding one, Ctrl+End, type `text`. */
async function typeInto(page, testid, text) {
  try {
    for (const frame of page.frames()) {
      const target = frame.locator(`[data-testid="${testid}"]`).first();
      if (!(await target.count().catch(() => 0))) continue;
      if (!(await target.evaluate((e) => e === e.ownerDocument.activeElement))) {
        await target.click();
        await page.keyboard.press('Control+End');
      }
      await page.keyboard.type(text);
      return;
    }
    log(`[vschost:type] no element with data-testid ${testid} in any frame`);
  } catch (e) {
    log(`[vschost:type] failed: ${e.message}`);
  }
}
process.on('SIGTERM', () => finish(143, 'terminated'));

/** Start a Chromium trace into `path`, or (no path) stop the one running and write it. */
async function traceCommand(page, path) {
  try {
    if (path) {
      tracePath = path;
      await browser.startTracing(page, {
        path,
        screenshots: false,
        categories: [
          'devtools.timeline',
          'disabled-by-default-devtools.timeline',
          'v8.execute',
          'disabled-by-default-v8.cpu_profiler',
          'toplevel',
          'blink.user_timing',
        ],
      });
      log(`[vschost:trace] recording to ${path}`);
    } else {
      await browser.stopTracing();
      log(`[vschost:trace] written ${tracePath}`);
    }
  } catch (e) {
    log(`[vschost:trace] failed: ${e.message}`);
  }
}
let tracePath;

try {
  checkInstall();
  for (const p of [devPath, testsPath, wsPath].filter(Boolean)) {
    if (!fs.existsSync(p)) throw new Error(`no such path: ${p}`);
  }
  const t0 = Date.now();
  log(
    `VS Code ${vscodeVersion()} (code-server); ext=${devPath} tests=${testsPath} ws=${wsPath ?? '(none)'}`,
  );
  dirs = makeRunDir();
  // Extra code-server flags, e.g. VSCHOST_SERVER_ARGS='--vscode-option disable-extensions'.
  const extra = (process.env.VSCHOST_SERVER_ARGS || '').split(/\s+/).filter(Boolean);
  for (const id of (process.env.VSCHOST_ENABLE_PROPOSED_API || '').split(',').filter(Boolean)) {
    extra.push('--enable-proposed-api', id);
  }
  server = await startServer({ dirs, extraArgs: extra });
  browser = await launchBrowser(dirs);
  const page = await (
    await browser.newContext({ viewport: { width: 1400, height: 900 } })
  ).newPage();

  // The workbench calls these two globals when it runs extension tests (smoke-test driver):
  //  codeAutomationLog(type, args) for log lines, codeAutomationExit(code, logs) when the
  //  extension host has finished the tests and exited with the tests' result.
  // Everything the workbench logs arrives here, including the extension host's console /
  // stdout (mocha's reporter output) - printf-style args, so format them.
  const noise =
    /^Canceled: Canceled|Ignoring fetching additional builtin extensions|ENOTFOUND|ERR_NAME_NOT_RESOLVED|Resolving connection token|Resolved connection token|Creating a socket|reconnection-grace-time|builtin extensions cache|\[AgentHost|\[AccountPolicyGate\]|\[Service Worker\]/;
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = util.format(...(Array.isArray(args) ? args : [args]));
    if (verbose || !noise.test(text)) (type === 'error' ? console.error : console.log)(text);
    // A test can ask for a screenshot of the workbench mid-test by logging
    //   console.log('[vschost:screenshot] /abs/path.png')
    // then waiting ~1-2 s (the log line reaches the browser asynchronously).
    const shot = /\[vschost:screenshot\]\s+(\S+\.png)/.exec(text);
    if (shot) {
      page.screenshot({ path: shot[1] }).then(
        () => log(`screenshot ${shot[1]}`),
        (e) => log(`screenshot failed: ${e.message}`),
      );
    } // A test can type into a webview with real key presses by logging
    //   console.log(`[vschost:type] <data-testid> ${JSON.stringify(text)}`)
    // the element of that test id (in the first frame that has one) is clicked, the caret put
    // at its end (Ctrl+End) and the text typed key by key; requests run one after another.
    // A benchmark can record a Chromium trace of every process (the workbench, the webviews):
    //   console.log('[vschost:trace] start /abs/path.json') ... console.log('[vschost:trace] stop')
    const trace = /\[vschost:trace\]\s+(start\s+(\S+)|stop)/.exec(text);
    if (trace) typing = typing.then(() => traceCommand(page, trace[2]));
    const typed = /\[vschost:type\]\s+(\S+)\s+(".*")\s*$/.exec(text);
    if (typed) typing = typing.then(() => typeInto(page, typed[1], JSON.parse(typed[2])));
  });
  await page.exposeFunction('codeAutomationExit', async (code) => {
    log(
      `extension host finished the tests: exit code ${code} (${((Date.now() - t0) / 1000).toFixed(1)} s total)`,
    );
    setTimeout(() => finish(typeof code === 'number' ? code : 1), 0);
  });
  // The page console repeats the codeAutomationLog lines; show it only when verbose.
  if (verbose) {
    page.on('console', (msg) => console.log(`[browser ${msg.type()}] ${msg.text()}`));
    page.on('requestfailed', (r) =>
      console.log(`[browser requestfailed] ${r.url()} ${r.failure()?.errorText}`),
    );
    page.on('response', (r) => {
      if (r.status() >= 400) console.log(`[browser http ${r.status()}] ${r.url()}`);
    });
  }
  page.on('pageerror', (err) => console.error(`[browser pageerror] ${err.message}`));
  page.on('crash', () => finish(2, 'browser page crashed'));

  const payload = [
    ['extensionDevelopmentPath', remoteUri(server, devPath)],
    ['extensionTestsPath', remoteUri(server, testsPath)],
    ['enableProposedApi', ''],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  const url = workbenchUrl(server, { folder: wsPath, payload });
  log(`opening ${url}`);
  const resp = await page.goto(url);
  // A VS Code server that cannot start (e.g. wrong Node version) answers the page with an
  // error status while /healthz still says ok; fail fast instead of waiting for the timeout.
  if (!resp || resp.status() >= 400)
    throw new Error(`workbench page answered HTTP ${resp && resp.status()}`);
  setTimeout(() => finish(3, `timeout: no result after ${timeoutS} s`), timeoutS * 1000);
  // Notice a dead server (the browser would just wait forever).
  const watch = setInterval(() => {
    if (server.exited) finish(2, `code-server exited: ${JSON.stringify(server.exited)}`);
  }, 1000);
  watch.unref();
  await new Promise(() => {}); // finish() exits the process
} catch (err) {
  console.error((err && err.stack) || err);
  await finish(2, 'harness error');
}
