import { isMap } from 'yaml';
import { setAnnotation } from '../edit/map-edit';
import { effectiveField } from '../fields';
import { isEmptyValue, pairHead } from './support/node-shape';
import type { LintRule, PairContext } from '../rule';
import type { Fix } from '../types';
import { suggestTask } from '../text/task-shape';

/**
 * The guidelines' required annotations (`annotations.required`), looked up on the pair and
 * then in the file's `defaults`. `id` is left to missing-id, which can fix it. The missing
 * keys of a pair are one problem (one line in the Problems panel, not six); an empty key
 * (`task:`, which hides the default) is one problem each, at its place.
 */
export const missingAnnotation: LintRule = {
  meta: {
    id: 'missing-annotation',
    category: 'annotations',
    defaultSeverity: 'warning',
    fixable: true,
    description: 'A required annotation is set neither on the pair nor in defaults.',
  },
  checkPair(ctx) {
    const { pair, guidelines } = ctx;
    if (!isMap(pair.node)) return;
    const why = guidelines.source ? 'required by the guidelines' : 'required by default';
    const missing: string[] = [];
    for (const key of guidelines.required) {
      if (key === 'id') continue;
      // The fields directly, not ctx.annotation(): this runs for every key of every pair.
      const field = effectiveField(ctx.file, pair, key);
      if (!field) {
        missing.push(key);
        continue;
      }
      if (!isEmptyValue(field.value)) continue; // an alias is not empty either
      if (!pair.fields.has(key)) {
        missing.push(key);
        continue;
      } // `task:` in defaults sets nothing
      const r = field.keyNode.range!;
      ctx.report({
        start: r[0],
        end: r[1],
        message: `${key} is empty (${why}); fill it in, or remove the line to use the file's defaults.`,
        fixes: fillFix(ctx, key),
      });
    }
    if (!missing.length) return;
    const list = missing.join(', ');
    const task = missing.includes('task') ? taskFix(ctx) : undefined;
    const fixes = [
      ...(missing.includes('prompt_length') ? (fillFix(ctx, 'prompt_length') ?? []) : []),
      ...(task?.fixes ?? []),
    ];
    ctx.report({
      ...pairHead(pair),
      message: `Missing annotation${missing.length > 1 ? 's' : ''} ${list} (${why}); set ${missing.length > 1 ? 'them' : 'it'} on the pair or in defaults.${task ? ` The prompt reads like ${task.task} (${task.why}).` : ''}`,
      fixes: fixes.length ? fixes : undefined,
    });
  },
};

/**
 * A task suggested by the prompt's shape ("Summarize this email": summarization), offered as
 * a fix that fix-all does not apply: the writer confirms it.
 */
function taskFix(ctx: PairContext): { task: string; why: string; fixes: Fix[] } | undefined {
  const prompt = ctx.text('prompt')?.text;
  if (!prompt) return undefined;
  const labels = ctx.annotation('labels').list;
  const s = suggestTask(prompt, {
    hasContext: !!ctx.text('context')?.text.trim(),
    hasLabels: !!labels?.some((l) => l.trim()),
  });
  if (!s) return undefined;
  const edits = setAnnotation(ctx.pair, 'task', s.task);
  return edits.length
    ? { task: s.task, why: s.why, fixes: [{ title: `Set task to ${s.task}`, edits }] }
    : undefined;
}

/** Only a computed annotation has a value a fix can fill in without guessing. */
function fillFix(ctx: PairContext, key: string): Fix[] | undefined {
  if (key !== 'prompt_length') return undefined;
  const bucket = ctx.counts().bucket;
  const edits = setAnnotation(ctx.pair, key, bucket);
  return edits.length
    ? [{ title: `Set prompt_length to ${bucket}`, edits, preferred: true }]
    : undefined;
}
