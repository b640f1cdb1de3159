import { isMap, isScalar, type Node } from 'yaml';
import { scalarText } from '../parse/model';
import { suggest } from '../suggest';
import type { Guidelines } from '../guidelines';
import type { LintRule, Report } from '../rule';
import { fileHome, pairHome, type NodeHome } from '../edit/scalar-site';
import { fixList, valueFix } from '../edit/scalar-fix';

function checkDomain(
  home: NodeHome,
  node: Node | null | undefined,
  g: Guidelines,
  report: (r: Report) => void,
): void {
  const text = scalarText(node);
  if (!isScalar(node) || !node.range || !text || g.domains.includes(text)) return;
  const hint = suggest(text, g.domains);
  const list = `${g.source ? "the guidelines' domains" : 'the built-in domains'} (${g.domains.join(', ')})`;
  const own = g.source
    ? ''
    : ' To use other domains, list them under annotations.domains in sft.guidelines.yaml.';
  const [start, end] = node.range;
  report({
    start,
    end,
    message: `Domain "${text}" is not one of ${list}${hint ? `; did you mean "${hint}"?` : '.'}${own}`,
    fixes: hint ? fixList(valueFix(home, node, hint, `Change to ${hint}`)) : undefined,
  });
}

/** The domain is one the guidelines allow (the built-in list without a guidelines file). */
export const disallowedDomain: LintRule = {
  meta: {
    id: 'disallowed-domain',
    category: 'annotations',
    defaultSeverity: 'warning',
    fixable: true,
    description:
      "The domain is not in the guidelines' list of domains; did-you-mean fix when close.",
  },
  checkFile(ctx) {
    // The defaults' domain is header text: reported once, not once per pair that inherits it.
    checkDomain(
      fileHome(ctx.file),
      ctx.file.defaults.get('domain')?.value,
      ctx.guidelines,
      ctx.report,
    );
  },
  checkPair(ctx) {
    if (!isMap(ctx.pair.node)) return;
    checkDomain(
      pairHome(ctx.pair),
      ctx.pair.fields.get('domain')?.value,
      ctx.guidelines,
      ctx.report,
    );
  },
};
