/**
 * Arithmetic steps in a worked answer (`3*4 = 12`, `$80 * 3 = $240`, `13 + 4 + 16 = 33`):
 * each step whose left side is only numbers and operators is evaluated, with the usual
 * precedence, and compared with the number it claims. Steps with variables, brackets or
 * percents are not read: the check only speaks when it is sure.
 */

/** A step whose stated result is not what its numbers give, as offsets into the text. */
export interface WrongStep {
  start: number;
  end: number;
  /** What the left side gives. */
  value: number;
}

/** An operator between numbers; `x` too, written with spaces round it (`30 x 1/2`). */
const OPERATOR = String.raw`(?:[ \t]*[-+*/×÷–][ \t]*|[ \t]+[xX][ \t]+)`;
const NUMBER = String.raw`\$?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?`;
// Numbers joined by + - * / × ÷ x (and the en dash writers use for minus), then `=` and a number;
// not part of a longer expression on either side (`12 * 1/2 = 6`, `= 8 + 18`), nor of a number
// written with spaces (`$350 000`, `3 1/2`).
const STEP = new RegExp(
  String.raw`(?<![\w.,$()%/*×÷+\-–^]|[\d.,)%/*×÷+\-–^][ \t]+|(?:^|[\s\d])[xX][ \t]+)(${NUMBER}(?:${OPERATOR}${NUMBER})+)[ \t]*=[ \t]*(${NUMBER})(?![\w.,]*\d|[ \t]*[(%*/×÷^+\-–]|[ \t]+\d)`,
  'g',
);
/** Most characters of a line the check reads: a worked step is short. */
const MAX_LINE = 300;

function value(token: string): number | undefined {
  const t = token.replace(/[$,\s]/g, '');
  if (!/\d/.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/** The value of `a op b op c ...` with * and / before + and -, or undefined. */
function evaluate(expression: string): number | undefined {
  const parts = expression.replace(/[ \t]+[xX][ \t]+/g, '*').split(/[ \t]*([-+*/×÷–])[ \t]*/);
  const terms: number[] = [];
  let sign = 1;
  let term = value(parts[0]);
  if (term === undefined) return undefined;
  for (let i = 1; i < parts.length; i += 2) {
    const op = parts[i];
    const n = value(parts[i + 1]);
    if (n === undefined) return undefined;
    if (op === '*' || op === '×') term *= n;
    else if (op === '/' || op === '÷') {
      if (n === 0) return undefined;
      term /= n;
    } else {
      terms.push(sign * term);
      sign = op === '+' ? 1 : -1;
      term = n;
    }
  }
  terms.push(sign * term);
  return terms.reduce((a, b) => a + b, 0);
}

/** Whether a stated result is the value, as written (rounded to its decimals, or within 1%). */
function agrees(stated: string, actual: number): boolean {
  const claimed = value(stated);
  if (claimed === undefined) return true;
  const decimals = /\.(\d+)/.exec(stated)?.[1].length ?? 0;
  const tolerance = Math.max(0.5 * 10 ** -decimals, 0.01 * Math.abs(claimed));
  return Math.abs(actual - claimed) <= tolerance + 1e-9;
}

/** The steps of a text whose arithmetic is wrong. */
export function wrongSteps(text: string): WrongStep[] {
  const out: WrongStep[] = [];
  if (!text.includes('=')) return out;
  let lineStart = 0;
  for (const line of text.split('\n')) {
    if (line.length <= MAX_LINE && line.includes('=')) {
      STEP.lastIndex = 0;
      for (let m = STEP.exec(line); m; m = STEP.exec(line)) {
        const actual = evaluate(m[1]);
        if (actual !== undefined && !agrees(m[2], actual))
          out.push({
            start: lineStart + m.index,
            end: lineStart + m.index + m[0].length,
            value: actual,
          });
      }
    }
    lineStart += line.length + 1;
  }
  return out;
}
