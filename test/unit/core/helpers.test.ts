import { strict as assert } from 'node:assert';
import { parseSft } from '../../../src/core/parse/parse';
import { cleanPair, lint, sftFile } from '../helpers';

describe('test helpers', () => {
  it('sftFile builds a file whose pairs parse', () => {
    const text = sftFile(cleanPair('a'), cleanPair('b'));
    const model = parseSft(text);
    assert.deepEqual(
      model.pairs.map((p) => p.id),
      ['a', 'b'],
    );
    assert.equal(model.syntax.length, 0);
    assert.deepEqual(lint(text, { only: 'yaml-syntax' }), []);
  });
});
