import { strict as assert } from 'node:assert';
import { parseSft, updateSft, type SftFileModel } from '../../../src/core/parse/parse';
import { planEdits } from '../../../src/core/edit/plan';
import { applyEdits } from '../../../src/core/edit/apply';
import { CorpusGenerator, prng } from '../../../bench/corpus';
import { randomEdit, writerEdit } from '../core/parse-fast-gen';
import { defaultGuidelines } from '../../../src/core/guidelines';
import { WorkspaceIndex, type WorkspaceIndexChange } from '../../../src/core/workspace/index';
import { cleanPair as cleanPairWithSky, sftFile } from '../helpers';

/** A clean pair whose prompt is too short for a signature, so only the prompts a test sets can be near-duplicates. */
const cleanPair = (id: string, extra = ''): string =>
  cleanPairWithSky(id, extra).replace(
    'prompt: Why is the sky blue on a clear day?',
    `prompt: Tell me about ${id}.`,
  );
const withPrompt = (id: string, prompt: string): string =>
  cleanPairWithSky(id).replace('prompt: Why is the sky blue on a clear day?', `prompt: ${prompt}`);

const g = defaultGuidelines();
const gf = (): typeof g => g;
const LONG =
  'Explain to a ten year old child how rainbows form after a summer storm, using the words prism, droplet and angle.';
const rules = (ix: WorkspaceIndex, file: string): string[] =>
  ix.problemsFor(file, gf).map((p) => `${p.rule}:${p.pairId}`);

describe('workspace index: incremental updates', () => {
  it('setFile replaces a file; deleteFile removes its ids and signatures', () => {
    const ix = new WorkspaceIndex();
    ix.setFile('a', parseSft(sftFile(withPrompt('x', LONG), cleanPair('y'))), g);
    ix.setFile('b', parseSft(sftFile(withPrompt('x', `${LONG} Please.`))), g);
    assert.equal(ix.size, 3);
    assert.deepEqual(rules(ix, 'a'), ['duplicate-id:x', 'near-duplicate:x']);
    // Rename the id in b: the duplicate goes, the near-duplicate stays.
    ix.setFile('b', parseSft(sftFile(withPrompt('z', `${LONG} Please.`))), g);
    assert.equal(ix.size, 3);
    assert.deepEqual(rules(ix, 'a'), ['near-duplicate:x']);
    assert.deepEqual(rules(ix, 'b'), ['near-duplicate:z']);
    // Change b's prompt: nothing left.
    ix.setFile(
      'b',
      parseSft(
        sftFile(
          withPrompt(
            'z',
            'Name three rivers that flow through more than four countries in Europe today.',
          ),
        ),
      ),
      g,
    );
    assert.deepEqual(rules(ix, 'a'), []);
    // Bring the duplicate back, then delete the file.
    ix.setFile('b', parseSft(sftFile(cleanPair('y'))), g);
    assert.deepEqual(rules(ix, 'a'), ['duplicate-id:y']);
    ix.deleteFile('b');
    assert.equal(ix.size, 2);
    assert.deepEqual(rules(ix, 'a'), []);
    assert.deepEqual(ix.problemsFor('b', gf), []);
    assert.deepEqual([...ix.files()], ['a']);
  });

  it('a duplicate inside a file goes away when one copy is edited', () => {
    const ix = new WorkspaceIndex();
    ix.setFile('a', parseSft(sftFile(cleanPair('d'), cleanPair('d'))), g);
    assert.equal(ix.pairsWithId('d').length, 2);
    ix.setFile('a', parseSft(sftFile(cleanPair('d'), cleanPair('e'))), g);
    assert.equal(ix.pairsWithId('d').length, 1);
    assert.deepEqual(rules(ix, 'a'), []);
  });

  it('version and change events name the affected files', () => {
    const ix = new WorkspaceIndex();
    ix.setFile('a', parseSft(sftFile(cleanPair('d'))), g);
    ix.setFile('c', parseSft(sftFile(cleanPair('other'))), g);
    const seen: WorkspaceIndexChange[] = [];
    const sub = ix.onDidChange((c) => seen.push(c));
    const v = ix.version;
    ix.setFile('b', parseSft(sftFile(cleanPair('d'))), g);
    assert.equal(ix.version, v + 1);
    assert.deepEqual(seen[0].files, ['b']);
    assert.deepEqual([...seen[0].affected].sort(), ['a', 'b']);
    ix.deleteFile('b');
    assert.deepEqual([...seen[1].affected].sort(), ['a', 'b']);
    sub.dispose();
    ix.deleteFile('a');
    assert.equal(seen.length, 2);
    assert.equal(ix.version, v + 3);
  });

  it('setEntry of an incrementally re-parsed file keeps offsets right', () => {
    const text = sftFile(cleanPair('a'), cleanPair('b'));
    const model = parseSft(text);
    const ix = new WorkspaceIndex();
    ix.setFile('f', model, g);
    const edited = text.replace('id: a', 'id: b');
    ix.setFile('f', parseSft(edited), g);
    const ps = ix.problemsFor('f', gf);
    assert.deepEqual(
      ps.map((p) => edited.slice(p.start, p.end)),
      ['b', 'b'],
    );
  });

  it('re-indexing after chains of random edits, moving the pairs it shares with the last model and keeping near matches, gives what a fresh index gives', function () {
    this.timeout(60_000);
    // Bench corpus files, with copied pairs: near-duplicate prompts and duplicate ids, within
    // a file and across the two.
    const gen = new CorpusGenerator(5);
    const a = gen.file('a', 80);
    const chunk = (i: number): string => {
      const p = parseSft(a).pairs[i];
      return a.slice(p.base + p.slice.start, p.base + p.slice.end);
    };
    const texts = new Map([
      ['a', a + chunk(10) + chunk(40)],
      ['b', gen.file('b', 30) + chunk(3) + chunk(4) + chunk(5)],
    ]);
    const models = new Map([...texts].map(([f, t]) => [f, parseSft(t)]));
    const ix = new WorkspaceIndex();
    ix.onDidChange(() => {}); // a listener, as in the editor: neighbours are looked up
    for (const [f, m] of models) ix.setFile(f, m, g);
    const problems = (x: WorkspaceIndex) => [...texts.keys()].map((f) => x.problemsFor(f, gf));
    const kinds = new Set(
      problems(ix)
        .flat()
        .map((p) => p.rule),
    );
    assert.ok(kinds.has('near-duplicate') && kinds.has('duplicate-id'), [...kinds].join());
    const r = prng(23);
    let moved = 0;
    for (let step = 0; step < 120; step++) {
      const f = r() < 0.8 ? 'a' : 'b';
      const text = texts.get(f)!;
      const prev = models.get(f)!;
      let next: SftFileModel;
      let newText: string;
      if (r() < 0.1) {
        // A pair moved: the pairs keep their readings in another order.
        const at = Math.floor(r() * (prev.pairs.length - 1));
        const edits = planEdits(prev, { kind: 'movePair', pair: { index: at }, to: at + 2 });
        newText = applyEdits(text, edits);
        next = parseSft(newText);
      } else {
        const e = r() < 0.97 ? writerEdit(r, prev) : randomEdit(r, text);
        newText = text.slice(0, e.start) + e.newText + text.slice(e.end);
        const updated = updateSft(prev, [e], newText);
        if (updated) moved++;
        next = updated ?? parseSft(newText);
      }
      ix.setFile(f, next, g, prev);
      texts.set(f, newText);
      models.set(f, next);
      const fresh = new WorkspaceIndex();
      for (const [file, t] of texts) fresh.setFile(file, parseSft(t), g);
      assert.deepEqual(ix.entry(f)!.pairs, fresh.entry(f)!.pairs, `step ${step}`);
      assert.deepEqual(problems(ix), problems(fresh), `step ${step}`);
      assert.equal(ix.size, fresh.size);
    }
    assert.ok(moved > 40, `${moved} edits re-parsed one pair`);
  });

  it('near matches, listed in place order, follow pairs that trade places', () => {
    const x = withPrompt('x', LONG);
    const y = withPrompt('y', LONG);
    const z = withPrompt('z', LONG);
    const ix = new WorkspaceIndex();
    const before = parseSft(sftFile(x, y, z));
    ix.setFile('f', before, g);
    assert.match(
      ix.problemsFor('f', gf)[0].message,
      /"y"'s at f:\d+ \(100% similar\) \(and 1 more\)/,
    );
    const text = sftFile(x, z, y);
    ix.setFile('f', parseSft(text), g, before);
    const fresh = new WorkspaceIndex();
    fresh.setFile('f', parseSft(text), g);
    assert.deepEqual(ix.problemsFor('f', gf), fresh.problemsFor('f', gf));
    assert.match(ix.problemsFor('f', gf)[0].message, /"z"'s at/);
  });
});
