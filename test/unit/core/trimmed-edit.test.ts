/**
 * `trimmedEdit`: the pair editor sends each planned edit without the text it keeps at its
 * ends. Over generated texts (surrogate pairs, CRLF, LF, block indicators) and edits: the
 * result is the same text, the range only shrinks, and no cut falls inside a surrogate pair
 * or a CRLF. And the shape that made a first keystroke re-lint a 17.5 MB file in full: a
 * block response rewritten to its end for a line typed at its end.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { documentEdit, trimmedEdit } from '../../../src/core/edit/document-edit';
import { planEdits } from '../../../src/core/edit/plan';
import { parseSft, updateSft } from '../../../src/core/parse/parse';

const UNITS = ['a', 'b', ' ', '\n', '\r\n', '|', '-', '😀', '😁', 'é'];
const piece = fc.array(fc.constantFrom(...UNITS), { maxLength: 12 }).map((xs) => xs.join(''));

const apply = (text: string, e: { start: number; end: number; newText: string }) =>
  text.slice(0, e.start) + e.newText + text.slice(e.end);

/** Whether offset `at` of `s` falls between a high and a low surrogate, or between CR and LF. */
function inside(s: string, at: number): boolean {
  const a = s.charCodeAt(at - 1);
  const b = s.charCodeAt(at);
  return (a >= 0xd800 && a <= 0xdbff && b >= 0xdc00 && b <= 0xdfff) || (a === 13 && b === 10);
}

describe('trimmedEdit', () => {
  it('gives the same text, within the range it was given, never cutting a surrogate pair or a CRLF', () => {
    fc.assert(
      fc.property(piece, piece, piece, piece, (before, old, after, newText) => {
        const text = before + old + after;
        const e = documentEdit(before.length, before.length + old.length, newText);
        const t = trimmedEdit(text, e);
        assert.equal(apply(text, t), apply(text, e));
        assert.ok(t.start >= e.start && t.end <= e.end && t.start <= t.end);
        if (t.start !== e.start) {
          assert.ok(!inside(text, t.start), `start ${t.start} in ${JSON.stringify(text)}`);
          assert.ok(!inside(newText, t.start - e.start), 'start in the new text');
        }
        if (t.end !== e.end) {
          assert.ok(!inside(text, t.end), `end ${t.end} in ${JSON.stringify(text)}`);
          const inNew = newText.length - (e.end - t.end);
          assert.ok(!inside(newText, inNew), 'end in the new text');
        }
        // What it keeps at both ends is really the same in both texts.
        assert.equal(text.slice(e.start, t.start) + t.newText + text.slice(t.end, e.end), newText);
      }),
      { numRuns: 3000, seed: 20261201 },
    );
  });

  it('leaves a snippet edit whole, and an edit with nothing kept as it is', () => {
    const s = documentEdit(0, 3, 'abd', 'a${1:b}d');
    assert.equal(trimmedEdit('abc', s), s);
    const e = documentEdit(0, 3, 'xyz');
    assert.equal(trimmedEdit('abc', e), e);
  });

  it('a key typed at the end of a block response: one line is added inside the pair, which re-parses alone', () => {
    const text =
      'sft: 1\npairs:\n  - id: a\n    prompt: Why?\n    response: |\n      Because.\n' +
      '  - id: b\n    prompt: How?\n    response: So.\n';
    const model = parseSft(text);
    const planned = planEdits(model, {
      kind: 'setField',
      pair: { id: 'a' },
      key: 'response',
      value: 'Because.\nx',
    }).map((e) => documentEdit(e.start, e.end, e.newText));
    const trimmed = planned.map((e) => trimmedEdit(text, e));
    let out = text;
    for (const e of [...trimmed].sort((x, y) => y.start - x.start)) out = apply(out, e);
    assert.equal(out, apply(text, planned[0]));
    assert.match(out, /response: \|\n {6}Because\.\n {6}x\n {2}- id: b/);
    const pairEnd = text.indexOf('  - id: b');
    assert.ok(planned[0].end >= pairEnd, 'as planned, the edit rewrites the block to its end');
    assert.deepEqual(
      trimmed.map((e) => [text.slice(e.start, e.end), e.newText]),
      [['', '\n      x']],
    );
    assert.ok(
      trimmed.every((e) => e.end < pairEnd),
      `every edit ends inside pair a: ${JSON.stringify(trimmed)}`,
    );
    assert.ok(
      updateSft(model, trimmed, out),
      'the edit re-parses pair a alone, not the whole file',
    );
  });
});
