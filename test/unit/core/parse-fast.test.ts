/**
 * The fast path of parseSft must give what `yaml` gives: the same nodes (values, types,
 * sources, ranges), slices, silences and lint problems as a whole parse with `yaml`, on the
 * examples, the fixtures, a bench corpus file and generated edge cases.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  parseSft,
  parseSftWhole,
  updateSft,
  type SftFileModel,
} from '../../../src/core/parse/parse';
import { genFile, modelData, randomEdit } from './parse-fast-gen';
import { fastItem } from '../../../src/core/parse/fast';
import { modelLines } from '../../../src/core/parse/model-lines';
import { LineIndex } from '../../../src/core/text/lines';
import { FileLinter } from '../../../src/core/lint';
import { defaultGuidelines, loadGuidelines } from '../../../src/core/guidelines';
import { discoverFiles } from '../../../src/node/files';
import { CorpusGenerator, prng } from '../../../bench/corpus';
import { services } from '../helpers';

const REPO = join(__dirname, '..');

const linter = new FileLinter(defaultGuidelines(), services);

/** The text with Windows line endings. */
function crlf(text: string): string {
  return text.replace(/\n/g, '\r\n');
}

/**
 * Asserts the fast and whole parses agree; returns how many pairs the fast reader read
 * itself, and how many there are.
 */
function agree(text: string, label: string): { fast: number; pairs: number } {
  const fast = parseSft(text);
  const whole = parseSftWhole(text);
  assert.deepEqual(modelData(fast), modelData(whole), `${label}: models differ`);
  assert.deepEqual(
    linter.lintModel(fast).problems,
    linter.lintModel(whole).problems,
    `${label}: lint differs`,
  );
  return {
    fast: fast.pairs.filter((p) => p.base === 0 && p.src === text).length,
    pairs: fast.pairs.length,
  };
}

describe('parseSft fast path', function () {
  // Thousands of pairs, each parsed and linted twice: seconds on a loaded 2-core machine.
  this.timeout(30_000);

  /** The texts of the example files, and of the example and fixture files. */
  let examples: string[] = [];
  let examplesAndFixtures: { path: string; text: string }[] = [];
  before(async () => {
    const read = (path: string): { path: string; text: string } => ({
      path,
      text: readFileSync(path, 'utf8'),
    });
    examples = (await discoverFiles(['examples'], REPO)).files.map((f) => read(f).text);
    examplesAndFixtures = (
      await discoverFiles(['examples', join('test', 'fixtures')], REPO)
    ).files.map(read);
  });

  it('agrees with a whole yaml parse on every example and fixture file', () => {
    assert.ok(examplesAndFixtures.length >= 8, `found ${examplesAndFixtures.length} files`);
    let fastPairs = 0;
    let pairs = 0;
    for (const { path, text } of examplesAndFixtures) {
      const n = agree(text, path);
      fastPairs += n.fast;
      pairs += n.pairs;
    }
    // The examples are written as writers write: nearly every pair takes the fast reader.
    assert.ok(fastPairs >= pairs * 0.9, `fast reader read ${fastPairs} of ${pairs} pairs`);
  });

  it('reads every pair of a bench corpus file itself, with the same result, in LF and in CRLF', () => {
    const text = new CorpusGenerator(7).file('t', 300);
    assert.equal(agree(text, 'corpus').fast, 300);
    assert.equal(agree(crlf(text), 'corpus, CRLF').fast, 300);
  });

  it('reads 2,000 generated pairs of what writers write itself, with the same result (LF and CRLF)', () => {
    const r = prng(20261125);
    for (let f = 0; f < 100; f++) {
      const text = f % 2 ? crlf(genFile(r, 20, 0)) : genFile(r, 20, 0);
      assert.equal(
        agree(text, `generated file ${f}:\n${text}`).fast,
        20,
        `generated file ${f}: some pairs were not read fast:\n${text}`,
      );
    }
  });

  it('agrees on 3,000 generated pairs with edge cases it declines mixed in', () => {
    const r = prng(7);
    let fast = 0;
    for (let f = 0; f < 150; f++) {
      let text = genFile(r, 20, 0.08);
      if (f % 3 === 0) text = crlf(text);
      if (r() < 0.1) text = text.slice(0, -1); // no final line break
      fast += agree(text, `generated file ${f}:\n${text}`).fast;
    }
    assert.ok(fast > 1000 && fast < 2900, `fast reader read ${fast} of 3000 mixed pairs`);
  });

  it('agrees on 600 randomly broken copies of the examples and a corpus file (LF and CRLF)', () => {
    const lf = [...examples, new CorpusGenerator(3).file('m', 8)];
    const sources = [...lf, ...lf.map(crlf)];
    const r = prng(99);
    for (let n = 0; n < 600; n++) {
      let text = sources[n % sources.length];
      for (let k = 1 + Math.floor(r() * 3); k > 0; k--) {
        const e = randomEdit(r, text);
        text = text.slice(0, e.start) + e.newText + text.slice(e.end);
      }
      agree(text, `mutation ${n}:\n${text}`);
    }
  });

  it('incremental re-parses after chains of random edits give the pairs a whole parse gives (LF and CRLF)', () => {
    const lf = [...examples, new CorpusGenerator(4).file('u', 8)];
    const sources = [...lf, ...lf.map(crlf)];
    const models = sources.map((t) => parseSft(t));
    // The header, the root's range and the `pairs:` node are not updated incrementally.
    const pairsOf = (m: SftFileModel): unknown => {
      const d = modelData(m) as { pairs: unknown; syntax: unknown };
      return [d.pairs, d.syntax];
    };
    const r = prng(5);
    let incremental = 0;
    for (let n = 0; n < 1000; n++) {
      let text = sources[n % sources.length];
      let model = models[n % sources.length];
      for (let k = 1 + Math.floor(r() * 3); k > 0; k--) {
        const e = randomEdit(r, text);
        const newText = text.slice(0, e.start) + e.newText + text.slice(e.end);
        const next = updateSft(model, [e], newText);
        if (next) incremental++;
        model = next ?? parseSft(newText); // as the editor does: parse whole when not safe
        text = newText;
      }
      assert.deepEqual(pairsOf(model), pairsOf(parseSftWhole(text)), `edits ${n}:\n${text}`);
    }
    assert.ok(incremental > 800, `${incremental} edits re-parsed one pair`);
  });

  it("a model's line starts, carried through chains of incremental re-parses, are those of its text", () => {
    const sources = [...examples, ...examples.map(crlf)];
    const r = prng(17);
    let carried = 0;
    for (let n = 0; n < 300; n++) {
      let text = sources[n % sources.length];
      let model = parseSft(text);
      modelLines(model); // made once, then only carried
      for (let k = 1 + Math.floor(r() * 4); k > 0; k--) {
        const e = randomEdit(r, text);
        text = text.slice(0, e.start) + e.newText + text.slice(e.end);
        const next = updateSft(model, [e], text);
        if (next) carried++;
        model = next ?? parseSft(text);
        const lines = modelLines(model);
        const fresh = new LineIndex(text);
        assert.equal(lines.lineCount, fresh.lineCount, `edits ${n}:\n${text}`);
        for (let at = 0; at <= text.length; at += 1 + Math.floor(r() * 40))
          assert.deepEqual(lines.positionAt(at), fresh.positionAt(at), `edits ${n}, offset ${at}`);
      }
    }
    assert.ok(carried > 400, `${carried} edits carried the line starts`);
  });

  it('FileLinter.update after chains of random edits gives the problems of a full lint', () => {
    const g = loadGuidelines(
      readFileSync(join(REPO, 'examples', 'sft.guidelines.yaml'), 'utf8'),
      'sft.guidelines.yaml',
    ).guidelines;
    const sources = examples;
    const incremental = new FileLinter(g, services);
    const r = prng(31);
    for (let n = 0; n < 300; n++) {
      let text = sources[n % sources.length];
      let result = incremental.lint(text);
      for (let k = 1 + Math.floor(r() * 4); k > 0; k--) {
        const e = randomEdit(r, text);
        text = text.slice(0, e.start) + e.newText + text.slice(e.end);
        result = incremental.update(result, [e], text);
      }
      assert.deepEqual(
        result.problems,
        new FileLinter(g, services).lint(text).problems,
        `edits ${n}:\n${text}`,
      );
    }
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
    for (const bad of [
      '  - id: &a x\n',
      '  - id: "a\\tb"\n',
      '  - id: a\n    p: |2\n      x\n',
      '  - id: a\tb\n',
      '  - id: {a: 1}\n',
    ]) {
      assert.equal(fastItem(bad, 0, bad.length, 2), undefined, bad);
    }
  });
});
