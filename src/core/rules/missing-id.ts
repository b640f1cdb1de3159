import { isAlias, isMap } from 'yaml';
import { generateId, setAnnotation } from '../edit/map-edit';
import { isEmptyValue, pairHead } from './support/node-shape';
import type { LintRule } from '../rule';
import type { SftFileModel } from '../parse/parse';
import type { PairModel } from '../parse/model';

function lacksId(pair: PairModel): boolean {
  if (!isMap(pair.node)) return false;
  const f = pair.fields.get('id');
  return !f || (!isAlias(f.value) && isEmptyValue(f.value));
}

/**
 * New ids for every pair of a file that lacks one, allocated once per parsed file so that
 * applying all the fixes together gives distinct ids. Each continues the numbering of the
 * nearest pair before it (after it, for the first pairs).
 */
const allocations = new WeakMap<SftFileModel, Map<number, string>>();

function allocate(file: SftFileModel): Map<number, string> {
  let out = allocations.get(file);
  if (out) return out;
  out = new Map();
  const taken = new Set<string>();
  for (const p of file.pairs) if (p.id) taken.add(p.id);
  let lastId = file.pairs.find((p) => p.id)?.id;
  // Without any id in the file, each new id continues the one before it, as generateId
  // would find it (the last numbered id taken) only by a pass over all of them.
  let generated: string | undefined;
  const highest = new Map<string, number>();
  for (const p of file.pairs) {
    if (p.id) {
      lastId = p.id;
      continue;
    }
    if (!lacksId(p)) continue;
    const id = generateId(taken, lastId ?? generated, highest);
    taken.add(id);
    out.set(p.index, id);
    generated = id;
  }
  allocations.set(file, out);
  return out;
}

/** A pair without an id cannot be referred to by reviews, exports or duplicate checks. */
export const missingId: LintRule = {
  meta: {
    id: 'missing-id',
    category: 'structure',
    defaultSeverity: 'error',
    fixable: true,
    description: 'Every pair has an id; fix: generate one that is unique in the file.',
  },
  checkPair(ctx) {
    const { pair } = ctx;
    if (!lacksId(pair)) return;
    const id =
      allocate(ctx.file).get(pair.index) ??
      generateId(ctx.file.pairs.flatMap((p) => (p.id ? [p.id] : [])));
    const edits = setAnnotation(pair, 'id', id);
    ctx.report({
      ...pairHead(pair),
      message: pair.fields.has('id') ? "This pair's id is empty." : 'This pair has no id.',
      fixes: edits.length ? [{ title: `Add id ${id}`, edits, preferred: true }] : undefined,
    });
  },
};
