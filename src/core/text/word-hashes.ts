/**
 * A fast, allocation-free pass over a text's words: each word's offsets and a
 * case-folded 32-bit hash, so rules can compare words (doubled words, loops, repeated
 * sentences) as integers instead of building strings.
 *
 * Word boundaries here are for comparing words, not for counting them (see `words.ts`):
 * letters, digits, marks and `_`, with `'` and `’` inside a word; each Han or Kana character
 * is a word of its own.
 */

/** The words of one text. Arrays are reused between calls: read them before the next scan. */
export interface WordScan {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  hashes: Int32Array;
  /** 1 when the word has a letter from an alphabet that writes doubled words as typos (Latin, Greek, Cyrillic). */
  alphabetic: Uint8Array;
  /** Sentence ends, as the index one past each sentence's last word. */
  sentenceEnds: Int32Array;
  sentenceCount: number;
}

const EMPTY = new Int32Array(0);
const scan: WordScan = {
  count: 0,
  starts: EMPTY,
  ends: EMPTY,
  hashes: EMPTY,
  alphabetic: new Uint8Array(0),
  sentenceEnds: EMPTY,
  sentenceCount: 0,
};

/** Room for `cap` words (a scan that ran out starts again, so nothing is copied). */
function allocate(cap: number): void {
  scan.starts = new Int32Array(cap);
  scan.ends = new Int32Array(cap);
  scan.hashes = new Int32Array(cap);
  scan.alphabetic = new Uint8Array(cap);
  scan.sentenceEnds = new Int32Array(cap);
}

// The arrays are assigned here, not in the literal: V8 takes a field never assigned again for
// a constant and compiles it into the optimised scan, which the first `allocate` after that
// would throw away.
allocate(256);

// ASCII classes: 0 other, 1 word character, 2 sentence terminator, 3 apostrophe (inside a word).
const ASCII_CLASS = new Uint8Array(128);
const ASCII_FOLD = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  ASCII_FOLD[c] = c >= 0x41 && c <= 0x5a ? c + 32 : c;
  ASCII_CLASS[c] =
    (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f
      ? 1
      : c === 0x2e || c === 0x21 || c === 0x3f
        ? 2
        : c === 0x27
          ? 3
          : 0;
}

/** 0 not a word character, 1 word character, 2 sentence terminator. */
function classify(c: number): 0 | 1 | 2 {
  if (c < 0x80) {
    if (
      (c >= 0x61 && c <= 0x7a) ||
      (c >= 0x41 && c <= 0x5a) ||
      (c >= 0x30 && c <= 0x39) ||
      c === 0x5f
    )
      return 1;
    return c === 0x2e || c === 0x21 || c === 0x3f ? 2 : 0;
  }
  if (c <= 0xbf) return c === 0xaa || c === 0xb5 || c === 0xba ? 1 : 0;
  if (c === 0xd7 || c === 0xf7) return 0;
  if (
    c === 0x3002 ||
    c === 0xff01 ||
    c === 0xff1f ||
    c === 0x61f ||
    c === 0x6d4 ||
    c === 0x964 ||
    c === 0x965
  )
    return 2;
  if (
    (c >= 0x2000 && c <= 0x2bff) ||
    (c >= 0x3000 && c <= 0x303f) ||
    (c >= 0xfe00 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff0f)
  )
    return 0;
  if ((c >= 0xff1a && c <= 0xff20) || (c >= 0xff3b && c <= 0xff40) || (c >= 0xff5b && c <= 0xff65))
    return 0;
  if (
    c === 0x60c ||
    c === 0x61b ||
    (c >= 0x66a && c <= 0x66d) ||
    c === 0x5be ||
    c === 0x5c0 ||
    c === 0x5c3 ||
    c === 0x5f3 ||
    c === 0x5f4
  )
    return 0;
  return 1;
}

/** Simple case folding for Latin-1, Greek and Cyrillic capitals; enough to compare words. */
function fold(c: number): number {
  if (c >= 0x41 && c <= 0x5a) return c + 32;
  if (c < 0xc0) return c;
  if (c <= 0xde && c !== 0xd7) return c + 32;
  if (c >= 0x391 && c <= 0x3a9) return c + 32;
  if (c >= 0x410 && c <= 0x42f) return c + 32;
  if (c >= 0x400 && c <= 0x40f) return c + 80;
  return c;
}

function isIdeograph(c: number): boolean {
  return (
    (c >= 0x3040 && c <= 0x30ff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff)
  );
}

function isAlphabet(c: number): boolean {
  return (
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x370 && c <= 0x52f)
  );
}

/** The hash `scanWords` gives a word (for look-up tables of words). */
export function hashWord(word: string): number {
  let hash = -2128831035;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ fold(word.charCodeAt(i)), 16777619);
  return hash;
}

/**
 * Scan the words and sentences of text[0, limit). Sentences end at `.`, `!`, `?` (and their
 * CJK, Arabic, Devanagari forms) before a space, and at line breaks.
 */
export function scanWords(text: string, limit = text.length): WordScan {
  const len = Math.min(limit, text.length);
  // A text with more words than the arrays hold is scanned again after they grow: the
  // scanning loop itself never calls `allocate`. Called only from a text longer than any before,
  // that call would have no type feedback when V8 optimises the loop, and reaching it would
  // throw the optimised loop away and compile it again (a few milliseconds of a one-shot run).
  while (!scanInto(text, len)) allocate(scan.starts.length * 2);
  return scan;
}

/** Fills `scan` with the words of text[0, len); false when the arrays are too small. */
function scanInto(text: string, len: number): boolean {
  let n = 0;
  let sentences = 0;
  let inWord = false;
  let hash = 0;
  let alpha = 0;
  // The arrays in locals: the loop reads every character.
  const { starts, ends, hashes, alphabetic, sentenceEnds } = scan;
  const room = starts.length;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      // ASCII fast path (most text): table look-ups, no calls.
      const a = ASCII_CLASS[c];
      if (a === 1 || (a === 3 && inWord && i + 1 < len && classify(text.charCodeAt(i + 1)) === 1)) {
        if (!inWord) {
          if (n === room) return false;
          starts[n] = i;
          hash = -2128831035;
          alpha = 0;
          inWord = true;
        }
        hash = Math.imul(hash ^ ASCII_FOLD[c], 16777619);
        if (c >= 0x41) alpha = 1;
        continue;
      }
      if (inWord) {
        ends[n] = i;
        hashes[n] = hash;
        alphabetic[n] = alpha;
        n++;
        inWord = false;
      }
      if ((a === 2 && (i + 1 >= len || text.charCodeAt(i + 1) <= 0x20)) || c === 0x0a) {
        if (sentences === 0 ? n > 0 : sentenceEnds[sentences - 1] < n) {
          if (sentences === room) return false;
          sentenceEnds[sentences++] = n;
        }
      }
      continue;
    }
    // Emoji (surrogate pairs of the symbol planes) separate words; other astral letters join them.
    let k = c >= 0xd83c && c <= 0xd83e ? 0 : classify(c);
    if (
      k !== 1 &&
      inWord &&
      (c === 0x27 || c === 0x2019) &&
      i + 1 < len &&
      classify(text.charCodeAt(i + 1)) === 1
    )
      k = 1;
    if (k === 1 && isIdeograph(c)) {
      // Han and kana are written without spaces: one character, one word (close enough to comparing words).
      if (inWord) {
        ends[n] = i;
        hashes[n] = hash;
        alphabetic[n] = alpha;
        n++;
        inWord = false;
      }
      if (n === room) return false;
      starts[n] = i;
      ends[n] = i + 1;
      hashes[n] = Math.imul(-2128831035 ^ c, 16777619);
      alphabetic[n] = 0;
      n++;
      continue;
    }
    if (k === 1) {
      if (!inWord) {
        if (n === room) return false;
        starts[n] = i;
        hash = -2128831035;
        alpha = 0;
        inWord = true;
      }
      hash = Math.imul(hash ^ fold(c), 16777619);
      if (alpha === 0 && isAlphabet(c)) alpha = 1;
      continue;
    }
    if (inWord) {
      ends[n] = i;
      hashes[n] = hash;
      alphabetic[n] = alpha;
      n++;
      inWord = false;
    }
    if (c >= 0xd83c && c <= 0xd83e) {
      i++;
      continue;
    }
    const terminator = k === 2 && (i + 1 >= len || text.charCodeAt(i + 1) <= 0x20 || c >= 0x80);
    if ((terminator || c === 0x0a) && (sentences === 0 ? n > 0 : sentenceEnds[sentences - 1] < n)) {
      if (sentences === room) return false;
      sentenceEnds[sentences++] = n;
    }
  }
  if (inWord) {
    ends[n] = len;
    hashes[n] = hash;
    alphabetic[n] = alpha;
    n++;
  }
  if (n > 0 && (sentences === 0 || sentenceEnds[sentences - 1] < n)) {
    if (sentences === room) return false;
    sentenceEnds[sentences++] = n;
  }
  scan.count = n;
  scan.sentenceCount = sentences;
  return true;
}
