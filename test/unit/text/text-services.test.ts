import { strict as assert } from 'node:assert';
import { join } from 'node:path';
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
    const fr = 'La lumière du soleil est diffusée par les molécules de l’air, et la lumière bleue est beaucoup plus diffusée que la rouge.';
    assert.equal(services.language.detect(fr), 'fr');
    assert.equal(services.language.detect('Il cielo è azzurro perché la luce del sole viene diffusa dalle molecole dell’aria.'), 'it');
    assert.equal(services.language.loads, 1);
    assert.equal(nodeTextServices(), services);
  });

  it('without its data the detector says nothing, and the cheap stages still decide', () => {
    const missing = nodeTextServices(join(__dirname, 'no-such-folder'));
    assert.equal(missing.language.detect('La lumière du soleil est diffusée par les molécules de l’air.'), undefined);
    assert.throws(() => missing.tokens.countTokens('text', 'o200k_base'), /ENOENT/);
    // Devanagari declared, English written: the script stage needs no detector.
    assert.equal(checkLanguage('Sunlight is scattered by the molecules in the air, and blue light is scattered much more.', 'hi').kind, 'mismatch');
  });
});
