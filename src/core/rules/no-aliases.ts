import { visit, isAlias, isMap, isScalar, type Node } from 'yaml';
import type { LintRule, Report } from '../rule';

const MESSAGE = {
  alias: (name: string) => `Aliases are not allowed in .sft.yaml (*${name}); write the value out.`,
  anchor: (name: string) => `Anchors are not allowed in .sft.yaml (&${name}); write the value out where it is used.`,
  merge: 'Merge keys (<<) are not allowed in .sft.yaml; write the keys out.',
};

/** Report anchors, aliases and merge keys under `node` (never expanding them). */
function scan(src: string, node: Node | null | undefined, report: (r: Report) => void): void {
  if (!node) return;
  visit(node, {
    Alias(_, n) { if (n.range) report({ start: n.range[0], end: n.range[1], message: MESSAGE.alias(n.source) }); },
    Pair(_, p) {
      if (isScalar(p.key) && p.key.value === '<<' && p.key.range) report({ start: p.key.range[0], end: p.key.range[1], message: MESSAGE.merge });
    },
    Node(_, n) {
      if (n.anchor && n.range && !isAlias(n)) {
        const mark = `&${n.anchor}`;
        const at = src.lastIndexOf(mark, n.range[0]);
        const start = at >= 0 ? at : n.range[0];
        report({ start, end: at >= 0 ? at + mark.length : start, message: MESSAGE.anchor(n.anchor) });
      }
    },
  });
}

/** Anchors, aliases and merge keys make parsing slow and let a small file expand: report them. */
export const noAliases: LintRule = {
  meta: {
    id: 'no-aliases', category: 'structure', scope: 'file', defaultSeverity: 'error', fixable: false,
    description: 'Anchors, aliases and merge keys are not allowed.',
  },
  checkFile(ctx) {
    // The header only: pairs are scanned per pair, so an edit re-scans one pair.
    const root = ctx.file.doc.contents;
    if (!isMap(root)) { scan(ctx.file.text, root, ctx.report); return; }
    for (const f of ctx.file.header) {
      if (f.key === 'pairs' && ctx.file.pairs.length) continue;
      if (f.keyNode.anchor) scan(ctx.file.text, f.keyNode, ctx.report);
      scan(ctx.file.text, f.value, ctx.report);
    }
  },
  checkPair(ctx) {
    scan(ctx.pair.src, ctx.pair.node, ctx.report);
  },
};
