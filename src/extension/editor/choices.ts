/** The values each annotation may take under the guidelines, with meanings: the cards' pickers. */
import { ANNOTATION_KEYS } from '../../core/annotations';
import type { Guidelines } from '../../core/guidelines';
import type { Choice } from '../../shared/editor-protocol';
import { valuesFor } from '../language/vocabulary';

/** Closed annotations and their values (free-text annotations are left out). */
export function choicesOf(g: Guidelines): Record<string, Choice[]> {
  const out: Record<string, Choice[]> = {};
  for (const key of ANNOTATION_KEYS) {
    const values = valuesFor(key, g);
    if (values) out[key] = values.map((v) => ({ value: v.value, description: v.description }));
  }
  return out;
}
