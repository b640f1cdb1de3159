/**
 * Matching lists of phrases (banned phrases, harmful terms) in field text: one automaton per
 * list (phrase-automaton.ts), built on first use, so a field is read once whatever the
 * list's length, and twenty thousand phrases cost no more to scan than twenty.
 *
 * A phrase matches case-insensitively (Unicode simple case folding, as the `iu` regex flags
 * compare: `ſ` matches s, KELVIN SIGN matches k), with any run of whitespace (a folded line
 * break included) where the phrase has a space, either apostrophe (' or ’) where it has one,
 * and whole words only at edges that are letters, marks, digits or underscore. Edges in
 * scripts written without spaces (Han, Kana, Thai ...) have no word boundary to respect, so
 * they match anywhere. At one place the longest phrase wins; matches do not overlap.
 */
import { PhraseAutomaton, phraseTokens, type PhraseHit } from './phrase-automaton';

const WORD_EDGE = /[\p{L}\p{M}\p{N}_]/u;
/** A text character next to a word edge: the class the former `iu` lookarounds tested. */
const WORD_CHAR = /[\p{L}\p{M}\p{N}_]/iu;
const SPECIAL = /[\\^$.*+?()[\]{}|]/g;
/**
 * Lists up to this long also get a quick regex of their phrases' words (no edges, no
 * lookbehinds) that rules out most fields before the automaton reads them: V8 runs a small
 * alternation of literals several times faster than a script loop. A long alternation is
 * slow to compile and to run, so long lists go straight to the automaton.
 */
const QUICK_CHECK_MAX = 200;
const NO_SPACE_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}]/u;

function needsBoundary(ch: string): boolean {
  return WORD_EDGE.test(ch) && !NO_SPACE_SCRIPT.test(ch);
}

/** Whether the code point that ends before `at` is a word character. */
function wordBefore(text: string, at: number): boolean {
  if (at <= 0) return false;
  const c = text.charCodeAt(at - 1);
  const from = c >= 0xdc00 && c <= 0xdfff && at >= 2 && isHigh(text.charCodeAt(at - 2)) ? 2 : 1;
  return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(at - from)!));
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/** Whether the code point that starts at `at` is a word character. */
function wordAfter(text: string, at: number): boolean {
  return at < text.length && WORD_CHAR.test(String.fromCodePoint(text.codePointAt(at)!));
}

/** Regex source for the words of a phrase without its edges (a non-blank phrase). */
function phraseWords(phrase: string): string {
  return phrase
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(SPECIAL, '\\$&').replace(/['’]/g, "['’]"))
    .join('\\s+');
}

/** What a phrase requires around it, beyond its tokens. */
interface Edges {
  before: boolean;
  after: boolean;
  lookahead: RegExp | undefined;
}

function edgesOf(phrase: string, lookahead: string | undefined): Edges {
  const trimmed = phrase.trim();
  const first = trimmed ? String.fromCodePoint(trimmed.codePointAt(0)!) : '';
  const last = trimmed ? [...trimmed.slice(-2)].pop()! : '';
  return {
    before: !!first && needsBoundary(first),
    after: !!last && needsBoundary(last),
    lookahead: lookahead ? new RegExp(lookahead, 'iuy') : undefined,
  };
}

interface Compiled {
  automaton: PhraseAutomaton;
  edges: Edges[];
  /** Matches wherever a phrase could (see QUICK_CHECK_MAX); undefined for long lists. */
  quick: RegExp | undefined;
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
  private readonly ordered: T[];
  private built: Compiled | undefined;

  /**
   * `lookahead` gives an entry a regex (no capture groups) that must match where the
   * phrase ends without being part of it: built-in entries that keep off ordinary prose.
   */
  constructor(
    entries: readonly T[],
    private readonly lookahead: (entry: T) => string | undefined = () => undefined,
  ) {
    this.ordered = [...entries].sort((a, b) => b.text.length - a.text.length);
  }

  private build(): Compiled {
    if (this.built) return this.built;
    const phrases = this.ordered.filter((e) => e.text.trim());
    this.built = {
      automaton: new PhraseAutomaton(this.ordered.map((e) => phraseTokens(e.text))),
      edges: this.ordered.map((e) => edgesOf(e.text, this.lookahead(e))),
      quick:
        phrases.length && phrases.length <= QUICK_CHECK_MAX
          ? new RegExp(phrases.map((e) => phraseWords(e.text)).join('|'), 'iu')
          : undefined,
    };
    return this.built;
  }

  /** Matches in `text`, value offsets, at most `cap`. */
  find(text: string, cap = 100): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    if (!this.ordered.length || !text) return out;
    const { automaton, edges, quick } = this.build();
    if (quick && !quick.test(text)) return out;
    const accept = (index: number, start: number, end: number): boolean => {
      const e = edges[index];
      if (e.before && wordBefore(text, start)) return false;
      if (e.after && wordAfter(text, end)) return false;
      if (!e.lookahead) return true;
      e.lookahead.lastIndex = end;
      return e.lookahead.test(text);
    };
    let hit: PhraseHit | undefined;
    for (let from = 0; out.length < cap && (hit = automaton.leftmost(text, from, accept));) {
      out.push({ start: hit.start, end: hit.end, entry: this.ordered[hit.index] });
      from = hit.end;
    }
    return out;
  }
}
