/**
 * A small sketch of the question a reading-comprehension prompt asks, for near-duplicate.
 * Pairs that quote one passage for many questions have nearly the same prompt; what tells
 * them apart is the question. The sketch keeps the content words of the prompt's questions
 * (text ending in `?`, and `Question:` / `Q:` lines) as sorted distinct hashes:
 * function words are dropped, `Steve's` counts as `Steve`, the question words (who,
 * what, where ...) are kept, since they name what is asked, and a kinship word brings its
 * broader word along (`mother` adds `parent`), so a question reworded that way still reads as
 * the same request narrowed.
 */
import { hashWord, scanWords } from '../text/word-hashes';

/** More distinct content words than this is no longer a question: the prompt gets no sketch. */
const MAX_WORDS = 64;

/** Words from a line's start to its question mark beyond which the run is a passage, not a question. */
const LONG_RUN = 40;

// Words that change no question's meaning: articles, prepositions, auxiliaries, and the
// words prompt templates wrap a question in. Question words are not among them.
const FUNCTION_WORDS = new Set(
  (
    'a an the of in on at to for from by with about as into onto and or but ' +
    'is are was were be been being am do does did done have has had having ' +
    'it its that this these those following question answer'
  )
    .split(' ')
    .map(hashWord),
);

// A question word by another name asks the same thing.
const SAME_AS = new Map([
  [hashWord('whom'), hashWord('who')],
  [hashWord('whose'), hashWord('who')],
]);

// A narrower word asks what its broader word asks, narrowed: "Who was He's mother?" asks for a
// parent of He. The sketch keeps both words; compareQuestions reads the narrower one apart.
const BROADER = new Map(
  [
    ['parent', 'mother father mom dad'],
    ['child', 'son daughter'],
    ['spouse', 'husband wife'],
    ['sibling', 'brother sister'],
  ].flatMap(([broad, narrow]) => narrow.split(' ').map((w) => [hashWord(w), hashWord(broad)])),
);

const LABELS = new Set(['question', 'q'].map(hashWord));
const POSSESSIVE = /['’]s$/i;

/** A question mark between two words (a bit of {@link gapAfter}'s result). */
const QUESTION = 1;
/** A line break between two words, or the end of the text. */
const LINE = 2;

/**
 * What lies between two words, as bits: {@link QUESTION}, {@link LINE} (either may be
 * absent). Bits, not an object: it runs for every word of every question prompt.
 */
function gapAfter(text: string, from: number, to: number): number {
  let question = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) return question | LINE;
    if (c === 0x3f || c === 0xff1f) question = QUESTION;
  }
  return question | (to >= text.length ? LINE : 0);
}

/** A content word's hash, or undefined for a function word. */
function contentHash(text: string, start: number, end: number, hash: number): number | undefined {
  const word = text.slice(start, end);
  const h = POSSESSIVE.test(word) ? hashWord(word.slice(0, -2)) : hash;
  if (FUNCTION_WORDS.has(h)) return undefined;
  return SAME_AS.get(h) ?? h;
}

/**
 * The question sketch of a prompt: the sorted distinct hashes of the content words of its
 * questions; undefined when the prompt asks no question this can see (no `?`, no `Question:`
 * line) or asks one too long to be a question. A question runs from the start of its line,
 * or from the question mark before it on the line, to its question mark, so an abbreviation
 * or a title inside it (`Mount St. Helens`, `Brilliant! Tragic!`) does not cut it short; in a
 * longer run (a passage line that ends in a question) only the last sentence is the question.
 * A `Question:` line is a question to its end.
 */
export function questionSketch(prompt: string): Int32Array | undefined {
  const scan = scanWords(prompt);
  const words = new Set<number>();
  let found = false;
  let from = 0;
  let lineStart = true;
  let labelled = false;
  let sentence = 0; // the first word of w's sentence
  let ends = 0;
  for (let w = 0; w < scan.count; w++) {
    while (ends < scan.sentenceCount && scan.sentenceEnds[ends] <= w)
      sentence = scan.sentenceEnds[ends++];
    if (w === from && lineStart)
      labelled = LABELS.has(scan.hashes[w]) && prompt.charCodeAt(scan.ends[w]) === 0x3a; // ':'
    const next = w + 1 < scan.count ? scan.starts[w + 1] : prompt.length;
    const gap = gapAfter(prompt, scan.ends[w], next);
    const question = (gap & QUESTION) !== 0;
    const line = (gap & LINE) !== 0;
    if (question || (line && labelled)) {
      found = true;
      // A long run is a passage that ends in a question: its last sentence is the question.
      const start = w + 1 - from > LONG_RUN ? Math.max(from, sentence) : from;
      for (let i = start; i <= w; i++) {
        const h = contentHash(prompt, scan.starts[i], scan.ends[i], scan.hashes[i]);
        if (h === undefined) continue;
        words.add(h);
        const broader = BROADER.get(h);
        if (broader !== undefined) words.add(broader);
      }
      if (words.size > MAX_WORDS) return undefined;
    }
    if (question || line) {
      from = w + 1;
      lineStart = line;
      if (line) labelled = false;
    }
  }
  return found ? Int32Array.from(words).sort() : undefined;
}

/**
 * How two question sketches compare: `same` when they hold the same words, `contained` when
 * one adds words the other lacks but not both ways (a question narrowed or reworded with a
 * word more), `different` when each asks something the other does not. A narrower word on one
 * side only ("Who was He's mother?" where the other asks for a parent of He) adds no word, as
 * both sides hold its broader one, but narrows the question: `contained` at most. Narrower
 * words on both sides (mother, father) ask for different people: `different`.
 */
export function compareQuestions(a: Int32Array, b: Int32Array): 'same' | 'contained' | 'different' {
  let i = 0;
  let j = 0;
  let onlyA = false;
  let onlyB = false;
  let narrowerA = false;
  let narrowerB = false;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i] < b[j])) {
      if (BROADER.has(a[i])) narrowerA = true;
      else onlyA = true;
      i++;
    } else if (i >= a.length || b[j] < a[i]) {
      if (BROADER.has(b[j])) narrowerB = true;
      else onlyB = true;
      j++;
    } else {
      i++;
      j++;
    }
  }
  const moreA = onlyA || (narrowerA && narrowerB);
  const moreB = onlyB || (narrowerA && narrowerB);
  if (moreA && moreB) return 'different';
  return moreA || moreB || narrowerA || narrowerB ? 'contained' : 'same';
}
