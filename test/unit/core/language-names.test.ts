import { strict as assert } from 'node:assert';
import { describeValue } from '../../../src/core/annotations';
import {
  COMMON_LANGUAGE_NAMES,
  languageLabel,
  languageName,
} from '../../../src/core/language-names';
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

  it('names the common languages from its table exactly as Intl.DisplayNames does', () => {
    const intl = new Intl.DisplayNames(['en'], {
      type: 'language',
      languageDisplay: 'standard',
      fallback: 'none',
    });
    const codes = Object.keys(COMMON_LANGUAGE_NAMES);
    assert.ok(codes.length >= 90, `${codes.length} codes`);
    for (const code of codes) {
      assert.equal(COMMON_LANGUAGE_NAMES[code], intl.of(code), code);
      assert.equal(languageName(` ${code} `), intl.of(code), code);
    }
    // Inherited names are not languages.
    assert.equal(languageName('constructor'), undefined);
    assert.equal(languageName('__proto__'), undefined);
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
