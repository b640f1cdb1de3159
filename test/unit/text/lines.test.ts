import { strict as assert } from 'node:assert';
import { LineIndex, lineStarts } from '../../../src/core/text/lines';

/** Line starts the plain way: 0, and one past every LF. */
function naiveStarts(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') out.push(i + 1);
  return out;
}

describe('line starts', () => {
  it('match a plain scan for texts of every size and line shape', () => {
    const pieces = ['', 'a', 'word ', '\n', '\r\n', '\n\n', 'é', '\u2028', 'a long line of text '];
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const texts = ['', '\n', 'x', '\n'.repeat(1000), 'a\n'.repeat(5000)];
    for (let t = 0; t < 300; t++) {
      let s = '';
      const parts = next(t < 250 ? 60 : 3000);
      for (let i = 0; i < parts; i++) s += pieces[next(pieces.length)];
      texts.push(s);
    }
    for (const text of texts) {
      const starts = lineStarts(text);
      assert.deepEqual([...starts], naiveStarts(text), JSON.stringify(text.slice(0, 60)));
      const index = new LineIndex(starts, text.length);
      const last = text.length;
      const lines = naiveStarts(text);
      let line = 0;
      while (line + 1 < lines.length && lines[line + 1] <= last) line++;
      assert.equal(index.positionAt(last).line, line);
    }
  });
});
