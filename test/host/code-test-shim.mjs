#!/usr/bin/env node
// SFT Studio test host. Stand-in "VS Code executable" for @vscode/test-electron, so
// test/integration/run.mjs's runTests() call works unchanged offline (no desktop VS Code
// can be downloaded there; see test/host/README.md):
//
//   const { runTests } = require('@vscode/test-electron');
//   await runTests({
//     vscodeExecutablePath: 'test/host/code-test-shim.mjs',
//     extensionDevelopmentPath, extensionTestsPath, launchArgs: [workspaceFolder],
//     extensionTestsEnv: { ... },   // reaches the extension host (via the server's env)
//   });
//
// test-electron spawns this with Electron-style flags; we keep the ones that matter
// (--extensionDevelopmentPath, --extensionTestsPath, a folder argument) and hand over to
// run-ext-tests.mjs, whose exit code (the tests' result) becomes ours.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dev = [];
let tests, folder;
const ignored = [];
for (const a of process.argv.slice(2)) {
  const m = /^--([^=]+)(?:=(.*))?$/.exec(a);
  if (!m) {
    folder ??= a;
    continue;
  }
  if (m[1] === 'extensionDevelopmentPath') dev.push(m[2]);
  else if (m[1] === 'extensionTestsPath') tests = m[2];
  else if (m[1] === 'folder-uri' && m[2]?.startsWith('file://')) folder ??= fileURLToPath(m[2]);
  else ignored.push(a); // --no-sandbox, --disable-updates, --user-data-dir=..., etc.
}
if (!dev.length || !tests) {
  console.error(
    `code-test-shim: need --extensionDevelopmentPath and --extensionTestsPath (got ${process.argv.slice(2).join(' ')})`,
  );
  process.exit(2);
}
if (dev.length > 1)
  console.error(`code-test-shim: only the first --extensionDevelopmentPath is used (${dev[0]})`);
if (process.env.VSCHOST_VERBOSE) console.error(`code-test-shim: ignoring ${ignored.join(' ')}`);
const child = spawn(
  process.execPath,
  [path.join(here, 'run-ext-tests.mjs'), dev[0], tests, ...(folder ? [folder] : [])],
  { stdio: 'inherit' },
);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
