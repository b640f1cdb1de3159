import { strict as assert } from 'node:assert';
import { parseSft } from '../../../src/core/parse/parse';
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
});
