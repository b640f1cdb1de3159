import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, sft } from './run-cli';

const GOLDEN = join(REPO_ROOT, 'test', 'fixtures', 'golden', 'examples-lint.json');

/** A readable line diff: the first differing lines with a little context. */
function lineDiff(expected: string, actual: string): string {
  const e = expected.split('\n');
  const a = actual.split('\n');
  const out: string[] = [];
  for (let i = 0; i < Math.max(e.length, a.length) && out.length < 40; i++) {
    if (e[i] === a[i]) continue;
    if (e[i] !== undefined) out.push(`${i + 1} - ${e[i]}`);
    if (a[i] !== undefined) out.push(`${i + 1} + ${a[i]}`);
  }
  return out.join('\n');
}

describe('cli: golden output for the examples workspace', function () {
  // Each test starts the CLI as a child process; machines under load start node slowly.
  this.timeout(60_000);
  it('sft lint examples --format json matches test/fixtures/golden/examples-lint.json (UPDATE_GOLDEN=1 rewrites it)', () => {
    const r = sft(['lint', 'examples', '--format', 'json']);
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(GOLDEN)) {
      writeFileSync(GOLDEN, r.stdout);
      return;
    }
    const expected = readFileSync(GOLDEN, 'utf8');
    if (expected !== r.stdout) {
      assert.fail(
        `sft lint examples changed (- golden, + now); if intended, run with UPDATE_GOLDEN=1:\n${lineDiff(expected, r.stdout)}`,
      );
    }
  });
});
