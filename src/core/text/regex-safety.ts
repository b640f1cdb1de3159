/**
 * A guard for the guidelines' own regexes. JavaScript regexes cannot be interrupted, so a
 * pattern with nested unbounded quantifiers (`(\w+)+$`, `(a*)*`) can freeze the linter on
 * one unlucky line (catastrophic backtracking). Such patterns are refused with a message
 * at their place in the guidelines file, before they ever run.
 */

const UNBOUNDED = /^(?:[*+]|\{\d+,\})/;

/** Why the regex source risks catastrophic backtracking, or undefined when it does not. */
export function unsafeRegexReason(source: string): string | undefined {
  // Per open group: does it contain an unbounded quantifier?
  const stack: boolean[] = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      continue;
    }
    if (ch === '(') {
      stack.push(false);
      continue;
    }
    if (ch === ')') {
      const innerUnbounded = stack.pop() ?? false;
      const after = source.slice(i + 1);
      if (innerUnbounded && UNBOUNDED.test(after)) {
        return `nested repetition "${source.slice(Math.max(0, source.lastIndexOf('(', i)), i + 2)}" can make matching take exponential time; rewrite it without a quantified group that itself repeats`;
      }
      if (innerUnbounded && stack.length) stack[stack.length - 1] = true;
      continue;
    }
    if (UNBOUNDED.test(source.slice(i, i + 8)) && stack.length) stack[stack.length - 1] = true;
  }
  return undefined;
}
