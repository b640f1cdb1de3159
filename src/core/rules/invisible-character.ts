import type { LintRule } from '../rule';
import { findInvisible } from '../text/invisible';
import { pairHome } from '../edit/scalar-site';
import { fixList, textFix } from '../edit/scalar-fix';
import { CONTENT_FIELDS, fieldLabel, fieldScalars, fieldSet } from './support/content-fields';

const FIELDS = fieldSet([...CONTENT_FIELDS, 'examples', 'labels']);
/** Findings reported per field: a pasted page full of soft hyphens needs one fix-all, not a wall. */
const MAX_PER_FIELD = 20;

const TITLES = {
  invisible: 'Remove the invisible character',
  separator: 'Replace with a line break',
  bidi: 'Remove the direction control',
  control: 'Remove the control character',
  mojibake: 'Replace with the character that was meant',
  confusable: 'Write the word in Latin letters',
} as const;

const PREFIX = {
  invisible: 'Invisible ',
  separator: 'Invisible ',
  bidi: 'Invisible ',
  control: '',
  mojibake: '',
  confusable: '',
} as const;

/**
 * Characters a reader cannot see (zero width spaces, soft hyphens, byte order marks, stray
 * direction marks and joiners), bidi controls, line and paragraph separators, control
 * characters, and words in Latin letters with Cyrillic or Greek look-alikes inside.
 */
export const invisibleCharacter: LintRule = {
  meta: {
    id: 'invisible-character',
    category: 'hhh',
    defaultSeverity: 'warning',
    fixable: true,
    description:
      'Invisible, bidi, separator or control characters, or look-alike letters from another script, in the text.',
  },
  checkPair(ctx) {
    for (const s of fieldScalars(ctx, FIELDS)) {
      for (const hit of findInvisible(s.text, MAX_PER_FIELD)) {
        ctx.report({
          ...ctx.span(s.node, hit.start, hit.end),
          message: `${PREFIX[hit.kind]}${hit.what} in ${fieldLabel(s.field)}: ${hit.why}.`,
          fixes: fixList(
            textFix(
              pairHome(ctx.pair),
              s.node,
              hit.start,
              hit.end,
              hit.replacement,
              TITLES[hit.kind],
            ),
          ),
        });
      }
    }
  },
};
