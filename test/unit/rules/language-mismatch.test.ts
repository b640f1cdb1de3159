import { strict as assert } from 'node:assert';
import { applyEdits, cleanPair, lint, sftFile, spans } from '../helpers';
import { checkLanguage, languageStats } from '../../../src/core/text/language';

const only = 'language-mismatch';
const check = (text: string) => lint(text, { only });
const pair = (lang: string, prompt: string, response: string) =>
  sftFile(`id: g1\nlanguage: ${lang}\nprompt: ${prompt}\nresponse: ${response}\n`);

const EN_P = 'Why is the sky blue on a clear day, and what does it mean for sunsets?';
const EN_R =
  'Sunlight is scattered by the molecules in the air, and blue light is scattered much more than red light.';
const FR_P =
  'Pourquoi le ciel est-il bleu pendant une journée claire et que se passe-t-il au coucher du soleil ?';
const FR_R =
  'La lumière du soleil est diffusée par les molécules de l’air, et la lumière bleue est beaucoup plus diffusée que la rouge.';

describe('rule language-mismatch', () => {
  it('does not fire on the clean English pair, without eld', () => {
    const before = languageStats.eld;
    assert.deepEqual(check(sftFile(cleanPair('c1'))), []);
    assert.equal(languageStats.eld, before);
  });

  it('fires on French text declared English, at the language value, with a fix', () => {
    const text = pair('en', FR_P, FR_R);
    const problems = check(text);
    assert.deepEqual(spans(text, problems), ['en']);
    assert.match(
      problems[0].message,
      /prompt and response read as French, but the declared language is English \(en\)\./,
    );
    assert.equal(applyEdits(text, problems[0].fixes![0].edits), pair('fr', FR_P, FR_R));
    assert.equal(problems[0].fixes![0].title, 'Set language to French (fr)');
  });

  it('compares base subtags (pt-BR) and passes a translation pair', () => {
    const pt =
      'O céu é azul porque a luz do sol é espalhada pelas moléculas do ar, e a luz azul é muito mais espalhada.';
    assert.deepEqual(check(pair('pt-BR', pt, pt)), []);
    assert.deepEqual(check(pair('fr', `Translate into French: ${EN_R}`, FR_R)), []);
  });

  it('decides by script: Devanagari declared, English written; Cyrillic; Hangul', () => {
    const text = pair('hi', EN_P, EN_R);
    assert.deepEqual(spans(text, check(text)), ['hi']);
    assert.match(check(text)[0].message, /read as English/);
    const ru =
      'Небо голубое, потому что солнечный свет рассеивается молекулами воздуха, и синий свет рассеивается сильнее.';
    assert.deepEqual(check(pair('ru', ru, ru)), []);
    const ko = pair(
      'ru',
      '하늘은 왜 파란색인가요? 맑은 날에 하늘이 파랗게 보이는 이유를 설명해 주세요.',
      '햇빛이 공기 분자에 의해 산란되기 때문입니다. 파란빛은 빨간빛보다 훨씬 더 많이 산란됩니다.',
    );
    assert.match(check(ko)[0].message, /read as Korean/);
  });

  it('passes right-to-left Arabic and Hebrew, CJK and combining marks in their own languages', () => {
    const ar =
      'السماء زرقاء لأن ضوء الشمس يتشتت بواسطة جزيئات الهواء، والضوء الأزرق يتشتت أكثر من الأحمر بكثير.';
    assert.deepEqual(check(pair('ar', ar, ar)), []);
    const he =
      'השמיים כחולים כי אור השמש מתפזר על ידי המולקולות באוויר, והאור הכחול מתפזר הרבה יותר מהאדום.';
    assert.deepEqual(check(pair('he', he, he)), []);
    const ja =
      '空が青いのは、太陽の光が空気中の分子によって散乱されるからです。青い光は赤い光よりも強く散乱されます。';
    assert.deepEqual(check(pair('ja', ja, ja)), []);
    const zh = '天空之所以是蓝色的，是因为太阳光被空气中的分子散射，蓝光比红光散射得更多。';
    assert.deepEqual(check(pair('zh-Hans', zh, zh)), []);
    assert.equal(check(pair('zh', ja, ja))[0].message.includes('Japanese'), true);
    const vi =
      'Bầu trời có màu xanh vì ánh sáng mặt trời bị tán xạ bởi các phân tử trong không khí, và ánh sáng xanh bị tán xạ nhiều hơn.'.normalize(
        'NFD',
      );
    assert.deepEqual(check(pair('vi', vi, vi)), []);
  });

  it('points at the response key when the language comes from the defaults (CRLF, block scalars, escapes, tabs)', () => {
    const text =
      `sft: 1\ndefaults:\n  language: de\npairs:\n  - id: g2\n    prompt: "${EN_P.replace('blue', '\\"blue\\"')}\\tplease"\n    response: >\n      ${EN_R}\n      Our eyes therefore see blue coming from every part of the sky.\n`.replace(
        /\n/g,
        '\r\n',
      );
    const problems = check(text);
    assert.deepEqual(spans(text, problems), ['response']);
    assert.match(
      problems[0].message,
      /declared language is German \(de\) \(from the file defaults\)/,
    );
    assert.equal(problems[0].fixes, undefined);
  });

  it('does not judge an equation, and judges a translation by its response', () => {
    const equations = pair(
      'en',
      'Solve it.',
      '"x = 4, x = -i * sqrt(6), x = i * sqrt(6), y = 2x - 1, z = x + y - 3, k = x * y"',
    );
    assert.deepEqual(check(equations), []);
    // The source text is in the prompt, in another language; the answer is short.
    const translation = pair('fr', `"Translate into French: ${EN_R}"`, 'La lumière est diffusée.');
    assert.deepEqual(check(translation), []);
    // A prompt in another language that asks for nothing to be translated still counts.
    assert.equal(check(pair('fr', EN_P, 'Bleu.')).length, 1);
  });

  it('skips short texts and emoji-only or unknown tags', () => {
    assert.deepEqual(check(pair('de', 'Hi there!', 'Hello 👋 friend.')), []);
    assert.deepEqual(check(pair('xx', EN_P, EN_R)), []);
    assert.equal(checkLanguage('🙂 🙂 🙂 🙂 🙂 🙂 🙂 🙂 🙂', 'en').kind, 'unknown');
  });
});
