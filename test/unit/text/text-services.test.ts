import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEld } from 'eld/src/languageDetector.js';
import { eldTables } from '../../../src/text-services/eld-tables';
import { DATA_FILES } from '../../../src/text-services/data-files';
import { checkLanguage } from '../../../src/core/text/language';
import { tokensOver } from '../../../src/core/text/tokens';
import { nodeTextServices } from '../../../src/node/text-services';
import { services } from '../helpers';

// Counts from gpt-tokenizer's own encoding modules, so the JSON tables count as the package does.
const COUNTS: ReadonlyArray<readonly [string, number, number]> = [
  ['Sunlight is scattered by the molecules in the air.', 11, 11],
  ['La lumière du soleil est diffusée par les molécules de l’air.', 15, 20],
  ['日本語の文章を数えます。', 9, 11],
  ['🙂 emoji and\ttabs\n', 6, 7],
];

// Sentences in the languages eld knows, and some it does not.
const SAMPLES = [
  'La lumière du soleil est diffusée par les molécules de l’air, et la lumière bleue est beaucoup plus diffusée que la rouge.',
  'Der Himmel ist blau, weil das Sonnenlicht von den Molekülen der Luft gestreut wird.',
  'El cielo es azul porque la luz del sol se dispersa en las moléculas del aire.',
  'O céu é azul porque a luz do sol é espalhada pelas moléculas do ar.',
  'Il cielo è azzurro perché la luce del sole viene diffusa dalle molecole dell’aria.',
  'De lucht is blauw omdat het zonlicht door de moleculen in de lucht wordt verstrooid.',
  'Небо голубое, потому что солнечный свет рассеивается молекулами воздуха.',
  'Небо блакитне, тому що сонячне світло розсіюється молекулами повітря.',
  'السماء زرقاء لأن ضوء الشمس يتشتت بواسطة جزيئات الهواء.',
  'आसमान नीला है क्योंकि सूरज की रोशनी हवा के अणुओं से बिखर जाती है।',
  '天空是蓝色的，因为阳光被空气中的分子散射。',
  '空が青いのは、太陽の光が空気中の分子によって散乱されるからです。',
  '하늘이 파란 이유는 햇빛이 공기 분자에 의해 산란되기 때문입니다.',
  'ท้องฟ้าเป็นสีฟ้าเพราะแสงอาทิตย์กระเจิงโดยโมเลกุลของอากาศ',
  'Gökyüzü mavidir çünkü güneş ışığı havadaki moleküller tarafından saçılır.',
  'Niebo jest niebieskie, ponieważ światło słoneczne jest rozpraszane przez cząsteczki powietrza.',
  'Bầu trời có màu xanh vì ánh sáng mặt trời bị tán xạ bởi các phân tử không khí.',
  'Ο ουρανός είναι μπλε επειδή το φως του ήλιου σκεδάζεται από τα μόρια του αέρα.',
  'Sunlight is scattered by the molecules in the air, and blue light is scattered much more than red light.',
  'Mbingu ni za buluu kwa sababu mwanga wa jua hutawanywa na molekuli za hewa.',
];

describe('Node text services', () => {
  it('count tokens with each tokenizer as gpt-tokenizer does', () => {
    for (const [text, o200k, cl100k] of COUNTS) {
      assert.equal(services.tokens.countTokens(text, 'o200k_base'), o200k, text);
      assert.equal(services.tokens.countTokens(text, 'cl100k_base'), cl100k, text);
      assert.equal(services.tokens.isWithinTokenLimit(text, o200k, 'o200k_base'), true);
      assert.equal(services.tokens.isWithinTokenLimit(text, o200k - 1, 'o200k_base'), false);
    }
    assert.equal(tokensOver(services.tokens, COUNTS[1][0], 12, 'o200k_base'), 15);
    assert.equal(tokensOver(services.tokens, COUNTS[1][0], 15, 'o200k_base'), undefined);
  });

  it('detect a language with eld, loading its tables once per data folder', () => {
    const fr =
      'La lumière du soleil est diffusée par les molécules de l’air, et la lumière bleue est beaucoup plus diffusée que la rouge.';
    assert.equal(services.language.detect(fr), 'fr');
    assert.equal(
      services.language.detect(
        'Il cielo è azzurro perché la luce del sole viene diffusa dalle molecole dell’aria.',
      ),
      'it',
    );
    assert.equal(services.language.loads, 1);
    assert.equal(nodeTextServices(), services);
  });

  it('eld over the binary n-gram tables scores every text exactly as eld/small does', async () => {
    const { eld: reference } = await import('eld/small');
    const { instance, loadData } = createEld();
    loadData(eldTables(readFileSync(join(__dirname, 'data', DATA_FILES.eld))));
    const texts = [
      ...SAMPLES,
      ...SAMPLES.map((t) => t.slice(0, 12)),
      ...SAMPLES.map((t) => t.toUpperCase()),
      '',
      '   ',
      '12345 67890',
      'a',
      'zz zz zz',
      '!!! ??? ...',
      'e-mail: someone@example.com https://example.com/x?y=1',
    ];
    for (const text of texts) {
      const want = reference.detect(text);
      const got = instance.detect(text) as typeof want;
      assert.deepEqual(
        [got.language, got.isReliable(), got.getScores()],
        [want.language, want.isReliable(), want.getScores()],
        text,
      );
    }
  });

  it('without its data the detector says nothing, and the cheap stages still decide', () => {
    const missing = nodeTextServices(join(__dirname, 'no-such-folder'));
    assert.equal(
      missing.language.detect('La lumière du soleil est diffusée par les molécules de l’air.'),
      undefined,
    );
    assert.throws(() => missing.tokens.countTokens('text', 'o200k_base'), /ENOENT/);
    // Devanagari declared, English written: the script stage needs no detector.
    assert.equal(
      checkLanguage(
        'Sunlight is scattered by the molecules in the air, and blue light is scattered much more.',
        'hi',
      ).kind,
      'mismatch',
    );
  });
});
