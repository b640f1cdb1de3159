import { strict as assert } from 'node:assert';
import { editedLineStarts, LineIndex, lineStarts } from '../../../src/core/text/lines';

/** Line starts the plain way: 0, and one past every LF. */
function naiveStarts(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') out.push(i + 1);
  return out;
}

/** A seeded generator of whole numbers below `n`. */
function seeded(seed: number): (n: number) => number {
  return (n) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
}

describe('line starts', () => {
  it('match a plain scan for texts of every size and line shape', () => {
    const pieces = ['', 'a', 'word ', '\n', '\r\n', '\n\n', 'é', '\u2028', 'a long line of text '];
    const next = seeded(7);
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

  it('after an edit, moved and re-found, equal the starts of the new text (random edits)', () => {
    const pieces = ['', 'a', 'word ', '\n', '\r\n', '\n\n', 'é', '\u2028', '  - id: x\n'];
    const next = seeded(11);
    const piece = (n: number): string => {
      let s = '';
      for (let i = next(n); i > 0; i--) s += pieces[next(pieces.length)];
      return s;
    };
    let edges = 0;
    for (let t = 0; t < 2000; t++) {
      let text = piece(80);
      let starts = lineStarts(text);
      // Chains of edits, each applied to the starts the last one left.
      for (let k = 1 + next(4); k > 0; k--) {
        const from = next(text.length + 1);
        const oldEnd = from + next(text.length - from + 1);
        const inserted = piece(6);
        const edited = text.slice(0, from) + inserted + text.slice(oldEnd);
        const newEnd = from + inserted.length;
        if (text[from - 1] === '\n' || text[oldEnd - 1] === '\n' || text[oldEnd] === '\n') edges++;
        starts = editedLineStarts(starts, edited, from, oldEnd, newEnd);
        text = edited;
        assert.deepEqual([...starts], naiveStarts(text), JSON.stringify({ text, from, oldEnd }));
      }
    }
    assert.ok(edges > 500, `${edges} edits next to a line break`);
  });
});
