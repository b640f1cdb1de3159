/**
 * duplicate-id: an id names one pair across the whole workspace, because exports, review
 * notes and QA tools refer to pairs by id. Reported on every pair that shares the id,
 * in the same file or another, each with links to the others. The others are named in
 * place order (file, then position), not in the order the index happened to read them, so
 * the editor and `sft lint` say the same whatever order the files were read in.
 */
import { severityOf } from '../guidelines';
import type { Problem } from '../types';
import { DUPLICATE_ID_META } from './rule-metas';
import { MAX_RELATED, placeOf, type WorkspaceRuleContext } from './rule-context';
import type { IndexedPair } from './types';

/** Place order: by file, then by position in it. */
function byPlace(a: IndexedPair, b: IndexedPair): number {
  return (a.file === b.file ? 0 : a.file < b.file ? -1 : 1) || a.index - b.index;
}

/** duplicate-id problems of one file, document offsets. */
export function duplicateIdProblems(ctx: WorkspaceRuleContext): Problem[] {
  const severity = severityOf(
    ctx.guidelines,
    DUPLICATE_ID_META.id,
    DUPLICATE_ID_META.defaultSeverity,
  );
  if (severity === 'off') return [];
  const out: Problem[] = [];
  // Each id's pairs sorted once, however many of them are in this file.
  const sorted = new Map<string, readonly IndexedPair[]>();
  for (const pair of ctx.pairs) {
    if (pair.id === undefined || pair.silenced?.includes(DUPLICATE_ID_META.id)) continue;
    let all = sorted.get(pair.id);
    if (!all) {
      const found = ctx.view.pairsWithId(pair.id);
      all = found.length > 1 ? [...found].sort(byPlace) : found;
      sorted.set(pair.id, all);
    }
    const others = all.filter((p) => p !== pair);
    if (!others.length) continue;
    const first = others[0];
    const more = others.length > 1 ? ` and ${others.length - 1} more` : '';
    out.push({
      rule: DUPLICATE_ID_META.id,
      severity,
      pairId: pair.id,
      start: pair.idSpan.start,
      end: pair.idSpan.end,
      message: `Duplicate id "${pair.id}": also used at ${placeOf(first, ctx.displayName)}${more}. Ids are unique across the workspace.`,
      related: others.slice(0, MAX_RELATED).map((o) => ({
        file: o.file,
        start: o.idSpan.start,
        end: o.idSpan.end,
        line: o.line,
        character: o.character,
        message: `Also has id "${pair.id}"`,
      })),
    });
  }
  return out;
}
