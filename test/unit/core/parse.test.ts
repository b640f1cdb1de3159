import { strict as assert } from 'node:assert';
import { parseSft, updateSft } from '../../../src/core/parse/parse';

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
    assert.deepEqual(m.pairs.map((p) => p.id), ['a-1', 'a-2']);
    assert.equal(m.defaults.get('language')?.key, 'language');
    assert.equal(FILE.slice(m.pairs[0].slice.start, m.pairs[0].slice.end), '  - id: a-1\n    prompt: |\n      Hello there\n    response: Hi.\n');
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
    assert.equal(updateSft(m, [{ start: at, end: at, newText: ' big' }], FILE), undefined, 'a text of another length');
    assert.equal(updateSft(m, [{ start: at, end: at, newText: ' big' }], FILE.slice(0, at) + ' bag' + FILE.slice(at)), undefined, 'another text in the pair');
  });

  it('refuses an incremental edit that changes structure', () => {
    const m = parseSft(FILE);
    const at = FILE.indexOf('    response: Hi.');
    assert.equal(updateSft(m, [{ start: at, end: at + 4, newText: '' }]), undefined);
  });
});
