/**
 * Word counting as Unicode word segments (UAX #29), like `Intl.Segmenter` with
 * granularity "word" counts word-like segments.
 *
 * `Intl.Segmenter` is slow over long strings in Node 20, so text in scripts written with
 * spaces takes a fast path that follows the same rules for the cases that occur in prose
 * (letters, digits, marks, `_`, and `'` `’` `.` `:` between letters or `.` `,` between
 * digits joining a word). Only text with characters from scripts written without spaces
 * (Han, Kana, Thai, Lao, Khmer, Myanmar, Tibetan) goes to the segmenter, one field at a time.
 */

const NEEDS_SEGMENTER =
  /[\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff\u3040-\u30ff\u3100-\u312f\u31a0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]|[\ud840-\ud87f][\udc00-\udfff]/;
const WORD_CHAR = /[\p{L}\p{M}\p{N}\p{Pc}]/u;
// `:` joins letters in UAX #29 (MidLetter) too; `'`, `.`, `’` are MidNumLet.
const MID_LETTER = new Set([
  0x27, 0x2e, 0x3a, 0x2019, 0xb7, 0x2027, 0xfe13, 0xfe52, 0xfe55, 0xff07, 0xff0e, 0xff1a,
]);
const MID_NUM = new Set([
  0x27, 0x2c, 0x2e, 0x3b, 0x2019, 0x37e, 0x589, 0x60c, 0x60d, 0x66c, 0x7f8, 0x2044, 0xfe10, 0xfe14,
  0xfe50, 0xfe54, 0xff07, 0xff0c, 0xff0e, 0xff1b,
]);

type Kind = 0 | 1 | 2; // 0 other, 1 letter-like, 2 digit

/** Kinds of the ASCII characters, looked up instead of tested: this loop runs over every text. */
const ASCII_KIND = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f) ASCII_KIND[c] = 1;
  else if (c >= 0x30 && c <= 0x39) ASCII_KIND[c] = 2;
}

/**
 * Kinds of the BMP characters beyond ASCII, each found by Unicode property the first time it
 * is seen and stored plus one (0: not yet looked up), so text in other alphabets (Cyrillic,
 * Arabic, Devanagari, Hangul) is not tested by regex character by character.
 */
let bmpKind: Uint8Array | undefined;

function kindOf(ch: string): Kind {
  if (!WORD_CHAR.test(ch)) return 0;
  return /\p{Nd}/u.test(ch) ? 2 : 1;
}

/** Kind of the code point at i (ASCII by table, the rest by Unicode property). */
function kindAt(text: string, i: number): Kind {
  const code = text.charCodeAt(i);
  if (code < 0x80) return ASCII_KIND[code] as Kind;
  if (code >= 0xd800 && code <= 0xdfff) return kindOf(String.fromCodePoint(text.codePointAt(i)!));
  bmpKind ??= new Uint8Array(0x10000);
  let k = bmpKind[code];
  if (k === 0) {
    k = kindOf(text[i]) + 1;
    bmpKind[code] = k;
  }
  return (k - 1) as Kind;
}

function countFast(text: string, most: number): number {
  let count = 0;
  let inWord = false;
  let prev: Kind = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    const k: Kind = code < 0x80 ? (ASCII_KIND[code] as Kind) : kindAt(text, i);
    if (k !== 0) {
      if (!inWord) {
        if (++count > most) return count;
        inWord = true;
      }
      prev = k;
    } else if (inWord) {
      // Only a mid character can keep a word going, when a word character of the right
      // kind follows; most word ends are spaces, decided without looking ahead.
      const mid = (prev === 1 && MID_LETTER.has(code)) || (prev === 2 && MID_NUM.has(code));
      if (!mid || i + 1 >= n || kindAt(text, i + 1) !== prev) inWord = false;
    }
    if (code >= 0xd800 && code <= 0xdbff) i++;
  }
  return count;
}

let segmenter: Intl.Segmenter | undefined;

/**
 * The longest piece of text given to the segmenter at once. Its time grows with the square of
 * a run's length in scripts without spaces (0.7 s for 32k Han characters, a minute past 65,536):
 * over pieces of this size a 200k run takes a third of a second, close to the cost per
 * character of short strings.
 */
const PIECE = 1024;
/** How far before a cut a piece looks for a space or punctuation to end at. */
const LOOK_BACK = 128;
/** Half the window segmented to find a word boundary where a run has neither. */
const WINDOW = 32;

/** After a space or CJK punctuation, before a letter or digit: UAX #29 breaks there in any context. */
const SURE_BREAK_BEFORE = /[\p{L}\p{N}]/u;
const SURE_BREAK_AFTER = /[ \u3000\u3001\u3002\uff01\uff0c\uff1a\uff1b\uff1f]/;

function isSureBreak(text: string, i: number): boolean {
  return SURE_BREAK_AFTER.test(text[i - 1]) && SURE_BREAK_BEFORE.test(text[i]);
}

/** Where to end a piece that would end at `at`: a sure break, else a word boundary near it. */
function cutNear(text: string, at: number): number {
  for (let i = at; i > at - LOOK_BACK; i--) if (isSureBreak(text, i)) return i;
  // A run with neither spaces nor punctuation: the boundary the segmenter finds nearest to
  // `at` in a window around it (the break it makes there over the whole run, but for a word
  // that a longer context would draw across it).
  const from = at - WINDOW;
  let best = -1;
  for (const s of segmenter!.segment(text.slice(from, at + WINDOW))) {
    const b = from + s.index;
    if (b > from && Math.abs(b - at) < Math.abs(best - at)) best = b;
  }
  if (best > from) return best;
  // No boundary in the window: cut at `at`, never inside a surrogate pair.
  return /[\ud800-\udbff]/.test(text[at - 1]) ? at + 1 : at;
}

/**
 * The pieces the segmenter reads a text in: its lines (UAX #29 always breaks after a line
 * feed), and lines longer than {@link PIECE} cut at word boundaries, so segmenting is linear
 * in the text's length. Returned as `[start, end)` offsets.
 * @usedBy tests
 */
export function segmentPieces(text: string): [number, number][] {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  const out: [number, number][] = [];
  for (let start = 0; start < text.length;) {
    const lf = text.indexOf('\n', start);
    const end = lf < 0 ? text.length : lf + 1;
    while (end - start > PIECE) {
      const cut = cutNear(text, start + PIECE);
      out.push([start, cut]);
      start = cut;
    }
    out.push([start, end]);
    start = end;
  }
  return out;
}

/**
 * Count words by the segmenter (for text in scripts without spaces), one piece at a time
 * ({@link segmentPieces}): the segmenter also takes less than half the time over short
 * strings that it takes over one long one.
 * @usedBy tests
 */
export function countWordsSegmented(text: string, most = Infinity): number {
  let count = 0;
  for (const [start, end] of segmentPieces(text)) {
    for (const s of segmenter!.segment(
      start === 0 && end === text.length ? text : text.slice(start, end),
    ))
      if (s.isWordLike) count++;
    if (count > most) return count;
  }
  return count;
}

/** True when the text holds characters that only the segmenter splits correctly. */
export function needsSegmenter(text: string): boolean {
  return NEEDS_SEGMENTER.test(text);
}

/**
 * The number of words in a text, as Unicode word segments. With `most`, counting may stop
 * once past it: a result above `most` then only says "more than most".
 */
export function countWords(text: string, most = Infinity): number {
  if (!text) return 0;
  return needsSegmenter(text) ? countWordsSegmented(text, most) : countFast(text, most);
}
