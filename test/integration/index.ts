/**
 * The integration suite's entry inside the extension host (@vscode/test-electron's
 * `extensionTestsPath`): runs the bundled suite (dist-test/integration/suite.js) with mocha
 * and prints `N passed, N failed` as its last line. Rejects when a test failed, which the
 * host turns into a non-zero exit code.
 */
import * as path from 'node:path';

interface MochaStats {
  passes: number;
  failures: number;
  pending: number;
}
interface MochaRunner {
  stats?: MochaStats;
  on(event: string, cb: (...args: unknown[]) => void): MochaRunner;
}
interface MochaInstance {
  addFile(file: string): void;
  run(done: (failures: number) => void): MochaRunner;
}
type MochaCtor = new (options: Record<string, unknown>) => MochaInstance;

export function run(): Promise<void> {
  // mocha stays external to the bundle: loaded at run time from the project's node_modules.
  const Mocha = require('mocha') as MochaCtor;
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: Number(process.env.SFT_TEST_TIMEOUT ?? 30000),
    grep: process.env.SFT_TEST_GREP,
  });
  mocha.addFile(path.join(__dirname, 'suite.js'));
  return new Promise((resolve, reject) => {
    let passed = 0;
    let failed = 0;
    const runner = mocha.run((failures) => {
      // Hooks that fail count as failures too; mocha's own count is the authority.
      failed = Math.max(failed, failures);
      console.log(`${passed} passed, ${failed} failed`);
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else resolve();
    });
    runner.on('pass', () => {
      passed++;
    });
    runner.on('fail', () => {
      failed++;
    });
  });
}
