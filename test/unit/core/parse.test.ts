import { strict as assert } from 'node:assert';
import {
  parseSft,
  parseSftWhole,
  updateSft,
  type SftFileModel,
} from '../../../src/core/parse/parse';

const FILE = `sft: 1
defaults:
  language: en
pairs:
  - id: a-1
    prompt: |
      Hello there
    response: Hi.
  - id: a-2
    prompt: Second
    response: >
      Folded
      text
`;

describe('parseSft', () => {
  it('finds pairs, ids, defaults and slices', () => {
    const m = parseSft(FILE);
    assert.equal(m.pairs.length, 2);
    assert.deepEqual(
      m.pairs.map((p) => p.id),
      ['a-1', 'a-2'],
    );
    assert.equal(m.defaults.get('language')?.key, 'language');
    assert.equal(
      FILE.slice(m.pairs[0].slice.start, m.pairs[0].slice.end),
      '  - id: a-1\n    prompt: |\n      Hello there\n    response: Hi.\n',
    );
    assert.equal(m.pairs[1].slice.end, FILE.length);
  });

  it('re-parses only the edited pair and moves the ones after it', () => {
    const m = parseSft(FILE);
    const at = FILE.indexOf('Hello') + 5;
    const next = updateSft(m, [{ start: at, end: at, newText: ' big' }]);
    assert.ok(next);
    assert.equal(next.text, FILE.slice(0, at) + ' big' + FILE.slice(at));
    assert.equal(next.pairs[1], next.pairs[1]);
    assert.equal(next.pairs[1].base, 4);
    assert.equal(next.pairs[1].memo, m.pairs[1].memo, 'later pairs keep their memo');
    assert.notEqual(next.pairs[0].memo, m.pairs[0].memo);
  });

  it('takes the text after the edits from the caller, and refuses one that does not match them', () => {
    const m = parseSft(FILE);
    const at = FILE.indexOf('Hello') + 5;
    const edited = FILE.slice(0, at) + ' big' + FILE.slice(at);
    const next = updateSft(m, [{ start: at, end: at, newText: ' big' }], edited);
    assert.ok(next);
    assert.equal(next.text, edited);
    assert.equal(next.pairs[0].id, 'a-1');
    assert.equal(
      updateSft(m, [{ start: at, end: at, newText: ' big' }], FILE),
      undefined,
      'a text of another length',
    );
    assert.equal(
      updateSft(
        m,
        [{ start: at, end: at, newText: ' big' }],
        FILE.slice(0, at) + ' bag' + FILE.slice(at),
      ),
      undefined,
      'another text in the pair',
    );
  });

  describe('incremental re-parses that would not match a whole parse', () => {
    const TWO =
      'sft: 1\npairs:\n  - id: a\n    prompt: p\n    response: r\n  - id: b\n    prompt: q\n    response: |\n      s\n';
    /** Edit as the editor does (incrementally when safe, else whole) and compare with a whole parse. */
    function edit(
      text: string,
      e: { start: number; end: number; newText: string },
    ): SftFileModel | undefined {
      const newText = text.slice(0, e.start) + e.newText + text.slice(e.end);
      const next = updateSft(parseSft(text), [e], newText);
      const whole = parseSftWhole(newText);
      const view = (m: SftFileModel): unknown =>
        m.pairs.map((p) => [
          p.id,
          p.base + p.slice.start,
          p.base + p.slice.end,
          p.entries.map((f) => f.key),
          p.syntax.length,
        ]);
      assert.deepEqual(view(next ?? parseSft(newText)), view(whole));
      return next;
    }

    it('an item line left with only a comment after its dash', () => {
      const at = TWO.indexOf('id: b');
      assert.equal(edit(TWO, { start: at, end: at + 1, newText: '#' }), undefined);
    });

    it('an edit below a syntax error, or inside the pair that has one', () => {
      const broken = TWO.replace('    prompt: p\n', '    prompt: p\n   bad: indent\n');
      const m = parseSft(broken);
      assert.ok(
        m.pairs.slice(0, -1).some((p) => p.syntax.length),
        'a pair above the last has a syntax error',
      );
      const inB = broken.indexOf('prompt: q') + 8;
      assert.equal(edit(broken, { start: inB, end: inB + 1, newText: 'Q' }), undefined);
      const inA = broken.indexOf('response: r') + 10;
      assert.equal(edit(broken, { start: inA, end: inA + 1, newText: 'R' }), undefined);
      // An error below the edit changes nothing above it: the edit stays incremental.
      const below = TWO.replace('    prompt: q\n', '    prompt: q\n   bad: indent\n');
      const inA2 = below.indexOf('response: r') + 10;
      assert.ok(edit(below, { start: inA2, end: inA2 + 1, newText: 'R' }));
    });

    it('an edit in the pair above one with a syntax error', () => {
      // `-  id` puts the item's keys at column 5: the lines below become an item of their
      // own, with an error. Turning `id:` into one long key would join them back.
      const text = 'sft: 1\npairs:\n  -  id: a\n    prompt: p\n  - id: b\n    prompt: q\n';
      assert.ok(parseSft(text).pairs[1].syntax.length, 'the second item has a syntax error');
      const at = text.indexOf('id: a') + 2;
      assert.equal(edit(text, { start: at, end: at + 1, newText: '\t' }), undefined);
    });

    it('the last pair gets the slice end a whole parse gives it', () => {
      // The text's last line becomes a comment line: the pair now ends a line earlier.
      const text = `${TWO}  - id: c\n    prompt: p\n    response: >\n      one\n      two\n`;
      const at = text.indexOf('      two');
      assert.ok(edit(text, { start: at, end: at + 1, newText: ' #' }));
    });
  });

  it('refuses an incremental edit that changes structure', () => {
    const m = parseSft(FILE);
    const at = FILE.indexOf('    response: Hi.');
    assert.equal(updateSft(m, [{ start: at, end: at + 4, newText: '' }]), undefined);
  });
});
