/**
 * Repetition in a text: doubled words ("the the"), generation loops (the same run of
 * words three or more times in a row), repeated sentences and repeated lines. All work on
 * the integer word hashes of `word-hashes.ts`, so ordinary text costs one pass.
 */
import { scanWords, type WordScan } from './word-hashes';

/** One repetition finding, offsets into the text. */
export interface Repeat {
  kind: 'doubled' | 'loop' | 'sentence' | 'line';
  /** The repeated text (the second copy onwards). */
  start: number;
  end: number;
  /** Text to delete for the fix, [start, end), or undefined when there is no safe fix. */
  remove?: { start: number; end: number };
  /** What repeats: the word, the loop's unit, the sentence or line. */
  unit: string;
  /** For loops: how many copies in a row. */
  copies?: number;
}

/** Doubled words that are usually meant ("that that", "had had", "bye bye"). */
export const DEFAULT_ALLOWED_DOUBLES: readonly string[] = [
  'that',
  'had',
  'bye',
  'ha',
  'no',
  'so',
  'tut',
  'chop',
  'knock',
  'well',
];

/**
 * Shorter sentences and lines repeat by design in real answers: a survey's options
 * ("Yes/No/Not Sure"), a routine's steps ("Repeat for 30 seconds."), a chorus, quoted speech
 * ("The Earth is flat. The Earth is flat."), worked lines ("Therefore Jerry's Age = 10").
 */
const MIN_SENTENCE_WORDS = 8;
const MIN_LINE_WORDS = 8;
const MIN_LOOP_WORDS = 12;
/**
 * Two capitalised copies are a name ("Lang Lang", "Duran Duran", "Boutros Boutros-Ghali");
 * a capitalised word and its lower-case copy followed by `=`, `;`, `,` or `)` is a type and
 * its variable in code (`Logger logger = ...`, `(Logger logger)`).
 */
const DECLARATION_END = /^[ \t]*[=;,)]/;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/**
 * Spaces or tabs only: a word at the end of one line and again at the start of the next is
 * a list, a layout or a worked answer (`(3/2)x` / `x = 6`, `ice` / `Ice`), not a slip; a
 * folded block's line break is a space in its value and still counts.
 */
function onlyLineSpace(text: string, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09) return false;
  }
  return true;
}

function isUpper(word: string): boolean {
  const c = word.charAt(0);
  return c !== c.toLowerCase();
}

/** A doubled capitalised word that is a name or a declaration, not a slip (see DECLARATION_END). */
function isNameOrCode(text: string, first: string, second: string, end: number): boolean {
  if (!isUpper(first)) return false;
  return isUpper(second) || DECLARATION_END.test(text.slice(end, end + 8));
}

// Open-addressing table from a hash to its last two positions; stamped so it is never
// cleared. Loops, lines and sentences use it in turn (one field at a time), so ordinary
// text allocates nothing here.
let tableBits = 10;
let keys = new Int32Array(1 << tableBits);
let last = new Int32Array(1 << tableBits);
let prev = new Int32Array(1 << tableBits);
let stamps = new Int32Array(1 << tableBits);
let stamp = 0;

function prepareTable(entries: number): void {
  let bits = tableBits;
  while (1 << bits < entries * 2) bits++;
  if (bits !== tableBits) {
    tableBits = bits;
    keys = new Int32Array(1 << bits);
    last = new Int32Array(1 << bits);
    prev = new Int32Array(1 << bits);
    stamps = new Int32Array(1 << bits);
    stamp = 0;
  }
  stamp++;
}

/** Adds a key to the prepared table; false when it was already there. */
function addKey(key: number): boolean {
  const mask = (1 << tableBits) - 1;
  let slot = Math.imul(key, 0x9e3779b1) >>> (32 - tableBits);
  while (stamps[slot] === stamp && keys[slot] !== key) slot = (slot + 1) & mask;
  if (stamps[slot] === stamp) return false;
  stamps[slot] = stamp;
  keys[slot] = key;
  return true;
}

/**
 * The short run of a period that has none: no word is inside it. Read like a real run, so
 * that V8 has type feedback for the test from the first triple on; a test first reached
 * after the loop was optimised would throw the optimised loop away.
 */
const NO_RUN = [0, 0] as const;

/** Loops: runs of ≥ 3 copies of the same word sequence, at least 12 words in all. Returns [firstWord, period, length] triples. */
function findLoops(w: WordScan): number[] {
  const out: number[] = [];
  const n = w.count;
  if (n < MIN_LOOP_WORDS) return out;
  prepareTable(n);
  // Locals, not the module's bindings: this runs once per word of every field.
  const bits = tableBits;
  const mask = (1 << bits) - 1;
  const h = w.hashes;
  const k = keys,
    l0 = last,
    p0 = prev,
    st = stamps,
    now = stamp;
  let covered = 0;
  // Per period, the last run found too short to be a loop: a later triple inside it finds the
  // same run, so it is not scanned again (a passage pasted almost three times would otherwise
  // be rescanned from every word of its last copy). A period without one reads NO_RUN, so the
  // test below runs the same way for every triple (see NO_RUN).
  const short = new Map<number, readonly [number, number]>();
  for (let i = 0; i < n; i++) {
    const key = h[i];
    let slot = Math.imul(key, 0x9e3779b1) >>> (32 - bits);
    while (st[slot] === now && k[slot] !== key) slot = (slot + 1) & mask;
    if (st[slot] !== now) {
      st[slot] = now;
      k[slot] = key;
      l0[slot] = i;
      p0[slot] = -1;
      continue;
    }
    const l = l0[slot];
    const p = p0[slot];
    p0[slot] = l;
    l0[slot] = i;
    const d = i - l;
    if (p < 0 || l - p !== d || p < covered) continue;
    const seen = short.get(d) ?? NO_RUN;
    if (p >= seen[0] && i < seen[1]) continue;
    // Three occurrences at the same distance: maybe a loop of period d. Find its true extent.
    let s = p;
    while (s > covered && h[s - 1] === h[s - 1 + d]) s--;
    let run = 0;
    while (s + d + run < n && h[s + d + run] === h[s + run]) run++;
    const length = d + run;
    if (length >= 3 * d && length >= MIN_LOOP_WORDS) {
      out.push(s, d, length);
      covered = s + length;
    } else short.set(d, [s, s + length]);
  }
  return out;
}

/** Every repetition in a text; `allowed` holds lower-case words whose doubling is fine. */
export function findRepeats(text: string, allowed: ReadonlySet<string>): Repeat[] {
  const out: Repeat[] = [];
  const w = scanWords(text);
  const { starts, ends, hashes } = w;
  const loops = findLoops(w);
  let loopIndex = 0;
  for (let j = 0; j < loops.length; j += 3) {
    const [s, d, length] = [loops[j], loops[j + 1], loops[j + 2]];
    const copies = Math.floor(length / d);
    out.push({
      kind: 'loop',
      start: starts[s + d],
      end: ends[s + length - 1],
      copies,
      remove: { start: ends[s + d - 1], end: ends[s + copies * d - 1] },
      unit: text.slice(starts[s], ends[s + d - 1]),
    });
  }
  // Doubled words, outside loops.
  for (let i = 1; i < w.count; i++) {
    if (hashes[i] !== hashes[i - 1] || !w.alphabetic[i]) continue;
    while (loopIndex < loops.length && loops[loopIndex] + loops[loopIndex + 2] <= i) loopIndex += 3;
    if (loopIndex < loops.length && i >= loops[loopIndex]) continue;
    if (!onlyLineSpace(text, ends[i - 1], starts[i])) continue;
    const first = text.slice(starts[i - 1], ends[i - 1]);
    const b = text.slice(starts[i], ends[i]);
    const a = first.toLowerCase();
    if (a !== b.toLowerCase() || allowed.has(a) || isNameOrCode(text, first, b, ends[i])) continue;
    out.push({
      kind: 'doubled',
      start: starts[i],
      end: ends[i],
      remove: { start: ends[i - 1], end: ends[i] },
      unit: b,
    });
  }
  const lineSpans =
    text.indexOf('\n') >= 0 && text.indexOf('\n', text.indexOf('\n') + 1) >= 0
      ? findRepeatedLines(text, w, out)
      : [];
  findRepeatedSentences(text, w, lineSpans, loops, out);
  return out.length > 1 ? out.sort((x, y) => x.start - y.start) : out;
}

/** Whether word i is a list marker (`1.`, `2)`, `a)`) at the start of a line. */
function isMarkerWord(text: string, w: WordScan, i: number): boolean {
  const len = w.ends[i] - w.starts[i];
  const after = text.charCodeAt(w.ends[i]);
  if ((after !== 0x2e && after !== 0x29) || len > 3) return false;
  return len === 1 || !w.alphabetic[i];
}

/** Identical lines of at least three words (list markers ignored), outside code fences; compared by word hashes. */
function findRepeatedLines(text: string, w: WordScan, out: Repeat[]): Array<[number, number]> {
  prepareTable(w.count);
  const reported: Array<[number, number]> = [];
  let inFence = false;
  let word = 0;
  for (let from = 0; from <= text.length;) {
    const nl = text.indexOf('\n', from);
    const end = nl < 0 ? text.length : nl;
    let s = from;
    while (s < end && isSpace(text.charCodeAt(s))) s++;
    if (text.startsWith('```', s) || text.startsWith('~~~', s)) inFence = !inFence;
    let first = word;
    while (word < w.count && w.starts[word] < end) word++;
    if (!inFence && word - first >= MIN_LINE_WORDS) {
      if (w.starts[first] === s && isMarkerWord(text, w, first)) first++;
      const count = word - first;
      if (count >= MIN_LINE_WORDS) {
        let hash = count;
        for (let i = first; i < word; i++) hash = Math.imul(hash ^ w.hashes[i], 0x9e3779b1);
        if (!addKey(hash)) {
          let e = end;
          while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
          out.push({
            kind: 'line',
            start: s,
            end: e,
            remove: from > 0 ? { start: from - 1, end } : undefined,
            unit: text.slice(s, e),
          });
          reported.push([s, e]);
        }
      }
    }
    if (nl < 0) break;
    from = nl + 1;
  }
  return reported;
}

/** Sentences of at least four words that occur twice, outside repeated lines and loops. */
function findRepeatedSentences(
  text: string,
  w: WordScan,
  lines: Array<[number, number]>,
  loops: number[],
  out: Repeat[],
): void {
  if (w.sentenceCount < 2) return;
  prepareTable(w.sentenceCount);
  // Sentences come in text order, as do the lines and loops: one cursor into each.
  const inLine = spanCursor(
    lines.length,
    (k) => lines[k][0],
    (k) => lines[k][1],
  );
  const inLoop = spanCursor(
    loops.length / 3,
    (k) => loops[3 * k],
    (k) => loops[3 * k] + loops[3 * k + 2],
  );
  let first = 0;
  for (let k = 0; k < w.sentenceCount; k++) {
    const endWord = w.sentenceEnds[k];
    const count = endWord - first;
    if (count >= MIN_SENTENCE_WORDS) {
      let hash = count;
      for (let i = first; i < endWord; i++) hash = Math.imul(hash ^ w.hashes[i], 0x9e3779b1);
      // The first copy only goes into the table; a later one is reported.
      if (!addKey(hash) && !inLine(w.starts[first]) && !inLoop(first)) {
        const start = w.starts[first];
        let end = w.ends[endWord - 1];
        if (end < text.length && !isSpace(text.charCodeAt(end))) end++; // the terminator
        let ws = start;
        while (ws > 0 && (text.charCodeAt(ws - 1) === 0x20 || text.charCodeAt(ws - 1) === 0x09))
          ws--;
        out.push({
          kind: 'sentence',
          start,
          end,
          remove: ws < start ? { start: ws, end } : undefined,
          unit: text.slice(start, end),
        });
      }
    }
    first = endWord;
  }
}

/**
 * Whether a position is inside one of `count` spans, sorted and not overlapping, for
 * positions asked in ascending order: a cursor that only moves forward, so every question
 * together costs one pass over the spans.
 */
function spanCursor(
  count: number,
  startOf: (k: number) => number,
  endOf: (k: number) => number,
): (at: number) => boolean {
  let k = 0;
  return (at) => {
    while (k < count && endOf(k) <= at) k++;
    return k < count && startOf(k) <= at;
  };
}
