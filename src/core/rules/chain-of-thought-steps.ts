import type { LintRule } from '../rule';
import { annotationValue, trimmedSpan } from './support/content-fields';
import { wrongSteps } from '../text/arithmetic';
import { contradictedFinal } from '../text/final-answer';

/** A computed value as a writer would write it: at most two decimals. */
function formatValue(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** A list line: "1.", "2)", "-", "*", "•" at the start of a line. */
const LIST_LINE = /^[ \t]*(?:\d{1,3}[.)]|[-*•])[ \t]+\S/gm;
/** Sequencing words in a few languages. */
const STEP_WORD =
  /(?<![\p{L}\p{N}])(?:step\s*\d|paso\s*\d|étape\s*\d|schritt\s*\d|passo\s*\d|चरण\s*\d|第\s*\d+\s*步|first(?:ly)?,|then|next|second(?:ly)?,|after that|finally|primero|luego|después|d'abord|ensuite|puis|zuerst|dann|danach|primeiro|depois|पहले|फिर|首先|然后|接着|まず|次に|أولا|ثم|קודם|אחר כך)(?![\p{L}\p{N}])/giu;
/** Where a sentence ends. */
const SENTENCE_END = /[.!?。！？।॥][\s"”')]*(?=\s|$)|[。！？।॥]|\n/g;
/**
 * How a final answer begins, in a few languages: "So", "Therefore", "Thus", "Hence",
 * "Answer:", "Final answer", "The answer is", "In conclusion" ...
 */
const FINAL =
  /^[\s*#>_-]*(?:so|therefore|thus|hence|consequently|as a result|in conclusion|in total|the (?:final )?answer is|(?:final )?answer\s*[:：]|result\s*[:：]|=>|∴|por (?:lo )?tanto|entonces|así que|respuesta\s*[:：]|donc|ainsi|par conséquent|réponse\s*[:：]|daher|somit|antwort\s*[:：]|portanto|logo|resposta\s*[:：]|इसलिए|अतः|(?:अंतिम\s+)?उत्तर\s*[:：]|لذلك|إذن|الإجابة|לכן|תשובה)(?![\p{L}\p{N}])|^[\s*#>_-]*(?:所以|因此|答案|答\s*[:：]|したがって|よって|答え)/iu;

/**
 * A last line that data sets use to mark the final answer: GSM8K's `#### 72`, LaTeX's
 * `\boxed{72}`. The `#` run is not a Markdown heading here: a heading has words after it.
 */
const MARKED_FINAL = /^[ \t]*#{3,}[ \t]*[-+−$€£¥]?[ \t]*\d|\\boxed\{/;
/** A last line that is only a number (a currency sign, a percent or a short unit allowed). */
const BARE_NUMBER = /^[ \t*_]*[$€£¥]?[ \t]*[-+−]?\d[\d,. ]*(?:[ \t]*(?:%|\p{L}{1,12}))?[ \t*_.]*$/u;

/**
 * Whether the last line is a final answer by its form rather than its words: a marked final
 * line, or a bare number after two or more worked lines.
 */
function finalByForm(text: string): boolean {
  const lines = text.trimEnd().split('\n');
  const last = lines[lines.length - 1];
  // A final-answer line is short; a long one is prose, and the patterns need not scan it.
  if (last.length > 80) return false;
  if (MARKED_FINAL.test(last)) return true;
  return BARE_NUMBER.test(last) && lines.slice(0, -1).filter((l) => l.trim()).length >= 2;
}

function countAtLeast(re: RegExp, text: string, n: number): boolean {
  re.lastIndex = 0;
  let c = 0;
  while (c < n && re.exec(text)) c++;
  re.lastIndex = 0;
  return c >= n;
}

/** Sentences (and lines) of a text, trimmed, non-empty, with their value offsets. */
function sentences(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let from = 0;
  const push = (a: number, b: number) => {
    while (a < b && /\s/.test(text[a])) a++;
    while (b > a && /\s/.test(text[b - 1])) b--;
    if (b > a) out.push({ start: a, end: b });
  };
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    const end = m.index + m[0].length;
    push(from, end);
    from = end;
  }
  push(from, text.length);
  return out;
}

/** What a chain_of_thought response lacks: worked steps, a final answer, or both. */
export function missingParts(text: string): {
  steps: boolean;
  final: boolean;
  last?: { start: number; end: number };
} {
  const parts = sentences(text);
  const last = parts[parts.length - 1];
  const prev =
    parts.length > 1 ? text.slice(parts[parts.length - 2].start, parts[parts.length - 2].end) : '';
  // "Answer:" on its own line, the answer on the next, counts too.
  const final =
    last !== undefined &&
    (FINAL.test(text.slice(last.start, last.end)) ||
      (/[:：][*_\s]*$/.test(prev) && FINAL.test(prev)) ||
      finalByForm(text));
  const reasoning = final ? parts.length - 1 : parts.length;
  // Several sentences settle it without scanning the text for list lines or step words.
  const steps =
    reasoning >= 2 || countAtLeast(LIST_LINE, text, 2) || countAtLeast(STEP_WORD, text, 2);
  return { steps: !steps, final: !final, last };
}

/**
 * A chain_of_thought response shows its reasoning steps, then a final answer; the
 * arithmetic of its steps (`13 + 4 + 16 = 45`) adds up, and the final answer is what the
 * steps give.
 */
export const chainOfThoughtSteps: LintRule = {
  meta: {
    id: 'chain-of-thought-steps',
    category: 'task-shape',
    defaultSeverity: 'warning',
    fixable: false,
    description: 'A chain_of_thought response shows its steps, then a final answer.',
  },
  checkPair(ctx) {
    if (annotationValue(ctx, 'task') !== 'chain_of_thought') return;
    const response = ctx.text('response');
    if (!response || !response.text.trim()) return;
    for (const w of wrongSteps(response.text)) {
      const step = response.text.slice(w.start, w.end);
      const [left, stated] = step.split(/[ \t]*=[ \t]*/);
      ctx.report({
        ...ctx.span(response.node, w.start, w.end),
        message: `This step does not add up: ${left} gives ${formatValue(w.value)}, not ${stated}.`,
      });
    }
    const final = contradictedFinal(response.text);
    if (final)
      ctx.report({
        ...ctx.span(response.node, final.start, final.end),
        message: `The final answer ${final.final} does not follow from the steps: the last step gives ${final.last}, and no step gives ${final.final}.`,
      });
    const missing = missingParts(response.text);
    if (!missing.steps && !missing.final) return;
    if (missing.steps && missing.final) {
      ctx.report({
        ...trimmedSpan(ctx, response.node, response.text),
        message:
          'A chain_of_thought response shows its reasoning steps (numbered lines, "First, ... Then ...", or several sentences) and ends with a final answer ("So ...", "Therefore ...", "Answer: ...").',
      });
    } else if (missing.steps) {
      ctx.report({
        ...trimmedSpan(ctx, response.node, response.text),
        message:
          'A chain_of_thought response shows its reasoning steps before the answer: numbered lines, "First, ... Then ...", or several sentences.',
      });
    } else {
      const last = missing.last!;
      ctx.report({
        ...ctx.span(response.node, last.start, last.end),
        message:
          'A chain_of_thought response ends with a final answer: a last line or sentence starting "So", "Therefore", "Thus" or "Answer:".',
      });
    }
  },
};
