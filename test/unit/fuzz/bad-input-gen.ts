/**
 * Hostile inputs for core and for `sft`: random bytes; truncated and mutated real files
 * (examples/ and test/fixtures); invalid UTF-8, BOM, NUL, lone CR; very long lines; alias
 * bombs; wrong types everywhere; the same for `sft.guidelines.yaml`. Each input carries a
 * `kind`; kinds on {@link KNOWN_SKIPS} are generated but not run (see there).
 */
import { closeSync, openSync, readdirSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { REPO_ROOT } from '../cli/run-cli';

/** One hostile input: the bytes of a file, and what kind of hostility it is. */
export interface BadInput {
  kind: string;
  bytes: Uint8Array;
}

/**
 * Kinds of input generated but not run, for crashes or hangs still being fixed: none now.
 * Deep block and flow nesting, CJK runs over 65,536 characters, backtracking guideline
 * patterns, giant phrase lists, thousands of identical prompts and devices or FIFOs all run.
 * A kind put here is counted as skipped in every report, so it cannot be forgotten.
 */
export const KNOWN_SKIPS: ReadonlySet<string> = new Set<string>([]);

const enc = new TextEncoder();
const bytesOf = (kind: string, text: string): BadInput =>
  withShow({ kind, bytes: enc.encode(text) });

/** Shows an input in a failure report by its kind and the start of its text, not byte by byte. */
function withShow(input: BadInput): BadInput {
  const show = () =>
    `${input.kind}: ${input.bytes.length} bytes ${JSON.stringify(new TextDecoder().decode(input.bytes.slice(0, 400)))}`;
  return Object.assign(input, { [fc.toStringMethod]: show });
}

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yamlFiles(path, out);
    else if (name.endsWith('.yaml')) out.push(path);
  }
  return out;
}

const ALL = [
  ...yamlFiles(join(REPO_ROOT, 'examples')),
  ...yamlFiles(join(REPO_ROOT, 'test', 'fixtures')),
];
/** The real pairs files and guidelines files the mutations start from. */
export const REAL_PAIRS = ALL.filter((f) => f.endsWith('.sft.yaml')).map((f) =>
  readFileSync(f, 'utf8'),
);
export const REAL_GUIDELINES = ALL.filter((f) => f.endsWith('sft.guidelines.yaml')).map((f) =>
  readFileSync(f, 'utf8'),
);

/** Characters that mean something to YAML, to an editor or to a decoder. */
const SHARP = [
  ':',
  ': ',
  '- ',
  '-',
  '|',
  '>',
  '|+',
  '>-',
  '"',
  "'",
  '\\',
  '\n',
  '\r',
  '\r\n',
  '\t',
  '\0',
  '\ufeff',
  '\u2028',
  '\u0085',
  '&a ',
  '*a',
  '!!int ',
  '!!binary ',
  '[',
  ']',
  '{',
  '}',
  ',',
  '#',
  ' ',
  '    ',
  '? ',
  '%YAML 1.1\n',
  '---\n',
  '...\n',
  '<<: *a\n',
  '\ud800',
  '\udc00',
  '😀',
  '日本',
  'é',
  '\u200b',
  '\u202e',
];

/** Values of every other type, for where a text, list or map belongs. */
const WRONG = [
  '[]',
  '{}',
  '42',
  '-1',
  '3.10',
  '0x10',
  '007',
  '.inf',
  '.nan',
  'true',
  'no',
  'null',
  '~',
  '""',
  '!!binary aGk=',
  '2001-12-14',
  '[a, [b, [c]]]',
  '{a: {b: 1}}',
  '[{by: 1}]',
  '*nowhere',
  '&x [1]',
  '!tag x',
  '!!map {}',
  '|\n',
  '- a\n- b',
  '{by: sam, note: [x]}',
];

/** A real text with `n` mutations: insert, delete or replace at random places. */
function mutated(sources: readonly string[], kind: string): fc.Arbitrary<BadInput> {
  return fc
    .tuple(
      fc.nat(sources.length - 1),
      fc.array(
        fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(3), fc.nat(SHARP.length - 1)),
        {
          minLength: 1,
          maxLength: 6,
        },
      ),
    )
    .map(([s, edits]) => {
      let text = sources[s];
      for (const [where, op, c] of edits) {
        const at = Math.floor(where * text.length);
        const len = op === 0 ? 0 : op === 1 ? 1 : 8;
        text = text.slice(0, at) + (op === 3 ? '' : SHARP[c]) + text.slice(at + len);
      }
      return bytesOf(kind, text);
    });
}

/** A real text cut at a random place (within a UTF-8 sequence too). */
function truncated(sources: readonly string[], kind: string): fc.Arbitrary<BadInput> {
  return fc
    .tuple(fc.nat(sources.length - 1), fc.double({ min: 0, max: 1, noNaN: true }))
    .map(([s, where]) => {
      const b = enc.encode(sources[s]);
      return withShow({ kind, bytes: b.slice(0, Math.floor(where * b.length)) });
    });
}

/** Each `key: value` line of a real text, with its value replaced by one of another type. */
function wrongTypes(sources: readonly string[], kind: string): fc.Arbitrary<BadInput> {
  return fc
    .tuple(
      fc.nat(sources.length - 1),
      fc.array(fc.tuple(fc.nat(), fc.nat(WRONG.length - 1)), { minLength: 1, maxLength: 5 }),
    )
    .map(([s, picks]) => {
      const lines = sources[s].split('\n');
      const keyed = lines.flatMap((l, i) => (/^\s*(- )?[\w-]+:/.test(l) ? [i] : []));
      for (const [line, w] of picks) {
        const i = keyed[line % keyed.length];
        lines[i] = lines[i].replace(/^(\s*(?:- )?[\w-]+:).*$/, `$1 ${WRONG[w]}`);
      }
      return bytesOf(kind, lines.join('\n'));
    });
}

/** Bytes that are not UTF-8, or are UTF-8 with what editors trip on. */
const encodings: fc.Arbitrary<BadInput> = fc
  .tuple(fc.constantFrom(...REAL_PAIRS), fc.nat(5), fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([text, how, where]) => {
    const b = enc.encode(text);
    const at = Math.floor(where * b.length);
    const splice = (ins: number[]) => new Uint8Array([...b.slice(0, at), ...ins, ...b.slice(at)]);
    switch (how) {
      case 0:
        return withShow({
          kind: 'invalid-utf8',
          bytes: splice([0xc3, 0x28, 0xff, 0xfe, 0xed, 0xa0, 0x80]),
        });
      case 1:
        return withShow({ kind: 'bom', bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...b]) });
      case 2:
        return withShow({ kind: 'utf16-bom', bytes: new Uint8Array([0xff, 0xfe, ...b]) });
      case 3:
        return withShow({ kind: 'nul', bytes: splice([0]) });
      case 4:
        return bytesOf('lone-cr', text.replace(/\n/g, '\r'));
      default:
        return bytesOf(
          'mixed-eol',
          text.replace(/\n/g, () => (at % 2 ? '\r\n' : '\r')),
        );
    }
  });

const pairWith = (body: string) => `sft: 1\npairs:\n  - id: x-1\n${body}`;

/** Big and deep inputs; the kinds on KNOWN_SKIPS are made here too. */
const extremes: fc.Arbitrary<BadInput> = fc
  .tuple(fc.nat(9), fc.integer({ min: 1, max: 4 }))
  .map(([how, size]) => {
    switch (how) {
      case 0:
        return bytesOf('long-line', pairWith(`    prompt: ${'word '.repeat(20_000 * size)}\n`));
      case 1:
        return bytesOf(
          'long-line-nospace',
          pairWith(`    prompt: ${'x'.repeat(100_000 * size)}\n`),
        );
      case 2: {
        let bomb = 'a: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
        for (let i = 1; i < 8 + size; i++)
          bomb += `a${i}: &a${i} [${`*a${i - 1}, `.repeat(9)}*a${i - 1}]\n`;
        return bytesOf(
          'alias-bomb',
          `sft: 1\n${bomb.replace(/^a/gm, 'x_a')}pairs:\n  - id: x\n    tags: *a${7 + size}\n    prompt: hi\n`,
        );
      }
      case 3:
        return bytesOf(
          'many-pairs',
          `sft: 1\npairs:\n${Array.from({ length: 1_000 * size }, (_, i) => `  - prompt: ${(i * 7_919).toString(36)} ${i.toString(36)}x? ${(i * 104_729).toString(36)}\n    response: d\n`).join('')}`,
        );
      case 4:
        return bytesOf(
          'deep-block-nesting',
          pairWith(
            `    context:\n${Array.from({ length: 3_000 * size }, (_, i) => `${' '.repeat(6 + 2 * i)}k:`).join('\n')} v\n`,
          ),
        );
      case 5:
        return bytesOf(
          'deep-flow-nesting',
          pairWith(`    context: ${'['.repeat(5_000 * size)}${']'.repeat(5_000 * size)}\n`),
        );
      case 6:
        return bytesOf('cjk-run', pairWith(`    prompt: ${'日本語の文'.repeat(14_000 * size)}\n`));
      case 7:
        return bytesOf(
          'identical-prompts',
          `sft: 1\npairs:\n${'  - prompt: the very same prompt again\n'.repeat(10_000)}`,
        );
      case 8:
        return bytesOf(
          'deep-block-nesting',
          pairWith(
            `    context:\n${Array.from({ length: 200 * size }, (_, i) => `${' '.repeat(6 + i)}- `).join('\n')}v\n`,
          ),
        );
      default:
        return bytesOf(
          'many-keys',
          pairWith(Array.from({ length: 3_000 * size }, (_, i) => `    k${i}: v\n`).join('')),
        );
    }
  });

/** Random bytes, and random text with any code unit (lone surrogates too). */
const noise: fc.Arbitrary<BadInput> = fc.oneof(
  fc.uint8Array({ maxLength: 2_000 }).map((bytes) => withShow({ kind: 'random-bytes', bytes })),
  fc.string({ unit: 'binary', maxLength: 500 }).map((s) => bytesOf('random-text', s)),
  fc
    .array(fc.constantFrom(...SHARP, 'sft: 1\n', 'pairs:\n', 'prompt', 'id', 'x'), {
      maxLength: 60,
    })
    .map((xs) => bytesOf('yaml-soup', xs.join(''))),
);

/** Hostile pairs files. */
export const badPairsFile: fc.Arbitrary<BadInput> = fc.oneof(
  noise,
  truncated(REAL_PAIRS, 'truncated'),
  mutated(REAL_PAIRS, 'mutated'),
  wrongTypes(REAL_PAIRS, 'wrong-types'),
  encodings,
  { arbitrary: extremes, weight: 1 },
);

const guidelinesWith = (body: string) => `sft-guidelines: 1\n${body}`;

/** Guidelines that are big or slow to apply; the kinds on KNOWN_SKIPS are made here too. */
const guidelineExtremes: fc.Arbitrary<BadInput> = fc.nat(3).map((how) => {
  switch (how) {
    case 0:
      return bytesOf(
        'regex-backtracking',
        guidelinesWith(
          'patterns:\n  - id: slow\n    regex: "(\\\\w|\\\\d)*$"\n    message: slow\n',
        ),
      );
    case 1:
      return bytesOf(
        'giant-phrase-list',
        guidelinesWith(
          `banned_phrases:\n${Array.from({ length: 20_000 }, (_, i) => `  - phrase number ${i}\n`).join('')}`,
        ),
      );
    case 2:
      return bytesOf(
        'alias-bomb',
        guidelinesWith(
          `x: &a [a, a, a, a, a, a, a, a, a]\ny: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nz: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nbanned_phrases: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n`,
        ),
      );
    default:
      return bytesOf('long-line', guidelinesWith(`banned_phrases:\n  - ${'x'.repeat(200_000)}\n`));
  }
});

/** Hostile guidelines files. */
export const badGuidelinesFile: fc.Arbitrary<BadInput> = fc.oneof(
  noise,
  truncated(REAL_GUIDELINES, 'truncated'),
  mutated(REAL_GUIDELINES, 'mutated'),
  wrongTypes(REAL_GUIDELINES, 'wrong-types'),
  { arbitrary: guidelineExtremes, weight: 1 },
);

/**
 * Write a well-formed pairs file of at least `bytes` bytes to `path` (a temporary folder's,
 * never the repository's): distinct pairs with every default-required annotation, written a
 * megabyte at a time. Returns how many pairs it holds.
 */
export function writeHugePairsFile(path: string, bytes: number): number {
  const fd = openSync(path, 'w');
  let written = writeSync(fd, 'sft: 1\npairs:\n');
  let pairs = 0;
  try {
    while (written < bytes) {
      let chunk = '';
      while (chunk.length < 1 << 20) {
        const n = pairs++;
        chunk += `  - id: big-${n}\n    task: open_qa\n    prompt_type: instructive\n    response_type: single_sentence\n    domain: science\n    language: en\n    prompt: Question ${n.toString(36)}, why does the sky look blue on a clear day?\n    response: |\n      Air scatters blue light (${n}) more than red, so the sky looks blue from every side.\n`;
      }
      written += writeSync(fd, chunk);
    }
  } finally {
    closeSync(fd);
  }
  return pairs;
}
