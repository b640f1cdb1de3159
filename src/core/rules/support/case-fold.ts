/**
 * Unicode simple case folding of one code point, as a regex with the `iu` flags compares
 * characters: two code points match case-insensitively when their folds are equal. That
 * includes the odd ones: `ſ` folds to `s`, KELVIN SIGN to `k`, final `ς` to `σ`, `ẞ` to
 * `ß`, while dotless `ı` and dotted `İ` fold only to themselves.
 *
 * The fold comes from the engine's own case mappings (upper then lower case), each
 * non-trivial result confirmed once by the regex engine and remembered, so the automaton
 * that matches phrases agrees with the `iu` regex semantics it replaces.
 */

const folds = new Map<number, number>();

/**
 * Pairs that case folding joins although neither letter's case mappings lead to the other
 * (Unicode 14 folds both Greek letters with dialytika and tonos together, and ﬅ with ﬆ).
 */
const FOLD_ONLY: ReadonlyMap<number, number> = new Map([
  [0x1fd3, 0x390],
  [0x1fe3, 0x3b0],
  [0xfb05, 0xfb06],
]);

/** The code point `s` is, or undefined when `s` is not exactly one code point. */
function single(s: string): number | undefined {
  const cp = s.codePointAt(0);
  return cp !== undefined && s.length === (cp > 0xffff ? 2 : 1) ? cp : undefined;
}

/** Whether the `iu` regex engine treats code points `a` and `b` as the same letter. */
function sameIgnoringCase(a: number, b: number): boolean {
  return new RegExp(`^\\u{${b.toString(16)}}$`, 'iu').test(String.fromCodePoint(a));
}

function computeFold(cp: number): number {
  const c = String.fromCodePoint(cp);
  const upper = single(c.toUpperCase());
  const candidates = [
    FOLD_ONLY.get(cp),
    upper === undefined ? undefined : single(String.fromCodePoint(upper).toLowerCase()),
    single(c.toLowerCase()),
  ];
  for (const r of candidates) {
    if (r === undefined) continue;
    if (r === cp) return cp;
    if (sameIgnoringCase(cp, r)) return r;
  }
  return cp;
}

/** The case fold of a code point: equal folds are what the `iu` regex flags match. */
export function foldCodePoint(cp: number): number {
  if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a ? cp | 0x20 : cp;
  let f = folds.get(cp);
  if (f === undefined) {
    f = computeFold(cp);
    folds.set(cp, f);
  }
  return f;
}
