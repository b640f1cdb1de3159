/**
 * The VS Code benchmark suite's entry inside the extension host (`extensionTestsPath`):
 * runs the bundled measurements (dist-test/bench-host/suite.js) with mocha, no per-test
 * timeout (indexing 100,000 pairs takes minutes on a loaded machine). The suite writes its
 * figures to $SFT_BENCH_OUT; bench/vscode.ts turns them into the table and budgets.
 */
import * as path from 'node:path';

interface MochaRunner {
  on(event: string, cb: (...args: unknown[]) => void): MochaRunner;
}
interface MochaInstance {
  addFile(file: string): void;
  run(done: (failures: number) => void): MochaRunner;
}
type MochaCtor = new (options: Record<string, unknown>) => MochaInstance;

export function run(): Promise<void> {
  const Mocha = require('mocha') as MochaCtor;
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 0, grep: process.env.SFT_TEST_GREP });
  mocha.addFile(path.join(__dirname, 'suite.js'));
  return new Promise((resolve, reject) => {
    mocha.run((failures) =>
      failures > 0 ? reject(new Error(`${failures} benchmark step(s) failed`)) : resolve(),
    );
  });
}
