/**
 * The guidelines' patterns on re2js, a pure-JavaScript port of RE2: matching takes time
 * linear in the text whatever the pattern, so `a*a*a*a*a*c` or `^(a|a)*$` cannot hang a
 * lint the way a backtracking JavaScript regex does. Shared by the Node hosts (required on
 * the first pattern, src/node/text-services.ts) and any browser host.
 */
import { RE2JS } from 're2js';
import type { LinearRegex, RegexEngine } from '../core/services';

/** RE2 flags for JavaScript flags; `g`, `u` and `y` mean nothing to a scan. */
function re2Flags(flags: string): number {
  let out = 0;
  if (flags.includes('i')) out |= RE2JS.CASE_INSENSITIVE;
  if (flags.includes('m')) out |= RE2JS.MULTILINE;
  if (flags.includes('s')) out |= RE2JS.DOTALL;
  return out;
}

function compileRe2(source: string, flags: string): LinearRegex | string {
  let re: RE2JS;
  try {
    re = RE2JS.compile(RE2JS.translateRegExp(source), re2Flags(flags));
  } catch (e) {
    return (e as Error).message;
  }
  return {
    scan(text, cap, onMatch) {
      // The matcher steps over empty matches itself, and offsets are UTF-16 like the text's.
      const m = re.matcher(text);
      for (let n = 0; n < cap && m.find(); n++) onMatch(m.start(), m.end());
    },
  };
}

/** Compiles each pattern once per source and flags. */
export class Re2RegexEngine implements RegexEngine {
  private readonly compiled = new Map<string, LinearRegex | string>();

  compile(source: string, flags: string): LinearRegex | string {
    const key = `${flags}/${source}`;
    let r = this.compiled.get(key);
    if (r === undefined) {
      r = compileRe2(source, flags);
      this.compiled.set(key, r);
    }
    return r;
  }
}
