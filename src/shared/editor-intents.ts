/**
 * The pair editor's intents as core edit intents: the one translation between what a card
 * asks and what the edit layer plans. Pure (a parse in, an intent out), so it is unit-tested
 * and joins the edit-path property harness; the provider only queues and applies.
 *
 * An intent names its pair by id and is resolved here against the text as it is when the
 * host applies it, not as the webview saw it, so a late intent still lands on its pair.
 */
import type { EditIntent, IntentOf } from '../core/edit/intent';
import { resolvePair } from '../core/edit/intent';
import type { PairModel } from '../core/parse/model';
import type { SftFileModel } from '../core/parse/parse';
import type { Problem } from '../core/types';
import type { EditorIntent } from './editor-protocol';

/** What a translation needs besides the intent. */
export interface IntentContext {
  model: SftFileModel;
  /** The file's current problems (quick fixes are found among them). */
  problems: readonly Problem[];
  /** A new pair from the template (with a workspace-unique id), after `after`, else last. */
  newPair(after: PairModel | undefined): IntentOf<'addPair'>;
}

/** The core intent, or why there is none. */
export type Translated = { intent: EditIntent } | { refused: string };

const GONE = 'The pair is no longer in the file (or its id is no longer unique there).';

/** A pair editor intent as a core edit intent, resolved against `ctx.model`. */
export function toEditIntent(intent: EditorIntent, ctx: IntentContext): Translated {
  const { model } = ctx;
  if (intent.kind === 'addPair') {
    const after = intent.after ? resolvePair(model, intent.after) : undefined;
    if (intent.after && !after) return { refused: GONE };
    const planned = ctx.newPair(after);
    return { intent: after ? { ...planned, offset: undefined, after: intent.after } : planned };
  }
  const pair = resolvePair(model, intent.pair);
  if (!pair) return { refused: GONE };
  const ref = intent.pair;
  switch (intent.kind) {
    case 'setField':
      return {
        intent: { kind: 'setField', pair: ref, key: intent.key, value: intent.value ?? undefined },
      };
    case 'setAnnotation':
      return { intent: { kind: 'setAnnotation', pair: ref, key: intent.key, value: intent.value } };
    case 'duplicatePair':
      return { intent: { kind: 'duplicatePair', pair: ref } };
    case 'removePair':
      return { intent: { kind: 'removePair', pair: ref } };
    case 'movePair': {
      const to = pair.index + intent.by;
      if (to < 0 || to >= model.pairs.length)
        return { refused: 'The pair is already at that end of the list.' };
      return { intent: { kind: 'movePair', pair: ref, to } };
    }
    case 'addExample':
    case 'setExample':
    case 'removeExample':
      return { intent: { ...intent, pair: ref } };
    case 'addReviewNote':
      return { intent: { kind: 'addReviewNote', pair: ref, by: intent.by, note: intent.note } };
    case 'resolveReviewNote':
      return {
        intent: {
          kind: 'resolveReviewNote',
          pair: ref,
          note: intent.note,
          resolved: intent.resolved,
        },
      };
    case 'silence':
      return { intent: { kind: 'silence', pair: ref, rules: intent.rule, reason: intent.reason } };
    case 'applyFix': {
      const fix = ctx.problems
        .filter((p) => p.rule === intent.rule && inPair(pair, p))
        .flatMap((p) => p.fixes ?? [])
        .find((f) => f.title === intent.title);
      if (!fix) return { refused: 'That fix is no longer offered.' };
      return { intent: { kind: 'applyFixes', fix } };
    }
  }
}

/** Whether a problem lies in the pair's text. */
function inPair(pair: PairModel, p: Problem): boolean {
  return p.start >= pair.base + pair.slice.start && p.start <= pair.base + pair.slice.end;
}
