import type { LintRule } from '../rule';
import { findPii, PII_MASKS } from '../text/pii';
import { fieldScalars, fieldSet } from './support/content-fields';
import { pairHome } from '../edit/scalar-site';
import { fixList, textFix } from '../edit/scalar-fix';

const FIELDS = fieldSet(['system', 'context', 'examples', 'prompt', 'response']);

/**
 * Personal data (emails, phone numbers, Luhn-valid card numbers, IBANs, national id
 * numbers, IP addresses) must not go into a training set: the model would learn to
 * repeat it. The fix replaces each one with a mask such as `[EMAIL]`.
 */
export const pii: LintRule = {
  meta: {
    id: 'pii',
    category: 'hhh',
    defaultSeverity: 'warning',
    fixable: true,
    description:
      'Personal data (email, phone, card, IBAN, national id, IP address) in a text field.',
  },
  checkPair(ctx) {
    for (const s of fieldScalars(ctx, FIELDS)) {
      for (const hit of findPii(s.text)) {
        const span = ctx.span(s.node, hit.start, hit.end);
        const mask = PII_MASKS[hit.kind];
        const found = s.text.slice(hit.start, hit.end);
        ctx.report({
          ...span,
          message: `Possible ${hit.what} in ${s.name}: "${found}". Replace it with ${mask} or an invented, clearly fake value.`,
          // In place when the scalar's style allows; a plain scalar that would start with `[` is quoted.
          fixes: fixList(
            textFix(pairHome(ctx.pair), s.node, hit.start, hit.end, mask, `Mask as ${mask}`),
          ),
        });
      }
    }
  },
};
