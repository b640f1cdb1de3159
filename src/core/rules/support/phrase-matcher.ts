/**
 * Matching lists of phrases (banned phrases, harmful terms) in field text: one compiled
 * regex per list, so a field is scanned once whatever the list's length.
 *
 * A phrase matches case-insensitively, with any run of whitespace (a folded line break
 * included) where the phrase has a space, either apostrophe (' or ’) where it has one, and
 * whole words only at edges that are letters or digits. Edges in scripts written without
 * spaces (Han, Kana, Thai ...) have no word boundary to respect, so they match anywhere.
 */

const WORD_EDGE = /[\p{L}\p{M}\p{N}_]/u;
const NO_SPACE_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}]/u;
const NOT_BEFORE = '(?<![\\p{L}\\p{M}\\p{N}_])';
const NOT_AFTER = '(?![\\p{L}\\p{M}\\p{N}_])';
const SPECIAL = /[\\^$.*+?()[\]{}|]/g;

function needsBoundary(ch: string): boolean {
  return WORD_EDGE.test(ch) && !NO_SPACE_SCRIPT.test(ch);
}

/** Regex source for the words of a phrase without its edges; '' for a blank phrase. */
function phraseBody(phrase: string): string {
  const trimmed = phrase.trim();
  return trimmed
    ? trimmed
        .split(/\s+/)
        .map((w) => w.replace(SPECIAL, '\\$&').replace(/['’]/g, "['’]"))
        .join('\\s+')
    : '';
}

/** Regex source for a phrase (to be compiled with the `iu` flags). */
export function phraseSource(phrase: string): string {
  const trimmed = phrase.trim();
  if (!trimmed) return '(?!)';
  const body = phraseBody(trimmed);
  const first = String.fromCodePoint(trimmed.codePointAt(0)!);
  const last = [...trimmed.slice(-2)].pop()!;
  return `${needsBoundary(first) ? NOT_BEFORE : ''}${body}${needsBoundary(last) ? NOT_AFTER : ''}`;
}

/** One match of a phrase list: value offsets and the entry that matched. */
export interface PhraseMatch<T> {
  start: number;
  end: number;
  entry: T;
}

/** Scan with a global regex, at most `cap` matches, stepping over empty matches. */
export function scanRegex(
  re: RegExp,
  text: string,
  cap: number,
  onMatch: (m: RegExpExecArray) => void,
): void {
  re.lastIndex = 0;
  for (let n = 0; n < cap; n++) {
    const m = re.exec(text);
    if (!m) break;
    if (m[0].length === 0) {
      // An empty match would match again at the same place forever: step one code point.
      const c = text.charCodeAt(m.index);
      re.lastIndex = m.index + (c >= 0xd800 && c <= 0xdbff && re.unicode ? 2 : 1);
    }
    onMatch(m);
  }
  re.lastIndex = 0;
}

/**
 * A compiled list of phrases. At one place the longest phrase wins ("As an AI language
 * model" over "As an AI"); matches do not overlap.
 */
export class PhraseList<T extends { text: string }> {
  private readonly re: RegExp | undefined;
  /**
   * The phrases' words without the word-edge lookarounds: it matches wherever `re` does,
   * and being free of lookbehinds at every position it rules most texts out several
   * times faster than `re` would scan them.
   */
  private readonly maybe: RegExp | undefined;
  private readonly ordered: T[];

  /** `source` overrides the regex source of an entry (built-in entries with a lookahead). */
  constructor(entries: readonly T[], source: (entry: T) => string = (e) => phraseSource(e.text)) {
    this.ordered = [...entries].sort((a, b) => b.text.length - a.text.length);
    this.re = this.ordered.length
      ? new RegExp(this.ordered.map((e) => `(${source(e)})`).join('|'), 'giu')
      : undefined;
    // Only a source that is the phrase's own (plus a lookahead) must match its words.
    const bodies = this.ordered.map((e) =>
      source(e).startsWith(phraseSource(e.text)) ? phraseBody(e.text) : '',
    );
    this.maybe = bodies.every((b) => b) ? new RegExp(bodies.join('|'), 'iu') : undefined;
  }

  /** Matches in `text`, value offsets, at most `cap`. */
  find(text: string, cap = 100): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    if (!this.re || !text || (this.maybe && !this.maybe.test(text))) return out;
    scanRegex(this.re, text, cap, (m) => {
      if (!m[0].length) return;
      let g = 1;
      while (g < m.length && m[g] === undefined) g++;
      out.push({ start: m.index, end: m.index + m[0].length, entry: this.ordered[g - 1] });
    });
    return out;
  }
}
