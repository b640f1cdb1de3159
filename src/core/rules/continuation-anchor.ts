import type { LintRule } from '../rule';
import { annotationValue, trimmedSpan } from './support/content-fields';

// Ways a prompt hands over text to continue (any one is enough):
/** ...it trails off: an ellipsis, a dash, a comma or semicolon at the end (tested on the tail, see `tailBeforeClosers`). */
const TRAILS_OFF = /(?:\.\.\.|…|[—–,;-])$/;
/** ...it quotes an opening of a few words. */
const QUOTED_OPENING = /["“«„「『][^"”»“」』\n]{12,}["”»“」』]/;
/** ...a line ending in a colon is followed by the text, or a label like "Continue:" is. */
const TEXT_AFTER_COLON =
  /:[ \t]*\r?\n[ \t]*\S|(?<![\p{L}\p{N}])(?:continue|continuation|text|story|start|beginning|opening|passage|poem|verse|lyrics|draft)[ \t]*[:：][ \t]*\S/iu;
/** Both ways of TEXT_AFTER_COLON need a colon: most prompts have none, and skip its slow scan. */
const COLON = /[:：]/;
/** ...it stops mid-sentence: the last character is a letter or digit (tested on the tail)... */
const ENDS_IN_WORD = /[\p{L}\p{N}]$/u;
/** ...unless that last sentence is an instruction ("Continue the story") rather than the text. */
const INSTRUCTION =
  /^\s*(?:please\s+)?(?:continue|complete|finish|extend|write|keep\s+going|keep\s+writing|carry\s+on|go\s+on|tell|add|expand|make|create|generate)(?![\p{L}\p{N}])/iu;
const SENTENCE_END = /[.!?。！？\n:：]/;
/** Closing quotes and brackets a prompt may end with after its last word or mark. */
const CLOSERS = '"”»’\'」』)';

/** The text after the last sentence end, line break or colon. */
function lastSegment(text: string): string {
  for (let i = text.length - 1; i >= 0; i--)
    if (SENTENCE_END.test(text[i])) return text.slice(i + 1);
  return text;
}

/**
 * The last few characters before any closing quotes and brackets at the end: what the
 * end-anchored tests need, so that they do not scan the whole prompt for a match at its end.
 * No closer is a letter, digit or trailing mark, so the tests read the same on this tail.
 */
function tailBeforeClosers(text: string): string {
  let end = text.length;
  while (end > 0 && CLOSERS.includes(text[end - 1])) end--;
  return text.slice(Math.max(0, end - 3), end);
}

/** Whether a continuation prompt gives text to continue, by the heuristics above. */
export function hasContinuationAnchor(prompt: string): boolean {
  const text = prompt.trim();
  if (!text) return false;
  const tail = tailBeforeClosers(text);
  if (
    TRAILS_OFF.test(tail) ||
    QUOTED_OPENING.test(text) ||
    (COLON.test(text) && TEXT_AFTER_COLON.test(text))
  )
    return true;
  return ENDS_IN_WORD.test(tail) && !INSTRUCTION.test(lastSegment(text));
}

/** A continuation prompt gives the text to continue, not only an instruction to write. */
export const continuationAnchor: LintRule = {
  meta: {
    id: 'continuation-anchor',
    category: 'task-shape',
    defaultSeverity: 'warning',
    fixable: false,
    description: 'A continuation prompt gives the text to continue.',
  },
  checkPair(ctx) {
    if (annotationValue(ctx, 'prompt_type') !== 'continuation') return;
    if (ctx.text('context')?.text.trim()) return;
    const prompt = ctx.text('prompt');
    if (!prompt || !prompt.text.trim() || hasContinuationAnchor(prompt.text)) return;
    ctx.report({
      ...trimmedSpan(ctx, prompt.node, prompt.text),
      message:
        'A continuation prompt gives the text to continue: end it mid-sentence or with "...", quote the opening, or put the text after a line such as "Continue:".',
    });
  },
};
