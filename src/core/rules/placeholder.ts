import type { LintRule } from '../rule';
import { scanRegex } from './support/phrase-matcher';
import { CONTENT_FIELDS, fieldLabel, fieldScalars, fieldSet } from './support/content-fields';

const BEFORE = '(?<![\\p{L}\\p{M}\\p{N}_])';
const AFTER = '(?![\\p{L}\\p{M}\\p{N}_])';
// What a bracketed placeholder starts with: "[insert a quote]", "<your answer here>", "{placeholder}".
const KEYWORD =
  '(?:insert|add|enter|fill\\s+in|placeholder|your\\s+(?:answer|response|text|content)|answer\\s+here|todo|tbd)(?![\\p{L}\\p{N}])';

/**
 * Every placeholder shape in one pass. Group 1 holds the markers that are only placeholders
 * in capitals: "todo" is Spanish and Portuguese for "all", "tbd" and "xxx" are rare
 * lowercase words, and "siglo XX" is a century, hence three X at least.
 */
const PLACEHOLDER = new RegExp(
  [
    `${BEFORE}(todo|tbd|x{3,})${AFTER}`,
    `${BEFORE}fixme${AFTER}`,
    `${BEFORE}lorem\\s+ipsum${AFTER}`,
    `\\[\\s*${KEYWORD}[^\\]\\n]{0,80}\\]`,
    `<\\s*${KEYWORD}[^>\\n]{0,80}>`,
    `\\{\\s*${KEYWORD}[^}\\n]{0,80}\\}`,
    // "???" standing alone; "What???" is a question, not a gap.
    '(?<![\\p{L}\\p{N}?])\\?{3,}',
    `${BEFORE}(?:answer|response|text|content)\\s+goes\\s+here${AFTER}`,
  ].join('|'),
  'giu',
);

/** A cheap first look: most fields have none of these, and skip the full regex. */
const MAYBE = /todo|tbd|xxx|fixme|lorem|\?\?\?|goes\s+here|[[<{]/i;

const FIELDS = fieldSet(CONTENT_FIELDS);

/** Placeholder text left in a pair: TODO, TBD, FIXME, lorem ipsum, [insert ...], "???". */
export const placeholder: LintRule = {
  meta: {
    id: 'placeholder',
    category: 'hhh',
    defaultSeverity: 'error',
    fixable: false,
    description: 'Placeholder text (TODO, TBD, lorem ipsum, [insert ...]) is left in the pair.',
  },
  checkPair(ctx) {
    for (const s of fieldScalars(ctx, FIELDS)) {
      if (!MAYBE.test(s.text)) continue;
      scanRegex(PLACEHOLDER, s.text, 100, (m) => {
        if (m[1] !== undefined && m[1] !== m[1].toUpperCase()) return;
        const shown = m[0].replace(/\s+/g, ' ');
        ctx.report({
          ...ctx.span(s.node, m.index, m.index + m[0].length),
          message: `Placeholder "${shown}" in ${fieldLabel(s.field)}: write the real text.`,
        });
      });
    }
  },
};
