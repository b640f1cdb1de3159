import { isAlias, isMap, isScalar, isSeq, type Node } from 'yaml';
import type { LintRule, Report } from '../rule';

const MARKS = /[&*]|<</;

const MESSAGE = {
  alias: (name: string) => `Aliases are not allowed in .sft.yaml (*${name}); write the value out.`,
  anchor: (name: string) =>
    `Anchors are not allowed in .sft.yaml (&${name}); write the value out where it is used.`,
  merge: 'Merge keys (<<) are not allowed in .sft.yaml; write the keys out.',
};

/**
 * Report anchors, aliases and merge keys under `node` (never expanding them). A direct walk
 * rather than yaml's `visit()`: it runs on every pair of every lint.
 */
function scan(src: string, node: Node | null | undefined, report: (r: Report) => void): void {
  if (!node) return;
  if (isAlias(node)) {
    if (node.range)
      report({ start: node.range[0], end: node.range[1], message: MESSAGE.alias(node.source) });
    return;
  }
  if (node.anchor && node.range) {
    const mark = `&${node.anchor}`;
    const at = src.lastIndexOf(mark, node.range[0]);
    const start = at >= 0 ? at : node.range[0];
    report({
      start,
      end: at >= 0 ? at + mark.length : start,
      message: MESSAGE.anchor(node.anchor),
    });
  }
  if (isMap(node)) {
    for (const item of node.items) {
      const key = item.key as Node | null;
      if (isScalar(key) && key.value === '<<' && key.range)
        report({ start: key.range[0], end: key.range[1], message: MESSAGE.merge });
      else scan(src, key, report);
      scan(src, item.value as Node | null, report);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) scan(src, item as Node | null, report);
  }
}

/** Anchors, aliases and merge keys make parsing slow and let a small file expand: report them. */
export const noAliases: LintRule = {
  meta: {
    id: 'no-aliases',
    category: 'structure',
    defaultSeverity: 'error',
    fixable: false,
    description: 'Anchors, aliases and merge keys are not allowed.',
  },
  checkFile(ctx) {
    // The header only: pairs are scanned per pair, so an edit re-scans one pair.
    const root = ctx.file.doc.contents;
    if (!isMap(root)) {
      scan(ctx.file.text, root, ctx.report);
      return;
    }
    for (const f of ctx.file.header) {
      if (f.key === 'pairs' && ctx.file.pairs.length) continue;
      scan(ctx.file.text, f.keyNode, ctx.report);
      scan(ctx.file.text, f.value, ctx.report);
    }
  },
  checkPair(ctx) {
    // Anchors need `&`, aliases `*`, merge keys `<<`: a native scan of the pair's text rules
    // most pairs out before any node is visited.
    const { src, slice } = ctx.pair;
    if (!MARKS.test(src.slice(slice.start, slice.end))) return;
    scan(src, ctx.pair.node, ctx.report);
  },
};
