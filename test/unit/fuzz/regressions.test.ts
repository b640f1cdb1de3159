/** What the fuzz suites found, pinned on the smallest input that showed it. */
import { strict as assert } from 'node:assert';
import { performance } from 'node:perf_hooks';
import { parseDocument } from 'yaml';
import { applyEdits } from '../../../src/core/edit/apply';
import type { EditIntent } from '../../../src/core/edit/intent';
import { planEdits } from '../../../src/core/edit/plan';
import { defaultGuidelines, loadGuidelines } from '../../../src/core/guidelines';
import { FileLinter } from '../../../src/core/lint';
import { missingId } from '../../../src/core/rules/missing-id';
import { parseSft } from '../../../src/core/parse/parse';
import { RULE_METAS } from '../../../src/core/rules/index';
import { lint, services } from '../helpers';

const run = (text: string, intent: EditIntent) =>
  applyEdits(text, planEdits(parseSft(text), intent));

/** Pairs without an id, each with the copy that should follow it. */
const DUPLICATES: ReadonlyArray<[string, string | undefined, string]> = [
  [
    'sft: 1\npairs:\n  - prompt: A\n    response: B\n',
    'copy-0001',
    'sft: 1\npairs:\n  - prompt: A\n    response: B\n  - id: copy-0001\n    prompt: A\n    response: B\n',
  ],
  [
    'sft: 1\r\npairs:\r\n  -   prompt: A\r\n',
    undefined,
    'sft: 1\r\npairs:\r\n  -   prompt: A\r\n  -   id: pair-0001\r\n      prompt: A\r\n',
  ],
  [
    'sft: 1\npairs:\n  - {prompt: A, response: B}\n',
    'c',
    'sft: 1\npairs:\n  - {prompt: A, response: B}\n  - {id: c, prompt: A, response: B}\n',
  ],
];

describe('fuzz: regressions', () => {
  it('a duplicated pair that had no id gets the id asked for (block and flow pairs, CRLF)', () => {
    for (const [text, id, want] of DUPLICATES)
      assert.equal(run(text, { kind: 'duplicatePair', pair: { index: 0 }, id }), want);
  });
});

describe('fuzz: regressions (places)', () => {
  it('a YAML error at the end of a pairs file or a guidelines file is placed inside the text', () => {
    for (const text of ['[    ', "': :>-sft: 1\n", 'sft: 1\npairs:\n  - prompt: "open'])
      for (const p of [...lint(text), ...loadGuidelines(text, 'g', RULE_METAS).problems]) {
        assert.ok(p.end <= text.length, `${p.rule} [${p.start}, ${p.end}) of ${text.length}`);
        assert.ok(p.start <= p.end);
      }
  });
});

describe('fuzz: regressions (keep blocks)', () => {
  it('a text with two final line breaks set on a block that blank lines follow reads as set', () => {
    const value = 'ends in two\n\n';
    for (const text of [
      'sft: 1\npairs:\n  - id: a\n    response: >2-\n       , x\n      y   \n\n    review: []\n',
      'sft: 1\npairs:\n  - id: a\n    response: |\n      x\n\n  - id: b\n    response: |\n      y\n',
      'sft: 1\npairs:\n  - id: a\n    response: |-\n      x\n\n\n',
    ]) {
      const out = run(text, { kind: 'setField', pair: { index: 0 }, key: 'response', value });
      const read = parseDocument(out).toJS() as { pairs: Array<{ response: string }> };
      assert.equal(read.pairs[0].response, value, out);
    }
  });
});

describe('fuzz: regressions (hangs)', function () {
  this.timeout(60_000);
  const linter = new FileLinter(defaultGuidelines(), services, { rules: [missingId] });
  const idless = (n: number) =>
    `sft: 1\npairs:\n${'  - prompt: the very same prompt again\n'.repeat(n)}`;
  const ms = (text: string) => {
    const started = performance.now();
    linter.lint(text);
    return performance.now() - started;
  };

  it('missing-id gives thousands of pairs without ids distinct new ids in linear time (was quadratic: 10,000 took 7 s)', () => {
    const problems = linter.lint(idless(2_000)).problems;
    const ids = problems.map((p) => /^Add id (.*)$/.exec(p.fixes![0].title)![1]);
    assert.equal(new Set(ids).size, 2_000);
    assert.deepEqual([ids[0], ids[1], ids[1_999]], ['pair-0001', 'pair-0002', 'pair-2000']);
    const small = idless(1_000);
    const large = idless(8_000);
    ms(small);
    // The fastest of five runs of each size: a busy machine and a collection only add time,
    // so the minimum is the figure least moved by them (quadratic would be 64x, linear 8x).
    const times = [0, 1, 2, 3, 4].map(() => [ms(small), ms(large)]);
    const fastest = (k: number) => Math.min(...times.map((t) => t[k]));
    const ratio = fastest(1) / Math.max(5, fastest(0));
    assert.ok(
      ratio <= 20,
      `${ratio.toFixed(1)}x (${fastest(0).toFixed(0)} ms, ${fastest(1).toFixed(0)} ms)`,
    );
  });
});
