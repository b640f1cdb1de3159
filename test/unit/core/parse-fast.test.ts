/**
 * The fast path of parseSft must give what `yaml` gives: the same nodes (values, types,
 * sources, ranges), slices, silences and lint problems as a whole parse with `yaml`, on the
 * examples, the fixtures, a bench corpus file and generated edge cases.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseSft, parseSftWhole } from '../../../src/core/parse/parse';
import { genFile, modelData } from './parse-fast-gen';
import { fastItem } from '../../../src/core/parse/fast';
import { FileLinter } from '../../../src/core/lint';
import { defaultGuidelines } from '../../../src/core/guidelines';
import { CorpusGenerator, prng } from '../../../bench/corpus';

const REPO = join(__dirname, '..');

const linter = new FileLinter(defaultGuidelines());

/** Asserts the fast and whole parses agree; returns how many pairs the fast reader read itself. */
function agree(text: string, label: string): number {
  const fast = parseSft(text);
  const whole = parseSftWhole(text);
  assert.deepEqual(modelData(fast), modelData(whole), `${label}: models differ`);
  assert.deepEqual(linter.lintModel(fast).problems, linter.lintModel(whole).problems, `${label}: lint differs`);
  return fast.pairs.filter((p) => p.base === 0 && p.src === text).length;
}

function sftFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sftFiles(p));
    else if (name.endsWith('.sft.yaml')) out.push(p);
  }
  return out;
}

describe('parseSft fast path', function () {
  // Thousands of pairs, each parsed and linted twice: seconds on a loaded 2-core machine.
  this.timeout(30_000);

  it('agrees with a whole yaml parse on every example and fixture file', () => {
    const files = [...sftFiles(join(REPO, 'examples')), ...sftFiles(join(REPO, 'test', 'fixtures'))];
    assert.ok(files.length >= 8, `found ${files.length} files`);
    let fastPairs = 0;
    let pairs = 0;
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      fastPairs += agree(text, f);
      pairs += parseSft(text).pairs.length;
    }
    // The examples are written as writers write: nearly every pair takes the fast reader.
    assert.ok(fastPairs >= pairs * 0.9, `fast reader read ${fastPairs} of ${pairs} pairs`);
  });

  it('reads every pair of a bench corpus file itself, with the same result', () => {
    const text = new CorpusGenerator(7).file('t', 300);
    assert.equal(agree(text, 'corpus'), 300);
  });

  it('reads 2,000 generated pairs of what writers write itself, with the same result', () => {
    const r = prng(20261125);
    for (let f = 0; f < 100; f++) {
      const text = genFile(r, 20, 0);
      assert.equal(agree(text, `generated file ${f}:\n${text}`), 20, `generated file ${f}: some pairs were not read fast:\n${text}`);
    }
  });

  it('agrees on 3,000 generated pairs with edge cases it declines mixed in', () => {
    const r = prng(7);
    let fast = 0;
    for (let f = 0; f < 150; f++) {
      let text = genFile(r, 20, 0.08);
      if (r() < 0.1) text = text.slice(0, -1); // no final line break
      fast += agree(text, `generated file ${f}:\n${text}`);
    }
    assert.ok(fast > 1000 && fast < 2900, `fast reader read ${fast} of 3000 mixed pairs`);
  });

  it('falls back to a whole parse for files of other shapes', () => {
    const shapes = [
      'sft: 1\npairs:\n  - id: a\n    prompt: p\n    response: r\ndefaults:\n  language: en\n', // a key after pairs
      'pairs:\n  - id: a\n    prompt: "open\n  - id: b\n    prompt: q"\n', // a quoted text holding a `- ` line
      'sft: 1\npairs: [ {id: a} ]\n',
      'sft: 1\npairs:\n  -\n    id: a\n',
      'sft: 1\r\npairs:\r\n  - id: a\r\n    prompt: p\r\n',
      '---\nsft: 1\npairs:\n  - id: a\n---\nsft: 1\n',
      'sft: 1\npairs:\n  - id: a\n    prompt: |\n      text\n   - id: b\n',
      'sft: 1\npairs:\n',
      'sft: 1\npairs:\n# only a comment\n',
      '',
      // Every pair declined (a tab in each): after 16 of them the file is parsed whole.
      `sft: 1\npairs:\n${Array.from({ length: 40 }, (_, i) => `  - id: t-${i}\n    prompt: "a\tb"\n    response: r\n`).join('')}`,
    ];
    for (const text of shapes) agree(text, JSON.stringify(text));
  });

  it('declines what it does not read exactly, and reads what it does', () => {
    const src = '  - id: a\n    prompt: |\n      Hi\n    traits: [x, y]\n';
    const node = fastItem(src, 0, src.length, 2);
    assert.ok(node);
    assert.deepEqual(node.range, [4, src.length, src.length]);
    for (const bad of ['  - id: &a x\n', '  - id: "a\\tb"\n', '  - id: a\n    p: |2\n      x\n', '  - id: a\tb\n', '  - id: {a: 1}\n']) {
      assert.equal(fastItem(bad, 0, bad.length, 2), undefined, bad);
    }
  });
});
