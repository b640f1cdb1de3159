/**
 * The repetition rule is linear in the size of a field, on the inputs that make a careless
 * scan quadratic. Timing on a busy machine is noisy, so each size is run several times
 * alternately, the medians are compared, and the bound is loose: 8 times the text may take at
 * most 20 times as long (a quadratic path takes about 64 times).
 */
import { strict as assert } from 'node:assert';
import { performance } from 'node:perf_hooks';
import { defaultGuidelines } from '../../../src/core/guidelines';
import { FileLinter } from '../../../src/core/lint';
import { MAX_FIXES_PER_FIELD, repetition } from '../../../src/core/rules/repetition';
import { services } from '../helpers';

const linter = new FileLinter(defaultGuidelines(), services, { rules: [repetition] });

/** A pairs file whose response is `body`, as a literal block. */
const file = (body: string) =>
  `sft: 1\npairs:\n  - id: r1\n    prompt: Say it.\n    response: |\n      ${body.replace(/\n/g, '\n      ')}\n`;

/**
 * Adversarial response bodies of about `n` words, each with the smaller size it is timed at:
 * the inputs with a problem every few words are timed smaller.
 */
const INPUTS: Record<string, [(n: number) => string, number]> = {
  'one word repeated': [(n) => 'word '.repeat(n), 25_000],
  'long lines of doubled words': [
    (n) =>
      Array.from({ length: n / 400 }, (_, line) =>
        Array.from({ length: 200 }, (_, i) => `w${line}x${i} w${line}x${i}`).join(' '),
      ).join('\n'),
    3_000,
  ],
  // Lines and sentences of eight words: the shortest the rule compares (shorter ones repeat by design).
  'many identical lines': [
    (n) => 'the very same line here, eight words long\n'.repeat(n / 8),
    4_000,
  ],
  'many identical sentences on one line': [
    (n) => 'One two three four five six seven eight. '.repeat(n / 8),
    25_000,
  ],
  'a passage pasted almost three times': [
    (n) => {
      const passage = Array.from({ length: Math.floor(n / 2.9) }, (_, i) => `w${i}`);
      const last = passage.slice(0, Math.floor(passage.length * 0.9));
      return [...passage, ...passage, ...last].join(' ');
    },
    25_000,
  ],
};

function msToLint(text: string): number {
  const started = performance.now();
  linter.lint(text);
  return performance.now() - started;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

describe('rule repetition: linear in the size of a field', function () {
  this.timeout(60_000);
  const RUNS = 5;

  for (const [name, [body, SMALL]] of Object.entries(INPUTS))
    it(`${name}: 8 times the words take at most 20 times as long`, () => {
      const small = file(body(SMALL));
      const large = file(body(8 * SMALL));
      msToLint(small); // warm up
      const times: [number[], number[]] = [[], []];
      for (let i = 0; i < RUNS; i++) {
        times[0].push(msToLint(small));
        times[1].push(msToLint(large));
      }
      // A floor of 5 ms keeps a very fast small run from making the ratio noise.
      const ratio = median(times[1]) / Math.max(5, median(times[0]));
      console.log(
        name,
        times.map((t) => median(t).toFixed(1)),
      );
      assert.ok(
        ratio <= 20,
        `${ratio.toFixed(1)}x (small ${median(times[0]).toFixed(1)} ms, large ${median(times[1]).toFixed(1)} ms)`,
      );
    });

  it(`a field full of repeats reports each, with a quick fix on the first ${MAX_FIXES_PER_FIELD}`, () => {
    const problems = linter.lint(
      file(Array.from({ length: 100 }, (_, i) => `the the cat${i}.`).join(' ')),
    ).problems;
    assert.equal(problems.length, 100);
    assert.equal(problems.filter((p) => p.fixes?.length).length, MAX_FIXES_PER_FIELD);
    assert.ok(problems.slice(0, MAX_FIXES_PER_FIELD).every((p) => p.fixes?.length === 1));
  });
});
