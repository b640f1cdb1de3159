import { Scalar } from 'yaml';
import type { LintRule, PairContext } from '../rule';
import { findUnbalanced } from '../text/balance';
import { TEXT_FIELDS } from '../annotations';
import { fieldScalars, fieldSet, type FieldScalar } from './support/content-fields';
import type { Span } from '../types';
import { hasInlinePassage } from './support/inline-passage';

const FIELDS = fieldSet(TEXT_FIELDS);
/**
 * Whether the value has a space or tab before a line break or at its end. `indexOf` of a
 * two-character string runs natively and far faster than a regex that stops at every space.
 */
function hasTrailing(t: string): boolean {
  const last = t.charCodeAt(t.length - 1);
  return last === 0x20 || last === 0x09 || t.includes(' \n') || t.includes('\t\n');
}

/**
 * Trailing spaces and tabs on the lines of a block scalar: they are part of the value. One
 * problem per field, at the first line, whose fix removes them from every line: a prompt
 * pasted from a source can have hundreds, one cause. Removing them from lines with text
 * changes neither where the block's lines start nor which are blank, so the edits are the
 * spaces themselves, in any block style and line ending.
 */
function trailingSpaces(ctx: PairContext, s: FieldScalar): void {
  const t = s.text;
  if (!hasTrailing(t)) return;
  const src = ctx.pair.src;
  const [start, end] = s.node.range!;
  const header = src.indexOf('\n', start);
  if (header < 0) return;
  const runs: Span[] = [];
  for (let from = header + 1; from < end;) {
    let nl = src.indexOf('\n', from);
    if (nl < 0 || nl > end) nl = end;
    let lineEnd = nl > from && src.charCodeAt(nl - 1) === 0x0d ? nl - 1 : nl;
    const contentEnd = lineEnd;
    while (
      lineEnd > from &&
      (src.charCodeAt(lineEnd - 1) === 0x20 || src.charCodeAt(lineEnd - 1) === 0x09)
    )
      lineEnd--;
    if (lineEnd > from && lineEnd < contentEnd) runs.push({ start: lineEnd, end: contentEnd });
    from = nl + 1;
  }
  if (!runs.length) return;
  const lines = runs.length === 1 ? 'a line' : `${runs.length} lines`;
  ctx.report({
    ...runs[0],
    message: `Trailing spaces at the end of ${lines} in ${s.name} (a block scalar keeps them in the text).`,
    fixes: [
      {
        title:
          runs.length === 1 ? 'Remove trailing spaces' : `Remove trailing spaces from ${lines}`,
        edits: runs.map((r) => ({ ...r, newText: '' })),
        preferred: true,
        scope: { start: runs[0].start, end: runs[runs.length - 1].end },
      },
    ],
  });
}

/** Words from which a line of a prompt is a pasted paragraph rather than the writer's ask. */
const PARAGRAPH_WORDS = 30;
/**
 * Words from which a prompt carries a passage even on one line (a review, an encyclopedia
 * entry with its question or options around it): beyond a short prompt (SPEC 3).
 */
const PASSAGE_PROMPT_WORDS = 100;

function longerThan(text: string, words: number): boolean {
  return text.trim().split(/\s+/, words + 1).length > words;
}

/**
 * Whether offset `at` of a prompt lies in a long paragraph next to other lines: a review,
 * article or story pasted above the question ("<review>" / "Is this review positive?").
 * Counted by spaces: cheap, and only for a prompt that has an unbalanced mark.
 */
function inQuotedParagraph(text: string, at: number): boolean {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  let end = text.indexOf('\n', at);
  if (end < 0) end = text.length;
  if (start === 0 && end === text.length) return false; // the prompt is this one line
  if (!text.slice(0, start).trim() && !text.slice(end).trim()) return false;
  return text.slice(start, end).split(/\s+/, PARAGRAPH_WORDS + 1).length > PARAGRAPH_WORDS;
}

/**
 * Broken formatting in a demonstration teaches broken formatting: code fences left open,
 * brackets and quotes that never close (or close without opening), and trailing spaces
 * that a block scalar silently keeps in the text.
 */
export const formatting: LintRule = {
  meta: {
    id: 'formatting',
    category: 'hhh',
    defaultSeverity: 'warning',
    fixable: true,
    description: 'Unbalanced code fences, brackets or quotes, and trailing spaces in a text field.',
  },
  checkPair(ctx) {
    for (const s of fieldScalars(ctx, FIELDS)) {
      const marks = findUnbalanced(s.text);
      // A passage quoted from a source keeps the source's punctuation (a quote cut off by
      // "...", a caption, mixed quote styles): the writer does not edit it, and the model
      // does not learn to write it. Only the writer's own text is checked for balance.
      const source =
        marks.length > 0 &&
        (s.name === 'context' ||
          (s.name === 'prompt' &&
            (hasInlinePassage(s.text) || longerThan(s.text, PASSAGE_PROMPT_WORDS))));
      if (!source)
        for (const u of marks) {
          if (s.name === 'prompt' && inQuotedParagraph(s.text, u.start)) continue;
          ctx.report({
            ...ctx.span(s.node, u.start, u.end),
            message: `${u.message.slice(0, -1)} in ${s.name}.`,
          });
        }
      if (s.node.type === Scalar.BLOCK_LITERAL || s.node.type === Scalar.BLOCK_FOLDED)
        trailingSpaces(ctx, s);
    }
  },
};
