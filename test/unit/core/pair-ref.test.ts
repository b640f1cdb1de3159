import { strict as assert } from 'node:assert';
import { pairRef, resolvePair } from '../../../src/core/edit/intent';
import { parseSft, updateSft, type SftFileModel } from '../../../src/core/parse/parse';
import type { TextEdit } from '../../../src/core/types';
import { CorpusGenerator, prng } from '../../../bench/corpus';
import { writerEdit } from './parse-fast-gen';

/** Every pair's ref, and the pair each ref resolves to (by index). */
const refs = (m: SftFileModel) =>
  m.pairs.map((p) => {
    const ref = pairRef(m, p);
    return [ref, resolvePair(m, ref)?.index];
  });

describe('pair refs', () => {
  it('after chains of edits, with the id counts carried from edit to edit, are those of a fresh parse', () => {
    let text = new CorpusGenerator(13).file('r', 60);
    let model = parseSft(text);
    refs(model);
    const r = prng(8);
    let carried = 0;
    let shared = 0;
    for (let step = 0; step < 400; step++) {
      // An id changed to another pair's (two pairs share it), to a new one, or a word typed.
      const pair = model.pairs[Math.floor(r() * model.pairs.length)];
      const id = pair.fields.get('id')?.value?.range;
      const other = model.pairs[Math.floor(r() * model.pairs.length)].id ?? 'x';
      const e: TextEdit =
        id && r() < 0.5
          ? {
              start: pair.base + id[0],
              end: pair.base + id[1],
              newText: r() < 0.5 ? other : `n-${step}`,
            }
          : writerEdit(r, model);
      const before = { model, text };
      text = text.slice(0, e.start) + e.newText + text.slice(e.end);
      const next = updateSft(model, [e], text);
      if (next) carried++;
      model = next ?? parseSft(text);
      // Asked after most edits (counts carried), not after some (counted afresh later).
      if (r() < 0.8) {
        const got = refs(model);
        assert.deepEqual(got, refs(parseSft(text)), `step ${step}`);
        shared += got.filter(([ref]) => 'index' in (ref as object)).length;
        // The model before, asked again once its counts were carried on, still reads right.
        if (r() < 0.2)
          assert.deepEqual(refs(before.model), refs(parseSft(before.text)), `before ${step}`);
      }
    }
    assert.ok(carried > 250, `${carried} edits re-parsed one pair`);
    assert.ok(shared > 100, `${shared} refs by index (an id shared)`);
  });
});
