import * as assert from 'node:assert/strict';
import { formatStylish } from '../../../src/cli/format/stylish';
import type { PlacedProblem } from '../../../src/cli/report';

const problem = (line: number, rule: string, message: string): PlacedProblem => ({
  file: 'set.sft.yaml',
  line,
  column: 3,
  endLine: line,
  endColumn: 9,
  severity: 'warning',
  rule,
  message,
  fixable: false,
});

describe('stylish output', () => {
  it('ends a file with one line per message it repeats 10 times or more (one cause), most first', () => {
    const missing =
      'Missing annotation reviewer (required by the guidelines); set it on the pair or in defaults.';
    const problems = [
      ...Array.from({ length: 1200 }, (_, i) => problem(i * 10 + 1, 'missing-annotation', missing)),
      ...Array.from({ length: 12 }, (_, i) => problem(i * 10 + 5, 'review-open', 'No reviewer.')),
      ...Array.from({ length: 9 }, (_, i) => problem(i * 10 + 7, 'formatting', 'Trailing spaces.')),
      problem(3, 'pii', 'Possible email address.'),
    ];
    const out = formatStylish([{ file: 'set.sft.yaml', problems }], { color: false, fileCount: 1 });
    const shared = out.split('\n').filter((l) => l.includes('× the same problem in this file'));
    assert.deepEqual(shared, [
      `  1,200 × the same problem in this file: ${missing}  missing-annotation`,
      '  12 × the same problem in this file: No reviewer.  review-open',
    ]);
    // The problems themselves are all still listed, and the summary counts each one.
    assert.equal(out.split('\n').filter((l) => l.startsWith('  set.sft.yaml:')).length, 1222);
    assert.match(out, /\n1,?222 problems \(0 errors, 1,?222 warnings, 0 infos\) in 1 file\n$/);
  });
});
