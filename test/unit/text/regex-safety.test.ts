import { strict as assert } from 'node:assert';
import { nonLinearRegexReason } from '../../../src/core/text/regex-safety';
import { loadGuidelines } from '../../../src/core/guidelines';

describe('nonLinearRegexReason', () => {
  for (const [re, part] of [
    ['(a)\\1', '"\\1"'],
    ['(?<w>\\w+) \\k<w>', '"\\k<w>"'],
    ['foo(?=bar)', 'lookahead "(?="'],
    ['foo(?!bar)', 'negative lookahead "(?!"'],
    ['(?<=\\$)\\d+', 'lookbehind "(?<="'],
    ['(?<!\\$)\\d+', 'negative lookbehind "(?<!"'],
  ]) {
    it(`refuses ${re}`, () =>
      assert.match(nonLinearRegexReason(re) ?? '', new RegExp(escape(part))));
  }
  // Nested repetition was refused while patterns ran on JavaScript's backtracking engine;
  // on the linear-time engine it is harmless.
  for (const re of [
    '\\bI (think|believe)\\b',
    '(\\d+)-(\\d+)',
    '[(+*)]+',
    '\\(a+\\)+',
    '(ab)+',
    'a+b*c',
    '(a|b){2,3}',
    '(\\w+)+$',
    '(a*)*',
    '[\\1(?=]',
    '\\\\1',
    '\\(?=x\\)',
    '(?<name>a)',
    '\\0',
  ]) {
    it(`accepts ${re}`, () => assert.equal(nonLinearRegexReason(re), undefined));
  }

  it('reports a pattern needing backtracking at its place in the guidelines and does not run it', () => {
    const text =
      "sft-guidelines: 1\npatterns:\n  - id: twice\n    regex: '(\\w+) \\1'\n    message: x\n";
    const { guidelines, problems } = loadGuidelines(text);
    assert.equal(guidelines.patterns[0].regex, undefined);
    assert.equal(problems.length, 1);
    assert.equal(text.slice(problems[0].start, problems[0].end), "'(\\w+) \\1'");
    assert.match(problems[0].message, /^patterns\[0\]\.regex is not used: the backreference "\\1"/);
  });
});

function escape(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}
