import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runWorkspacePass } from '../../../src/node/pass';
import { cleanPair as cleanPairWithSky, sftFile } from '../helpers';

/** A clean pair whose prompt is too short for a signature, so only the prompts a test sets can be near-duplicates. */
const cleanPair = (id: string, extra = ''): string => cleanPairWithSky(id, extra).replace('prompt: Why is the sky blue on a clear day?', `prompt: Tell me about ${id}.`);


describe('workspace pass (in-process fallback)', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'sft-pass-'));
    writeFileSync(join(dir, 'a.sft.yaml'), sftFile(cleanPair('a'), cleanPair('dup')));
    writeFileSync(join(dir, 'b.sft.yaml'), sftFile(cleanPair('dup')));
    writeFileSync(join(dir, 'sft.guidelines.yaml'), 'sft-guidelines: 1\nrules:\n  duplicate-id: warning\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('indexes, lints, uses the guidelines given, reports unreadable files', async () => {
    const files = ['a.sft.yaml', 'b.sft.yaml', 'missing.sft.yaml'].map((f) => join(dir, f));
    const progress: number[] = [];
    const res = await runWorkspacePass(files, {
      guidelinesFor: () => ({ path: join(dir, 'sft.guidelines.yaml'), text: 'sft-guidelines: 1\nrules:\n  duplicate-id: warning\n' }),
      keyOf: (p) => p.slice(dir.length + 1),
      lint: true,
      workerPath: join(dir, 'no-such-worker.js'),
      onProgress: (done) => progress.push(done),
    });
    assert.equal(res.workers, 0);
    assert.equal(res.index.size, 3);
    assert.deepEqual(res.errors.map((e) => e.file), ['missing.sft.yaml']);
    assert.deepEqual(progress, [1, 2, 3]);
    assert.ok(res.lintProblems.has('a.sft.yaml'));
    const ps = res.index.problemsFor('b.sft.yaml', res.guidelinesFor);
    assert.deepEqual(ps.map((p) => [p.rule, p.severity]), [['duplicate-id', 'warning']]);
    assert.equal(ps[0].related![0].file, 'a.sft.yaml');
  });
});

describe('workspace pass: a large file split over the main thread and a worker', () => {
  let dir = '';
  let file = '';
  const worker = join(process.cwd(), 'dist/index-worker.js');
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'sft-split-'));
    file = join(dir, 'big.sft.yaml');
    const pairs: string[] = [];
    for (let i = 0; i < 41; i++) {
      let pair = cleanPair(`p${i}`);
      // Problems in both halves, and workspace problems whose two places are in different halves.
      if (i % 7 === 0) pair = pair.replace('response: ', 'response: As an AI language model, ');
      if (i === 3 || i === 35) pair = pair.replace(`id: p${i}`, 'id: twin');
      if (i === 5 || i === 30) pair = pair.replace('prompt: Tell me about p' + i + '.', 'prompt: Describe how the water cycle moves water between oceans, clouds and rivers.');
      pairs.push(pair);
    }
    writeFileSync(file, `${sftFile(...pairs)}junk: [\n`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const pass = (opts: Parameters<typeof runWorkspacePass>[1]) => runWorkspacePass([file], { keyOf: () => 'big.sft.yaml', lint: true, workers: 0, ...opts });

  it('finds exactly what the unsplit pass finds, in the same order', async () => {
    assert.ok(existsSync(worker), `${worker} is built before the unit suite runs`);
    const whole = await pass({});
    const progress: Array<[number, number]> = [];
    const split = await pass({ splitBytes: 1, workerPath: worker, onProgress: (d, t) => progress.push([d, t]) });
    assert.equal(whole.workers, 0);
    assert.equal(split.workers, 1);
    assert.deepEqual(progress, [[1, 1]]);
    const problems = whole.lintProblems.get('big.sft.yaml')!;
    assert.ok(problems.some((p) => p.rule === 'banned-phrase' && p.start > 0), 'the file has pair problems');
    assert.ok(problems.some((p) => p.rule === 'yaml-syntax' || p.rule === 'node-shape'), 'and a problem outside any pair');
    assert.deepEqual(split.lintProblems.get('big.sft.yaml'), problems);
    assert.deepEqual(split.lines.get('big.sft.yaml'), whole.lines.get('big.sft.yaml'));
    const entry = (r: typeof whole) => r.index.entry('big.sft.yaml')!.pairs.map((p) => ({ ...p, signature: p.signature && [...p.signature] }));
    assert.equal(entry(split).length, 41);
    assert.deepEqual(entry(split), entry(whole));
    const ws = (r: typeof whole) => r.index.problemsFor('big.sft.yaml', r.guidelinesFor).map((p) => [p.rule, p.start, p.message]);
    assert.deepEqual(ws(whole).map((p) => p[0]).sort(), ['duplicate-id', 'duplicate-id', 'near-duplicate', 'near-duplicate']);
    assert.deepEqual(ws(split), ws(whole));
  });

  it('runs both halves in the main thread when there is no worker script', async () => {
    const whole = await pass({});
    const split = await pass({ splitBytes: 1, workerPath: join(dir, 'no-such-worker.js') });
    assert.equal(split.workers, 0);
    assert.deepEqual(split.lintProblems.get('big.sft.yaml'), whole.lintProblems.get('big.sft.yaml'));
    assert.equal(split.index.entry('big.sft.yaml')!.pairs.length, 41);
  });
});
