import { strict as assert } from 'node:assert';
import { unsafeRegexReason } from '../../../src/core/text/regex-safety';
import { loadGuidelines } from '../../../src/core/guidelines';

describe('unsafeRegexReason', () => {
  for (const re of ['(\\w+)+$', '(a*)*', '(x+x+)+y', '((ab)+c)*', '(?:\\s*,)+$', '(a{2,})+']) {
    it(`refuses ${re}`, () => assert.ok(unsafeRegexReason(re)));
  }
  for (const re of [
    '\\bI (think|believe)\\b',
    '(\\d+)-(\\d+)',
    '[(+*)]+',
    '\\(a+\\)+',
    '(ab)+',
    'a+b*c',
    '(a|b){2,3}',
  ]) {
    it(`accepts ${re}`, () => assert.equal(unsafeRegexReason(re), undefined));
  }

  it('reports an unsafe pattern at its place in the guidelines and does not run it', () => {
    const text =
      "sft-guidelines: 1\npatterns:\n  - id: slow\n    regex: '(\\w+)+$'\n    message: x\n";
    const { guidelines, problems } = loadGuidelines(text);
    assert.equal(guidelines.patterns[0].regex, undefined);
    assert.equal(problems.length, 1);
    assert.equal(text.slice(problems[0].start, problems[0].end), "'(\\w+)+$'");
  });
});
