/**
 * How a file writes its texts, so a new text is written the same way: if the file writes its
 * prompts as `|` blocks, a new prompt of several lines is a `|` block too.
 */
import { isScalar } from 'yaml';
import { TEXT_FIELDS } from '../annotations';
import type { SftFileModel } from '../parse/parse';
import { DEFAULT_TEXT_STYLES, type TextStyle, type TextStyles } from './text-write';

/** Pairs looked at: enough to see a file's habit, without reading every pair of a huge file. */
const SAMPLE = 200;

type Counts = Map<TextStyle, number>;

function most(counts: Counts, fallback: TextStyle): TextStyle {
  let best = fallback;
  let n = 0;
  for (const [type, c] of counts)
    if (c > n) {
      best = type;
      n = c;
    }
  return best;
}

/**
 * The styles of the texts under `key` (a text field: prompt, response, ...), else of every
 * text field, else plain for one line and `|` blocks for several.
 */
export function textStyles(model: SftFileModel, key?: string): TextStyles {
  const keys: readonly string[] = TEXT_FIELDS;
  const counts = {
    own: { single: new Map(), multi: new Map() },
    any: { single: new Map(), multi: new Map() },
  } satisfies Record<string, Record<keyof TextStyles, Counts>>;
  for (const pair of model.pairs.slice(0, SAMPLE)) {
    for (const f of pair.entries) {
      if (
        !keys.includes(f.key) ||
        !isScalar(f.value) ||
        typeof f.value.value !== 'string' ||
        !f.value.type
      )
        continue;
      // What the writer wrote: a `|` block of one line ("x\n") was still written for one line.
      const shape = /\n./.test(f.value.value) ? 'multi' : 'single';
      for (const group of f.key === key ? [counts.own, counts.any] : [counts.any]) {
        group[shape].set(f.value.type, (group[shape].get(f.value.type) ?? 0) + 1);
      }
    }
  }
  const pick = (shape: keyof TextStyles): TextStyle => {
    const own = counts.own[shape];
    return own.size
      ? most(own, DEFAULT_TEXT_STYLES[shape])
      : most(counts.any[shape], DEFAULT_TEXT_STYLES[shape]);
  };
  return { single: pick('single'), multi: pick('multi') };
}
