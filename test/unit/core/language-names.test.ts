import { strict as assert } from 'node:assert';
import { describeValue } from '../../../src/core/annotations';
import { languageLabel, languageName } from '../../../src/core/language-names';
import { lint, sftFile } from '../helpers';

describe('language names', () => {
  it('names a tag by its language, region and script', () => {
    const cases: Array<[string, string]> = [
      ['fr', 'French (fr)'],
      ['hi', 'Hindi (hi)'],
      ['pt-BR', 'Portuguese (Brazil) (pt-BR)'],
      ['en-GB', 'English (United Kingdom) (en-GB)'],
      ['zh-Hans', 'Chinese (Simplified) (zh-Hans)'],
      ['EN', 'English (EN)'],
      ['fil', 'Filipino (fil)'],
    ];
    for (const [tag, label] of cases) assert.equal(languageLabel(tag), label, tag);
  });

  it('falls back to the tag for unknown languages and malformed tags, never throwing', () => {
    for (const tag of ['xx', 'qaa', 'english', 'pt_BR', 'x-klingon', '', '12']) {
      assert.equal(languageName(tag), undefined, tag);
      assert.equal(languageLabel(tag), tag, tag);
    }
  });

  it('hovers describe a language value by its name; an unknown tag has no description', () => {
    assert.equal(describeValue('language', 'pt-BR'), 'Portuguese (Brazil) (pt-BR)');
    assert.equal(describeValue('language', 'xx'), undefined);
    assert.equal(describeValue('language', 'pt_BR'), undefined);
  });

  it('lint messages name languages', () => {
    const invalid = lint(sftFile('id: a\nlanguage: hindi\nprompt: p\nresponse: r\n'), {
      only: 'invalid-value',
    });
    assert.equal(
      invalid[0].message,
      '"hindi" is not a BCP 47 language tag (like en, hi, fr, pt-BR, ja); did you mean "hi" (Hindi)?',
    );
  });
});
