/**
 * The phrase automaton against the regex it replaced: the former implementation (one `iu`
 * alternation with Unicode lookarounds) is kept below as the reference oracle, and generated
 * phrase lists and texts (mixed case, the odd case folds, apostrophes, whitespace runs, CJK,
 * overlapping phrases, phrases that are prefixes of others, lookaheads, caps) must give the
 * same matches, entry for entry.
 *
 * Fixed seed; SFT_PROPERTY_RUNS=5000 (and SFT_PROPERTY_SEED=n) run it longer.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { PhraseList, scanRegex } from '../../../src/core/rules/support/phrase-matcher';

const RUNS = Number(process.env.SFT_PROPERTY_RUNS ?? 300);
const SEED = Number(process.env.SFT_PROPERTY_SEED ?? 9);

interface Entry {
  text: string;
  id: number;
  after?: string;
}

/** The built-in lookahead of "As an AI" (default-banned-phrases.ts). */
const AFTER = '(?=\\s*(?:[,.;:!]|$))';

// ---- The reference oracle: the regex implementation the automaton replaced. ----

const WORD_EDGE = /[\p{L}\p{M}\p{N}_]/u;
const NO_SPACE_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}]/u;
const NOT_BEFORE = '(?<![\\p{L}\\p{M}\\p{N}_])';
const NOT_AFTER = '(?![\\p{L}\\p{M}\\p{N}_])';
const SPECIAL = /[\\^$.*+?()[\]{}|]/g;

function needsBoundary(ch: string): boolean {
  return WORD_EDGE.test(ch) && !NO_SPACE_SCRIPT.test(ch);
}

function phraseSource(phrase: string): string {
  const trimmed = phrase.trim();
  if (!trimmed) return '(?!)';
  const body = trimmed
    .split(/\s+/)
    .map((w) => w.replace(SPECIAL, '\\$&').replace(/['’]/g, "['’]"))
    .join('\\s+');
  const first = String.fromCodePoint(trimmed.codePointAt(0)!);
  const last = [...trimmed.slice(-2)].pop()!;
  return `${needsBoundary(first) ? NOT_BEFORE : ''}${body}${needsBoundary(last) ? NOT_AFTER : ''}`;
}

function oracle(entries: readonly Entry[], text: string, cap: number): [number, number, number][] {
  const ordered = [...entries].sort((a, b) => b.text.length - a.text.length);
  const out: [number, number, number][] = [];
  if (!ordered.length || !text) return out;
  const source = (e: Entry) => phraseSource(e.text) + (e.after ?? '');
  const re = new RegExp(ordered.map((e) => `(${source(e)})`).join('|'), 'giu');
  scanRegex(re, text, cap, (m) => {
    if (!m[0].length) return;
    let g = 1;
    while (g < m.length && m[g] === undefined) g++;
    out.push([m.index, m.index + m[0].length, ordered[g - 1].id]);
  });
  return out;
}

function automaton(entries: readonly Entry[], text: string, cap: number) {
  return new PhraseList(entries, (e) => e.after)
    .find(text, cap)
    .map((m): [number, number, number] => [m.start, m.end, m.entry.id]);
}

// ---- Generators. ----

/** Letters with every spelling `iu` matching treats as the same (and some it does not). */
const SPELLINGS = [
  ['a', 'A'],
  ['s', 'S', 'ſ'],
  ['k', 'K', '\u212a'],
  ['ß', 'ẞ'],
  ['σ', 'Σ', 'ς'],
  ['i', 'I', 'ı', 'İ'],
  ['\u0390', '\u1fd3'],
  ['é', 'É', 'e\u0301'],
  ["'", '’'],
  ['漢'],
  ['ア', 'ァ'],
  ['ไ'],
  ['_'],
  ['1'],
  ['😀'],
  ['𝐀'],
  ['.'],
  ['-'],
];
const SPACES = [' ', '  ', '\n', ' \n  ', '\t', '\u3000', '\u00a0'];
const PUNCT = [',', '!', '.', ''];

const spelling = fc.constantFrom(...SPELLINGS);
/** A word: letters, each given as its group of spellings, so texts can respell it. */
const word = fc.array(spelling, { minLength: 1, maxLength: 3 });

/** Respell a word: each letter takes the spelling `pick` chooses in its group. */
function spell(w: string[][], pick: number[]): string {
  return w.map((group, i) => group[(pick[i % pick.length] ?? 0) % group.length]).join('');
}

const picks = fc.array(fc.nat(5), { minLength: 1, maxLength: 4 });

const joint = fc.constantFrom(...SPACES);
/** Padding past the quick check's limit (QUICK_CHECK_MAX in phrase-matcher.ts). */
const LONG = Array.from({ length: 250 }, (_, i) => `q${i}x`);

/** A phrase: words of the pool, each respelled, joined by whitespace, maybe padded. */
function phraseOf(pool: string[][][]) {
  return fc.record({
    words: fc.array(fc.nat(pool.length - 1), { minLength: 1, maxLength: 3 }),
    picks,
    space: joint,
    pad: fc.constantFrom('', '', ' ', '\n'),
    after: fc.nat(3).map((n) => n === 0),
  });
}

type Phrase = { words: number[]; picks: number[]; space: string; pad: string; after: boolean };

function phraseText(pool: string[][][], p: Phrase, pick = p.picks, space = p.space): string {
  return p.words.map((w, i) => spell(pool[w], pick.slice(i))).join(space);
}

const scenario = fc
  .array(word, { minLength: 1, maxLength: 5 })
  .chain((pool) =>
    fc.array(phraseOf(pool), { minLength: 1, maxLength: 8 }).chain((phrases) => {
      const quoted = fc
        .tuple(fc.nat(phrases.length - 1), picks, joint)
        .map(([i, p, space]) => phraseText(pool, phrases[i], p, space));
      const poolWord = fc.tuple(fc.nat(pool.length - 1), picks).map(([i, p]) => spell(pool[i], p));
      const piece = fc.oneof(
        { weight: 3, arbitrary: quoted },
        poolWord,
        { weight: 3, arbitrary: fc.constantFrom(...SPACES, ...PUNCT) },
        fc.string({ unit: 'binary', maxLength: 2 }),
      );
      return fc.record({
        entries: fc.constant(
          phrases.map((p, id): Entry => ({
            text: p.words.length ? p.pad + phraseText(pool, p) + p.pad : '',
            id,
            after: p.after ? AFTER : undefined,
          })),
        ),
        blank: fc.nat(9),
        long: fc.nat(3),
        text: fc.array(piece, { maxLength: 30 }).map((ps) => ps.join('')),
        cap: fc.oneof(fc.constant(100), fc.integer({ min: 1, max: 3 })),
      });
    }),
  )
  .map(({ entries, blank, text, cap, long }) => ({
    // Now and then a blank entry, which matches nothing.
    entries: blank ? entries : [...entries, { text: ' ', id: entries.length }],
    text,
    cap,
    long: !long,
  }));

describe('phrase matcher', () => {
  it(`finds exactly what the former regex alternation found (${RUNS} lists, seed ${SEED})`, function () {
    this.timeout(60_000);
    fc.assert(
      fc.property(scenario, ({ entries, text, cap, long }) => {
        const want = oracle(entries, text, cap);
        assert.deepEqual(automaton(entries, text, cap), want);
        // A list too long for the quick check, padded with phrases the text does not hold
        // (the oracle itself is far too slow for long lists: that was the bug).
        if (long && !/q/i.test(text)) {
          const padded = [...entries, ...LONG.map((t, i) => ({ text: t, id: -1 - i }))];
          assert.deepEqual(automaton(padded, text, cap), want);
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  });

  it('the generated lists do match their texts, often more than once', function () {
    this.timeout(60_000);
    const counts = fc
      .sample(scenario, { numRuns: 200, seed: SEED })
      .map((s) => oracle(s.entries, s.text, s.cap).length);
    const some = counts.filter((n) => n > 0).length;
    const several = counts.filter((n) => n > 1).length;
    assert.ok(some > 80 && several > 25, `${some} of 200 match, ${several} more than once`);
  });

  const cases: [string, string[], string, string[]][] = [
    [
      'long s and KELVIN SIGN fold like s and k',
      ['risk'],
      'RIſK and ris\u212a',
      ['RIſK', 'ris\u212a'],
    ],
    ['dotless i is its own letter', ['if'], 'ıf İf if', ['if']],
    ['Greek letters joined by case folding alone', ['\u0390'], 'x \u1fd3 y', ['\u1fd3']],
    [
      'a whitespace run and either apostrophe',
      ["don't know"],
      'I don’t \n  KNOW',
      ['don’t \n  KNOW'],
    ],
    ['whole words only', ['cat'], 'cats concat cat_ cat1 cat.', ['cat']],
    ['no word edges in CJK', ['漢字'], '我的漢字好', ['漢字']],
    [
      'longest first, no overlaps',
      ['as an', 'as an ai', 'an ai model'],
      'as an AI model',
      ['as an AI'],
    ],
    ['prefix phrases', ['ab', 'ab cd', 'cd'], 'ab cd cd ab', ['ab cd', 'cd', 'ab']],
  ];
  for (const [name, phrases, text, want] of cases)
    it(name, () => {
      const list = new PhraseList(phrases.map((t) => ({ text: t })));
      assert.deepEqual(
        list.find(text).map((m) => text.slice(m.start, m.end)),
        want,
      );
    });

  it('a space in a phrase matches exactly what `\\s` matches, every UTF-16 unit', () => {
    const list = new PhraseList([{ text: 'a b' }]);
    const wrong: string[] = [];
    for (let u = 0; u <= 0xffff; u++) {
      const c = String.fromCharCode(u);
      if (list.find(`a${c}${c}b`).length !== (/\s/.test(c) ? 1 : 0)) wrong.push(u.toString(16));
    }
    assert.deepEqual(wrong, []);
  });

  it('an entry with a lookahead matches only where it holds', () => {
    const list = new PhraseList([{ text: 'As an AI' }], () => AFTER);
    const text = 'As an AI, I know. As an AI model. as an ai';
    assert.deepEqual(
      list.find(text).map((m) => [m.start, m.end]),
      [
        [0, 8],
        [34, 42],
      ],
    );
  });

  it('20,000 phrases compile and scan a 100 KB text', () => {
    const phrases = Array.from({ length: 20_000 }, (_, i) => ({ text: `term${i} of art`, i }));
    const filler = 'the quick brown fox jumps over the lazy dog, terms of art aside. ';
    const planted = [7, 19_999, 12_345, 500, 7];
    let text = '';
    const want: [string, number][] = [];
    for (let block = 0; text.length < 100_000; block++) {
      text += filler.repeat(20);
      const i = planted[block % planted.length];
      const shown = block % 2 ? `TERM${i} OF\n  ART` : `term${i} of art`;
      want.push([shown, i]);
      text += `${shown}; term${i}s of art. `;
    }
    assert.ok(text.length >= 100_000);
    const list = new PhraseList(phrases);
    const found = list.find(text, 1000);
    assert.deepEqual(
      found.map((m) => [text.slice(m.start, m.end), m.entry.i]),
      want,
    );
  });
});
