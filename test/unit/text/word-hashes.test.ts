import { strict as assert } from 'node:assert';
import { hashWord, scanWords } from '../../../src/core/text/word-hashes';

/** The scan's words as strings, and its sentences as word counts, copied out of the shared arrays. */
function read(text: string, limit?: number): { words: string[]; sentences: number[] } {
  const w = scanWords(text, limit);
  const words: string[] = [];
  for (let i = 0; i < w.count; i++) {
    words.push(text.slice(w.starts[i], w.ends[i]));
    assert.equal(w.hashes[i], hashWord(words[i]), `hash of ${words[i]}`);
  }
  return { words, sentences: Array.from(w.sentenceEnds.subarray(0, w.sentenceCount)) };
}

describe('scanWords', () => {
  it('reads words, apostrophes inside words, and sentence ends', () => {
    const { words, sentences } = read("It's done. Is it?\nYes");
    assert.deepEqual(words, ["It's", 'done', 'Is', 'it', 'Yes']);
    assert.deepEqual(sentences, [2, 4, 5]);
  });

  it('reads a Han character as a word of its own', () => {
    assert.deepEqual(read('日本語 text').words, ['日', '本', '語', 'text']);
  });

  it('stops at the limit', () => {
    assert.deepEqual(read('one two three', 7).words, ['one', 'two']);
  });

  // The arrays start small and grow by scanning again: every word and sentence of a text far
  // longer than any before must still be there, in every path that adds a word.
  const cases: Array<[string, (i: number) => string]> = [
    ['ASCII words', (i) => `w${i}`],
    ['Latin words with accents', (i) => `é${i}`],
    ['Han characters', (i) => String.fromCharCode(0x4e00 + (i % 500))],
    ['one-word sentences', (i) => `w${i}.`],
  ];
  for (const [name, word] of cases)
    it(`keeps all of 5,000 ${name} and their sentences`, () => {
      const parts = Array.from({ length: 5000 }, (_, i) => word(i));
      const text = parts.join(' ');
      const { words, sentences } = read(text);
      assert.deepEqual(
        words,
        parts.map((p) => p.replace(/\.$/, '')),
      );
      assert.equal(sentences.length, name === 'one-word sentences' ? 5000 : 1);
      assert.equal(sentences[sentences.length - 1], 5000);
      // A short text after a long one reads only its own words.
      assert.deepEqual(read('a b. c').words, ['a', 'b', 'c']);
    });
});
