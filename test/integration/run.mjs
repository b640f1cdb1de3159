#!/usr/bin/env node
// Runs the integration suite in a real VS Code extension host through an unchanged
// @vscode/test-electron runTests() call.
//
//   SFT_TEST_HOST=code-server (default offline/CI): VS Code 1.139 from code-server, via
//     test/host/code-test-shim.mjs as the "VS Code executable" (test/host/README.md)
//   SFT_TEST_HOST=desktop: desktop VS Code downloaded by test-electron; SFT_VSCODE_VERSION
//     picks the version ('stable' by default; `min` = package.json engines.vscode minimum)
//
// The fixture workspace is copied to a scratch folder first, so tests may edit, save,
// create and delete files. The last line printed is `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const host = process.env.SFT_TEST_HOST || (process.env.CI ? 'code-server' : 'code-server');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

// In a browser VS Code saves files a second after an edit by default (desktop VS Code does
// not): a test that keeps a file dirty longer would change the fixture on disk for the tests
// after it. The suite runs with desktop's default; a caller's own settings still win.
process.env.VSCHOST_SETTINGS = JSON.stringify({
  'files.autoSave': 'off',
  ...(process.env.VSCHOST_SETTINGS ? JSON.parse(process.env.VSCHOST_SETTINGS) : {}),
});

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sft-it-'));
const workspace = path.join(scratch, 'workspace');
fs.cpSync(path.join(root, 'test/fixtures/workspace'), workspace, { recursive: true });

// Echo the host's output, remembering mocha's summary line to repeat it last.
let summary;
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => {
  const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
  for (const m of text.matchAll(/^(\d+) passed, (\d+) failed$/gm)) summary = m[0];
  return write(chunk, ...rest);
};

const options = {
  extensionDevelopmentPath: root,
  extensionTestsPath: path.join(root, 'dist-test/integration/index.js'),
  launchArgs: [workspace, '--disable-extensions', '--skip-welcome', '--skip-release-notes'],
  extensionTestsEnv: { SFT_TEST_WORKSPACE: workspace },
};
let code = 0;
try {
  if (host === 'desktop') {
    const wanted = process.env.SFT_VSCODE_VERSION || 'stable';
    options.version = wanted === 'min' ? pkg.engines.vscode.replace(/^[^\d]*/, '') : wanted;
  } else {
    const setup = spawnSync('bash', [path.join(root, 'test/host/setup.sh')], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (setup.status !== 0) throw new Error(`test/host/setup.sh failed (${setup.status})`);
    options.vscodeExecutablePath = path.join(root, 'test/host/code-test-shim.mjs');
    // The shim's child passes this on to the extension host (server env is inherited).
    process.env.SFT_TEST_WORKSPACE = workspace;
  }
  await runTests(options);
} catch (err) {
  console.error(`integration tests: ${err && err.message ? err.message : err}`);
  code = 1;
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
if (!summary) summary = '0 passed, 1 failed';
if (code !== 0 && /, 0 failed$/.test(summary))
  summary = summary.replace(/, 0 failed$/, ', 1 failed');
process.stdout.write = write;
console.log(summary);
process.exit(code);
