import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runWorkspacePass } from '../../../src/node/pass';
import { cleanPair as cleanPairWithSky, sftFile } from '../helpers';

/** A clean pair whose prompt is too short for a signature, so only the prompts a test sets can be near-duplicates. */
const cleanPair = (id: string, extra = ''): string =>
  cleanPairWithSky(id, extra).replace(
    'prompt: Why is the sky blue on a clear day?',
    `prompt: Tell me about ${id}.`,
  );

describe('workspace pass (in-process fallback)', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'sft-pass-'));
    writeFileSync(join(dir, 'a.sft.yaml'), sftFile(cleanPair('a'), cleanPair('dup')));
    writeFileSync(join(dir, 'b.sft.yaml'), sftFile(cleanPair('dup')));
    writeFileSync(
      join(dir, 'sft.guidelines.yaml'),
      'sft-guidelines: 1\nrules:\n  duplicate-id: warning\n',
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('indexes, lints, uses the guidelines given, reports unreadable files', async () => {
    const files = ['a.sft.yaml', 'b.sft.yaml', 'missing.sft.yaml'].map((f) => join(dir, f));
    const progress: number[] = [];
    const res = await runWorkspacePass(files, {
      guidelinesFor: () => ({
        path: join(dir, 'sft.guidelines.yaml'),
        text: 'sft-guidelines: 1\nrules:\n  duplicate-id: warning\n',
      }),
      keyOf: (p) => p.slice(dir.length + 1),
      lint: true,
      workerPath: join(dir, 'no-such-worker.js'),
      onProgress: (done) => progress.push(done),
    });
    assert.equal(res.workers, 0);
    assert.equal(res.index.size, 3);
    // A file listed for the pass but gone when it is read: said in words, no errno, no absolute path.
    assert.deepEqual(
      res.errors.map((e) => [e.file, e.message]),
      [['missing.sft.yaml', 'it was removed while linting']],
    );
    assert.deepEqual(progress, [1, 2, 3]);
    assert.ok(res.lintProblems.has('a.sft.yaml'));
    const ps = res.index.problemsFor('b.sft.yaml', res.guidelinesFor);
    assert.deepEqual(
      ps.map((p) => [p.rule, p.severity]),
      [['duplicate-id', 'warning']],
    );
    assert.equal(ps[0].related![0].file, 'a.sft.yaml');
  });
});
