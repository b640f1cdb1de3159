import { strict as assert } from 'node:assert';
import { isSeq } from 'yaml';
import { loadGuidelines } from '../../../src/core/guidelines';
import { parseSft, type SftFileModel } from '../../../src/core/parse/parse';
import { MAX_NESTING } from '../../../src/core/parse/yaml-document';

const HEAD = 'sft: 1\npairs:\n  - id: a\n    prompt: hi\n    response: ok\n    deep:';
/** The deep value's own collections start at depth 4 (file map, `pairs`, pair, `deep`). */
const FIRST = 4;

/** Every syntax issue of a model, file and pairs, in document offsets. */
function issues(m: SftFileModel): { start: number; message: string }[] {
  return [
    ...m.syntax,
    ...m.pairs.flatMap((p) => p.syntax.map((s) => ({ ...s, start: p.base + s.start }))),
  ];
}

/** `levels` block maps, one space deeper each (`k:` lines). */
function blockMaps(levels: number): { text: string; offsetOf: (depth: number) => number } {
  let text = `${HEAD}\n`;
  const at: number[] = [];
  for (let i = 0; i < levels; i++) {
    at.push(text.length + 6 + i);
    text += `${' '.repeat(6 + i)}k:\n`;
  }
  text += `${' '.repeat(6 + levels)}x\n`;
  return { text, offsetOf: (depth) => at[depth - FIRST] };
}

/** `levels` compact block lists on one line (`- - - x`). */
function compactSeqs(levels: number): { text: string; offsetOf: (depth: number) => number } {
  const start = HEAD.length + 1 + 6;
  return {
    text: `${HEAD}\n      ${'- '.repeat(levels)}x\n`,
    offsetOf: (depth) => start + 2 * (depth - FIRST),
  };
}

/** `levels` flow lists or maps on one line. */
function flow(
  levels: number,
  open: string,
  close: string,
): { text: string; offsetOf: (depth: number) => number } {
  const start = HEAD.length + 1;
  return {
    text: `${HEAD} ${open.repeat(levels)}1${close.repeat(levels)}\n`,
    offsetOf: (depth) => start + open.length * (depth - FIRST),
  };
}

const SHAPES = {
  'block maps': blockMaps,
  'compact block lists': compactSeqs,
  'flow lists': (n: number) => flow(n, '[', ']'),
  'flow maps': (n: number) => flow(n, '{a: ', '}'),
};

describe('nesting depth', () => {
  for (const [name, make] of Object.entries(SHAPES)) {
    // Block maps one space deeper each take n²/2 bytes: 3,700 levels (the finding) is 6.8 MB.
    const levels = name === 'block maps' ? 3700 : 10_000;
    it(`${name}, ${levels} levels: one problem where nesting passes the limit, the pair still read`, () => {
      const { text, offsetOf } = make(levels);
      const m = parseSft(text);
      const found = issues(m);
      assert.equal(found.length, 1, JSON.stringify(found.slice(0, 3)));
      assert.equal(
        found[0].message,
        `Nesting deeper than ${MAX_NESTING} levels; SFT Studio reads values nested at most ${MAX_NESTING} levels deep`,
      );
      assert.equal(found[0].start, offsetOf(MAX_NESTING + 1));
      assert.equal(m.pairs.length, 1);
      assert.equal(m.pairs[0].id, 'a');
      assert.ok(m.pairs[0].fields.has('response'));
    });

    it(`${name}, exactly ${MAX_NESTING} levels: read in full, no problem`, () => {
      const { text } = make(MAX_NESTING - FIRST + 1);
      const m = parseSft(text);
      assert.deepEqual(issues(m), []);
      // Down the deep value to the innermost collection and its scalar.
      let node = m.pairs[0].fields.get('deep')?.value as unknown;
      let depth = FIRST;
      for (;;) {
        const items = (node as { items?: unknown[] }).items;
        if (!items) break;
        const first = items[0] as { value?: unknown; items?: unknown[] };
        node = isSeq(node) ? first : first.value;
        if ((node as { items?: unknown[] }).items) depth++;
      }
      assert.equal(depth, MAX_NESTING);
    });
  }

  it('a guidelines file nested 10,000 levels: one problem at the place, as for any YAML error', () => {
    const text = `sft-guidelines: 1\nname: Acme\nx: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`;
    const g = loadGuidelines(text);
    const deep = g.problems.filter((p) => /Nesting deeper/.test(p.message));
    assert.equal(deep.length, 1);
    assert.equal(deep[0].start, text.indexOf('[') + MAX_NESTING - 1);
    assert.ok(!g.problems.some((p) => /call stack/.test(p.message)));
  });
});
