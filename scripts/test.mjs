// `npm test`: typecheck, unused exports (scripts/unused-exports.mjs), build, unit tests (plain Node), then the integration suite inside a
// real VS Code extension host, the end-to-end scenarios (test/e2e, `npm run test:e2e`), then `npm start` end to end
// (test/host/start-check.mjs).
// Prints one closing line `N passed, N failed` over all of it.
import { spawnSync } from 'node:child_process';
import Mocha from 'mocha';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const skipIntegration = process.argv.includes('--unit');
let passed = 0;
let failed = 0;

function step(title, cmd, args) {
  console.log(`\n> ${title}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (r.status !== 0) {
    console.log(`\n${passed} passed, ${failed + 1} failed`);
    console.error(`${title} failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
}

step('typecheck', npm, ['run', '--silent', 'typecheck']);
step('unused exports', npm, ['run', '--silent', 'check:exports']);
step('format', npm, ['run', '--silent', 'format:check']);
step('build', npm, ['run', '--silent', 'build']);
step('build tests', process.execPath, ['esbuild.mjs', '--tests']);

console.log('\n> unit tests');
const mocha = new Mocha({ reporter: 'spec', timeout: 20000 });
mocha.addFile('dist-test/unit.js');
await mocha.loadFilesAsync();
const stats = await new Promise((resolve) => {
  const runner = mocha.run(() => resolve(runner.stats));
});
passed += stats.passes;
failed += stats.failures;

/** Run an npm script that ends with `N passed, N failed`, and add its counts to the totals. */
function counted(title, script) {
  console.log(`\n> ${title}`);
  const r = spawnSync(npm, ['run', '--silent', script], {
    encoding: 'utf8',
    env: process.env,
    stdio: ['inherit', 'pipe', 'inherit'],
  });
  process.stdout.write(r.stdout ?? '');
  const m = /^(\d+) passed, (\d+) failed$/m.exec(r.stdout ?? '');
  if (m) {
    passed += Number(m[1]);
    failed += Number(m[2]);
  }
  if (r.status !== 0 && (!m || Number(m[2]) === 0)) failed += 1; // the host itself failed
}

if (!skipIntegration) {
  counted('integration tests (real VS Code extension host)', 'test:integration');
  // Scenarios a person could follow: keyboard, mouse and webviews in the real workbench.
  counted('end-to-end scenarios (real VS Code in Chromium)', 'test:e2e');
}

if (!skipIntegration) {
  // The README's first command, end to end: `npm start` under npm, its page in Chromium, the
  // extension active on examples/. With an empty VSCHOST_DIR (CI) it proves the install path.
  console.log("\n> npm start, end to end (the README's first command)");
  const r = spawnSync(process.execPath, ['test/host/start-check.mjs'], {
    stdio: 'inherit',
    env: process.env,
  });
  if (r.status === 0) passed += 1;
  else failed += 1;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
