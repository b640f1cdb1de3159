/**
 * `planEdits`: an intent in, the smallest document-offset edits that do it out. The one
 * entry point of the edit layer: every change SFT Studio makes to a pairs file is planned here.
 */
import type { SftFileModel } from '../parse/parse';
import { headerEdits, pairEdits, type DocumentEdit } from './document-edit';
import { fixAll, planFixes } from './fix-all';
import { resolvePair, type EditIntent, type IntentOf } from './intent';
import { silencePair } from './map-edit';
import {
  planAddPair,
  planDuplicatePair,
  planMovePair,
  planRemovePair,
  type EditPlan,
} from './pair-ops';
import { planAddReviewNote, planResolveReviewNote } from './review';
import { planAddExample, planSetDefault, planSetExample, planSetField } from './set-field';
import { removeItem } from './list-items';
import { spansMeet } from './apply';

export type { EditPlan } from './pair-ops';

/**
 * Fix edits on any text (a pairs file or a guidelines file): one quick fix, or fix-all's
 * choice among the problems' preferred fixes (with `lint`, pass after pass on the re-linted text).
 */
export function planFixEdits(text: string, intent: IntentOf<'applyFixes'>): DocumentEdit[] {
  return planFixesCounted(text, intent).edits;
}

/** {@link planFixEdits}, with how many problems of each rule the edits fix (what `sft lint --fix` reports). */
export function planFixesCounted(
  text: string,
  intent: IntentOf<'applyFixes'>,
): { edits: DocumentEdit[]; fixedByRule: Map<string, number> } {
  if ('fix' in intent) return { edits: headerEdits(intent.fix.edits), fixedByRule: new Map() };
  if (intent.lint) {
    const all = fixAll(text, intent.lint, { problems: intent.problems });
    return { edits: headerEdits(all.edits), fixedByRule: all.fixedByRule };
  }
  const one = planFixes(intent.problems);
  const fixedByRule = new Map<string, number>();
  for (const p of one.fixed) fixedByRule.set(p.rule, (fixedByRule.get(p.rule) ?? 0) + 1);
  return { edits: headerEdits(one.edits), fixedByRule };
}

/** The edits of an intent, or why there are none (a pair that is not there, a list that is not a block list). */
export function plan(model: SftFileModel, intent: EditIntent): EditPlan {
  if (intent.kind === 'applyFixes') return { edits: planFixEdits(model.text, intent) };
  if (intent.kind === 'setDefault')
    return { edits: planSetDefault(model, intent.key, intent.value) };
  if (intent.kind === 'addPair') {
    const after = intent.after ? resolvePair(model, intent.after) : undefined;
    if (intent.after && !after)
      return { edits: [], refused: 'The pair to add after is not in the file.' };
    return planAddPair(model, intent.entries, after, intent.offset);
  }
  const pair = resolvePair(model, intent.pair);
  if (!pair)
    return { edits: [], refused: 'The pair is not in the file (or its id is not unique there).' };
  switch (intent.kind) {
    case 'setField':
    case 'setAnnotation':
      return { edits: planSetField(model, pair, intent.key, intent.value) };
    case 'duplicatePair':
      return planDuplicatePair(model, pair, intent.id);
    case 'removePair':
      return planRemovePair(model, pair);
    case 'movePair':
      return planMovePair(model, pair, intent.to);
    case 'addExample':
      return { edits: planAddExample(pair, intent.input, intent.output) };
    case 'setExample':
      return { edits: planSetExample(model, pair, intent.index, intent.key, intent.value) };
    case 'removeExample':
      return { edits: pairEdits(pair, removeItem(pair, 'examples', intent.index)) };
    case 'addReviewNote':
      return { edits: planAddReviewNote(pair, intent.by, intent.note) };
    case 'resolveReviewNote':
      return { edits: planResolveReviewNote(pair, intent.note, intent.resolved ?? true) };
    case 'silence':
      return { edits: pairEdits(pair, silencePair(pair, intent.rules, intent.reason)) };
  }
}

/** The edits of an intent, in document offsets, sorted; none when it cannot be done safely. */
export function planEdits(model: SftFileModel, intent: EditIntent): DocumentEdit[] {
  return sortDocumentEdits(plan(model, intent).edits);
}

/**
 * The edits of several intents on the same text, as one change (Generate Ids gives every
 * pair without an id one). An intent whose edits meet an earlier one's is left out: each
 * was planned on the text without the others.
 */
export function planAllEdits(model: SftFileModel, intents: readonly EditIntent[]): DocumentEdit[] {
  const out: DocumentEdit[] = [];
  for (const intent of intents) {
    const edits = planEdits(model, intent);
    if (edits.some((e) => out.some((o) => spansMeet(o, e)))) continue;
    out.push(...edits);
  }
  return sortDocumentEdits(out);
}

function sortDocumentEdits(edits: readonly DocumentEdit[]): DocumentEdit[] {
  return [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
}
