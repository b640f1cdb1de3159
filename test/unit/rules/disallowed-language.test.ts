import { strict as assert } from 'node:assert';
import { applyEdits, cleanPair, guidelinesFrom, lint, sftFile, spans } from '../helpers';

const only = 'disallowed-language';
const guidelines = guidelinesFrom(
  'sft-guidelines: 1\nannotations:\n  languages: [en, hi, pt-BR]\n',
);

describe('disallowed-language', () => {
  it('fires on a language the guidelines do not list', () => {
    const text = sftFile(
      'id: a\nlanguage: fr\nprompt: p\nresponse: r\n',
      'id: b\nlanguage: pt-PT\nprompt: p\nresponse: r\n',
      'id: c\nlanguage: "ha"\nprompt: p\nresponse: r\n',
    );
    const problems = lint(text, { only, guidelines });
    assert.deepEqual(spans(text, problems), ['fr', 'pt-PT', '"ha"']);
    assert.equal(
      problems[0].message,
      "Language French (fr) is not one of the guidelines' languages: English (en), Hindi (hi), Portuguese (Brazil) (pt-BR).",
    );
    assert.equal(
      problems[1].message,
      'Language Portuguese (Portugal) (pt-PT) is not one of the guidelines\' languages: English (en), Hindi (hi), Portuguese (Brazil) (pt-BR). Did you mean "pt-BR"?',
    );
    assert.equal(applyEdits(text, problems[1].fixes![0].edits), text.replace('pt-PT', 'pt-BR'));
    assert.equal(problems[2].fixes, undefined, 'no edit-distance guess between language codes');
  });

  it('checks defaults once, in CRLF files', () => {
    const text = `sft: 1\r\ndefaults:\r\n  language: ja\r\npairs:\r\n${sftFile(
      cleanPair('a')
        .replace('language: en\n', '')
        .replace(/prompt: .*\n/, 'prompt: 今日は 🎉\n'),
    )
      .split('pairs:\n')[1]
      .replace(/\n/g, '\r\n')}`;
    assert.deepEqual(spans(text, lint(text, { only, guidelines })), ['ja']);
  });

  it('does not fire on listed languages (any case, or a region of a listed language), without a list, or on malformed tags', () => {
    const text = sftFile(
      'id: a\nlanguage: EN\nprompt: p\nresponse: r\n',
      'id: b\nlanguage: en-GB\nprompt: p\nresponse: r\n',
      'id: c\nlanguage: pt-br\nprompt: p\nresponse: r\n',
      'id: d\nlanguage: english\nprompt: p\nresponse: r\n',
    );
    assert.deepEqual(lint(text, { only, guidelines }), []);
    assert.deepEqual(lint(sftFile('id: a\nlanguage: fr\nprompt: p\nresponse: r\n'), { only }), []);
  });
});
