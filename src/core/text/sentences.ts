/**
 * Sentence counting for answer-shape checks ("is this one sentence?"). A single pass over
 * the text with one regex; a `.` ends a sentence only when it is not part of an
 * abbreviation ("e.g.", "Dr.", "U.S."), an initial ("J. K."), a decimal ("3.14") or an
 * ellipsis that runs on in lower case, or a list number ("1. Mix"). CJK `。！？`, Devanagari `।` `॥`, Arabic `؟` and Urdu
 * `۔` end a sentence wherever they stand; a blank line or a new list item ends one too.
 */

// 1: Latin-style terminators, followed by closing quotes/brackets, then space or the end.
// 2: terminators of scripts that need no space after them.  3: paragraph or list-item break.
const BOUNDARY =
  /([.!?…]+)["'”’»)\]]*(?=\s|$)|([。！？｡।॥؟۔]+)|(\n[ \t]*(?:\r?\n|(?=(?:[-*•]|\d+[.)])[ \t])))/g;
const NON_SPACE = /\S/g;
const ABBREVIATIONS = new Set([
  'e.g',
  'i.e',
  'etc',
  'vs',
  'cf',
  'approx',
  'ca',
  'viz',
  'al',
  'dr',
  'mr',
  'mrs',
  'ms',
  'prof',
  'st',
  'jr',
  'sr',
  'no',
  'nos',
  'fig',
  'figs',
  'vol',
  'p',
  'pp',
  'ch',
  'sec',
  'inc',
  'ltd',
  'co',
  'corp',
  'dept',
  'est',
  'gen',
  'gov',
  'mt',
  'ft',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
]);
const DOTTED = /^(?:\p{L}\.)+\p{L}$/u;
const LETTER_OR_DOT = /[\p{L}.]/u;
const LOWER_START = /^\p{Ll}/u;

/*
 * The checks below run at every full stop of every text a rule counts, so ASCII (almost all
 * of it) is decided by character code; only other characters go to the Unicode regexes.
 */

/** True when the code unit at i is a letter or a `.` (as LETTER_OR_DOT tests it). */
function isLetterOrDot(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return c === 0x2e || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  return LETTER_OR_DOT.test(text[i]);
}

/** True when the text at i starts with a lower-case letter (as LOWER_START tests it). */
function isLowerAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return c >= 0x61 && c <= 0x7a;
  return LOWER_START.test(text.slice(i, i + 2));
}

/** Offset of the first non-space character at or after `from` (as `\S` finds it), or -1. */
function nextNonSpace(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) continue;
    if (c < 0x80) return i;
    NON_SPACE.lastIndex = i;
    return NON_SPACE.exec(text)?.index ?? -1;
  }
  return -1;
}

/** First non-space at or after `from`, else the text's length. */
function firstContent(text: string, from: number): number {
  const i = nextNonSpace(text, from);
  return i < 0 ? text.length : i;
}

/** The word (letters and inner dots) that ends just before `end`, lower-cased; at most 12 characters. */
function wordBefore(text: string, end: number): string {
  let i = end;
  while (i > 0 && end - i < 12 && isLetterOrDot(text, i - 1)) i--;
  while (i < end && text.charCodeAt(i) === 0x2e) i++; // leading dots end the text before
  return text.slice(i, end).toLowerCase();
}

/** True when a single `.` at `dot` belongs to an abbreviation or an initial rather than ending a sentence. */
function isAbbreviation(text: string, dot: number): boolean {
  const word = wordBefore(text, dot);
  if (!word) return false;
  if (ABBREVIATIONS.has(word) || (word.includes('.') && DOTTED.test(word))) return true;
  // A single capital letter: an initial, as in "J. K. Rowling".
  return word.length === 1 && text[dot - 1] !== text[dot - 1].toLowerCase();
}

/** True when a `.` at `dot` ends a list number at the start of a line ("1. Mix"). */
function isListNumber(text: string, dot: number): boolean {
  let i = dot;
  while (i > 0 && dot - i < 4 && text.charCodeAt(i - 1) >= 0x30 && text.charCodeAt(i - 1) <= 0x39)
    i--;
  if (i === dot) return false;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  return i === 0 || text[i - 1] === '\n';
}

/**
 * The number of sentences in a text (0 for blank text). Stops counting once it passes
 * `stopAfter`, for callers that only need to know "more than one".
 */
export function countSentences(text: string, stopAfter = Infinity): number {
  let count = 0;
  let segmentStart = 0;
  // First non-space at or after segmentStart; reused while still ahead, so scanning stays linear.
  let content = -1;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text); m; m = BOUNDARY.exec(text)) {
    const end = m.index + m[0].length;
    if (m[1] !== undefined) {
      const next = nextNonSpace(text, end);
      // Lower case after the stop: an abbreviation or an ellipsis mid-sentence ("approx. ten", "so... then").
      if (next >= 0 && isLowerAt(text, next)) continue;
      if (m[1] === '.' && (isAbbreviation(text, m.index) || isListNumber(text, m.index))) continue;
    }
    if (content < segmentStart) content = firstContent(text, segmentStart);
    if (content < m.index + (m[3] !== undefined ? 0 : 1)) {
      count++;
      if (count > stopAfter) return count;
    }
    segmentStart = end;
  }
  if (content < segmentStart) content = firstContent(text, segmentStart);
  if (content < text.length && !(count > 0 && isAttribution(text, content))) count++;
  return count;
}

/**
 * A last segment that credits the sentence before it rather than saying something:
 * "(attributed to Albert Einstein)", "— Albert Einstein".
 */
function isAttribution(text: string, from: number): boolean {
  const tail = text.slice(from).trimEnd();
  if (tail.length > 80 || tail.includes('\n')) return false;
  return /^\([^()]*\)$/.test(tail) || /^[—–-]\s*\p{Lu}[^.!?]*$/u.test(tail);
}
