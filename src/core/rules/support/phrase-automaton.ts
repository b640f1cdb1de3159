/**
 * An Aho-Corasick automaton over phrase tokens: a text is read once, left to right, whatever
 * the number of phrases, and building it is linear in the phrases' total length.
 *
 * Tokens are case-folded code points (see case-fold.ts), both apostrophes as one, and a
 * whole run of whitespace as one SPACE token, so the automaton's equality is the matching
 * the phrase list documents. Which of the phrases found are accepted (word edges, a
 * lookahead) is the caller's decision, through `accept`.
 */
import { foldCodePoint } from './case-fold';

/** The token for a run of whitespace (outside the code point range). */
const SPACE = 0x110000;
const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;

/** Whitespace as `\s` and `String.prototype.trim` define it, by UTF-16 unit (U+2000-U+200A aside). */
const WHITESPACE = new Set([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
]);

function isSpace(c: number): boolean {
  if (c > 0x20 && c < 0xa0) return false;
  return WHITESPACE.has(c) || (c >= 0x2000 && c <= 0x200a);
}

function tokenCode(cp: number): number {
  return cp === RIGHT_QUOTE ? APOSTROPHE : foldCodePoint(cp);
}

/** The tokens of a phrase: its words' folded code points, SPACE between words; [] if blank. */
export function phraseTokens(phrase: string): number[] {
  const trimmed = phrase.trim();
  const out: number[] = [];
  if (!trimmed) return out;
  for (const word of trimmed.split(/\s+/)) {
    if (out.length) out.push(SPACE);
    for (const ch of word) out.push(tokenCode(ch.codePointAt(0)!));
  }
  return out;
}

/** A phrase found by the automaton: value offsets and the phrase's index. */
export interface PhraseHit {
  start: number;
  end: number;
  index: number;
}

/** Decides whether phrase `index`, found at text[start, end), counts as a match. */
export type AcceptHit = (index: number, start: number, end: number) => boolean;

/** The automaton of a list of token sequences; an index earlier in the list has priority. */
export class PhraseAutomaton {
  /** Per node: its one child's token and node (-1 for none), or all children in a map. */
  private readonly edgeCode: number[] = [-1];
  private readonly edgeNode: number[] = [-1];
  private readonly edges: (Map<number, number> | undefined)[] = [undefined];
  private readonly depth: number[] = [0];
  /** Per node: the phrase indices that end there, in priority order. */
  private readonly ends: (number[] | undefined)[] = [undefined];
  private readonly fail: Int32Array;
  /** Per node: the longest proper suffix node where a phrase ends, 0 for none. */
  private readonly dict: Int32Array;
  private readonly mask: number;

  constructor(phrases: readonly (readonly number[])[]) {
    let longest = 0;
    phrases.forEach((tokens, index) => {
      if (!tokens.length) return;
      let node = 0;
      for (const code of tokens) node = this.childOrNew(node, code);
      (this.ends[node] ??= []).push(index);
      longest = Math.max(longest, tokens.length);
    });
    let size = 1;
    while (size <= longest) size *= 2;
    this.mask = size - 1;
    this.fail = new Int32Array(this.depth.length);
    this.dict = new Int32Array(this.depth.length);
    this.link();
  }

  private child(node: number, code: number): number {
    const many = this.edges[node];
    if (many) return many.get(code) ?? -1;
    return this.edgeCode[node] === code ? this.edgeNode[node] : -1;
  }

  private childOrNew(node: number, code: number): number {
    const found = this.child(node, code);
    if (found >= 0) return found;
    const made = this.depth.length;
    this.edgeCode.push(-1);
    this.edgeNode.push(-1);
    this.edges.push(undefined);
    this.depth.push(this.depth[node] + 1);
    this.ends.push(undefined);
    const many = this.edges[node];
    if (many) many.set(code, made);
    else if (this.edgeNode[node] < 0) {
      this.edgeCode[node] = code;
      this.edgeNode[node] = made;
    } else {
      this.edges[node] = new Map([
        [this.edgeCode[node], this.edgeNode[node]],
        [code, made],
      ]);
    }
    return made;
  }

  private forEachChild(node: number, each: (code: number, child: number) => void): void {
    const many = this.edges[node];
    if (many) many.forEach((child, code) => each(code, child));
    else if (this.edgeNode[node] >= 0) each(this.edgeCode[node], this.edgeNode[node]);
  }

  /** Failure and dictionary links, breadth first. */
  private link(): void {
    const queue = [0];
    for (let q = 0; q < queue.length; q++) {
      const node = queue[q];
      this.forEachChild(node, (code, child) => {
        if (node) {
          let f = this.fail[node];
          while (f && this.child(f, code) < 0) f = this.fail[f];
          const to = this.child(f, code);
          this.fail[child] = to >= 0 ? to : 0;
        }
        const f = this.fail[child];
        this.dict[child] = this.ends[f] ? f : this.dict[f];
        queue.push(child);
      });
    }
  }

  private step(state: number, code: number): number {
    for (;;) {
      const next = this.child(state, code);
      if (next >= 0) return next;
      if (!state) return 0;
      state = this.fail[state];
    }
  }

  /**
   * The accepted phrase that starts first at or after `from`, the earliest in the list
   * among those starting there. Reads on only while a phrase could still start earlier.
   */
  leftmost(text: string, from: number, accept: AcceptHit): PhraseHit | undefined {
    const starts = new Int32Array(this.mask + 1);
    let best: PhraseHit | undefined;
    let state = 0;
    let k = 0;
    for (let i = from; i < text.length;) {
      starts[k++ & this.mask] = i;
      const cp = text.codePointAt(i)!;
      if (isSpace(cp)) {
        while (++i < text.length && isSpace(text.charCodeAt(i)));
        state = this.step(state, SPACE);
      } else {
        i += cp > 0xffff ? 2 : 1;
        state = this.step(state, tokenCode(cp));
      }
      for (let node = this.ends[state] ? state : this.dict[state]; node; node = this.dict[node]) {
        const start = starts[(k - this.depth[node]) & this.mask];
        if (best && start > best.start) break;
        for (const index of this.ends[node]!) {
          if (best && start === best.start && index >= best.index) break;
          if (accept(index, start, i)) {
            best = { start, end: i, index };
            break;
          }
        }
      }
      const reach = this.depth[state];
      if (best && (reach ? starts[(k - reach) & this.mask] : i) > best.start) return best;
    }
    return best;
  }
}
