#!/usr/bin/env node
// `npm run test:e2e`: SFT Studio's end-to-end scenarios in a real VS Code (code-server) driven
// through Chromium (test/host/README.md). Runs every test/e2e/*.e2e.mjs: each exports
// `scenarios`, an object of async functions by name, each given the host (driver.mjs) and
// run in turn on one server and browser. A failing scenario leaves a screenshot of its
// workbench in $SFT_E2E_OUT (default <tmp>/sft-e2e). Prints `N passed, N failed` last.
//
//   node test/e2e/run.mjs [name filter]      (SFT_E2E_GREP works too; build first: node esbuild.mjs)
// Exit code 0 all passed, 1 a scenario failed, 2 the host could not start.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT, startHost } from './driver.mjs';

const dir = path.join(REPO_ROOT, 'test/e2e');
const grep = (process.argv[2] ?? process.env.SFT_E2E_GREP ?? '').toLowerCase();
const out = path.resolve(process.env.SFT_E2E_OUT || path.join(os.tmpdir(), 'sft-e2e'));
const timeoutMs = Number(process.env.SFT_E2E_TIMEOUT_S || 180) * 1000;

const scenarios = [];
for (const file of fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.e2e.mjs'))
  .sort()) {
  const mod = await import(pathToFileURL(path.join(dir, file)).href);
  for (const [name, run] of Object.entries(mod.scenarios ?? {}))
    if (!grep || name.toLowerCase().includes(grep)) scenarios.push({ name, file, run });
}

let passed = 0;
let failed = 0;
let host;
try {
  host = await startHost();
} catch (e) {
  console.error(`e2e: the host did not start: ${(e && e.stack) || e}`);
  console.log(`\n0 passed, ${scenarios.length || 1} failed`);
  process.exit(2);
}
for (const s of scenarios) {
  const t0 = Date.now();
  const opened = host.sessions.length;
  let timer;
  try {
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
    });
    await Promise.race([s.run(host), timeout]);
    passed += 1;
    console.log(`  ✔ ${s.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  } catch (e) {
    failed += 1;
    console.log(
      `  ✘ ${s.name} (${s.file})\n    ${((e && e.stack) || String(e)).replace(/\n/g, '\n    ')}`,
    );
    const wb = host.sessions[host.sessions.length - 1];
    if (host.sessions.length > opened && wb) {
      const shot = path.join(out, `failed-${s.name.replace(/[^\w.-]+/g, '-')}.png`);
      await wb.screenshot(shot, { settle: 0 }).then(
        () => console.log(`    screenshot: ${shot}`),
        () => {},
      );
    }
  } finally {
    clearTimeout(timer);
    for (const wb of host.sessions.splice(opened)) await wb.close();
  }
}
await host.close();
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
