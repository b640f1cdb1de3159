/**
 * What the guidelines' regexes may use. Patterns run on a linear-time engine (RE2, see
 * `RegexEngine` in services.ts), so no pattern can make matching take exponential time;
 * the price is the two JavaScript features that need backtracking, backreferences and
 * lookarounds. A pattern using one is refused with a message at its place in the
 * guidelines file, before it ever runs.
 */

const LOOKAROUND: Record<string, string> = {
  '(?=': 'lookahead',
  '(?!': 'negative lookahead',
  '(?<=': 'lookbehind',
  '(?<!': 'negative lookbehind',
};

function refusal(what: string, text: string): string {
  return `${what} "${text}" needs a backtracking engine, and patterns run on a linear-time one so that none can freeze the linter; rewrite the pattern without it`;
}

/** Why the regex source cannot run in linear time, or undefined when it can. */
export function nonLinearRegexReason(source: string): string | undefined {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      const next = source[i + 1] ?? '';
      if (!inClass && /[1-9]/.test(next)) {
        return refusal('the backreference', source.slice(i, i + 2));
      }
      if (!inClass && next === 'k' && source[i + 2] === '<') {
        return refusal('the backreference', source.slice(i, source.indexOf('>', i) + 1 || i + 3));
      }
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
    if (ch !== '(') continue;
    for (const [open, name] of Object.entries(LOOKAROUND)) {
      if (source.startsWith(open, i)) return refusal(`the ${name}`, open);
    }
  }
  return undefined;
}
