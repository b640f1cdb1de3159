import { isMap, isScalar, type Node } from 'yaml';
import { scalarText } from '../parse/model';
import { LANGUAGE_TAG } from '../annotations';
import { languageLabel } from '../language-names';
import type { LintRule, Report } from '../rule';
import { fileHome, pairHome, type NodeHome } from '../edit/scalar-site';
import { fixList, valueFix } from '../edit/scalar-fix';

/**
 * Whether a tag is allowed: the same tag ignoring case (BCP 47 tags are case-insensitive),
 * or its language alone is listed (`en` allows `en-GB`; `pt-BR` does not allow `pt-PT`).
 */
export function languageAllowed(tag: string, allowed: readonly string[]): boolean {
  const lower = tag.toLowerCase();
  const primary = lower.split('-')[0];
  return allowed.some((a) => {
    const l = a.toLowerCase();
    return l === lower || l === primary;
  });
}

function checkLanguage(
  home: NodeHome,
  node: Node | null | undefined,
  allowed: readonly string[] | undefined,
  report: (r: Report) => void,
): void {
  if (!allowed) return;
  const text = scalarText(node);
  // A malformed tag is invalid-value's finding; don't report it twice.
  if (
    !isScalar(node) ||
    !node.range ||
    !text ||
    !LANGUAGE_TAG.test(text) ||
    languageAllowed(text, allowed)
  )
    return;
  // Edit distance would turn "ha" (Hausa) into "hi" (Hindi): only suggest the listed form of the same language.
  const primary = text.toLowerCase().split('-')[0];
  const same = allowed.filter((a) => a.toLowerCase().split('-')[0] === primary);
  const hint = same.length === 1 ? same[0] : undefined;
  const [start, end] = node.range;
  report({
    start,
    end,
    message: `Language ${languageLabel(text)} is not one of the guidelines' languages: ${allowed.map(languageLabel).join(', ')}.${hint ? ` Did you mean "${hint}"?` : ''}`,
    fixes: hint ? fixList(valueFix(home, node, hint, `Change to ${hint}`)) : undefined,
  });
}

/** When the guidelines list languages, each pair's language is one of them. */
export const disallowedLanguage: LintRule = {
  meta: {
    id: 'disallowed-language',
    category: 'annotations',
    defaultSeverity: 'warning',
    fixable: true,
    description: "The language is not in the guidelines' list of languages.",
  },
  checkFile(ctx) {
    checkLanguage(
      fileHome(ctx.file),
      ctx.file.defaults.get('language')?.value,
      ctx.guidelines.languages,
      ctx.report,
    );
  },
  checkPair(ctx) {
    if (!isMap(ctx.pair.node)) return;
    checkLanguage(
      pairHome(ctx.pair),
      ctx.pair.fields.get('language')?.value,
      ctx.guidelines.languages,
      ctx.report,
    );
  },
};
