/**
 * The one template of a new pair, for Insert Pair, New SFT File and the pair editor's Add
 * pair: its id, every annotation the guidelines require that the file's `defaults` do not
 * set, then prompt and response. The edit layer writes it (`addPair`, through the one pair
 * writer) as a snippet whose tab stops run in the order a writer fills a pair in (the
 * annotation choices, then the prompt, then the response), and as plain text.
 *
 * The values a new pair is born with, so that no annotation with a vocabulary is missing: each
 * gets its first value (the guidelines' own list where they give one, e.g. their first domain,
 * else the built-in order: `task: generation`, `prompt_type: instructive`, `response_type:
 * one_word`); the snippet offers the rest as a choice, the pair editor's pickers change it. A
 * required free annotation (`author`) has no value to guess: it is written empty, and flagged,
 * for the writer to fill in.
 * Prompt and response are empty `|` blocks: no line of spaces is written, the pair parses, and
 * only `empty-field` flags them until the writer fills them in.
 */
import { PAIR_KEYS } from './annotations';
import type { IntentOf } from './edit/intent';
import type { PairEntry } from './edit/pair-writer';
import { yamlScalar } from './edit/scalar-write';
import type { Guidelines } from './guidelines';
import { scalarText } from './parse/model';
import type { SftFileModel } from './parse/parse';
import { isEmptyValue } from './rules/support/node-shape';

/**
 * The first lines of a new pairs file: `sft: 1`, the language in `defaults` when the
 * guidelines allow one language (or name none: then `en`), and `pairs:` for Insert Pair to fill.
 */
export function newFileHeader(guidelines: Guidelines, eol = '\n'): string {
  const languages = guidelines.languages ?? ['en'];
  const defaults =
    languages.length === 1 ? `defaults:${eol}  language: ${yamlScalar(languages[0])}${eol}` : '';
  return `sft: 1${eol}${defaults}pairs:${eol}`;
}

/** One line of a new pair: a fixed value, a choice among values, a free value, or a block text. */
export type TemplateField = PairEntry;

/** Annotations a new pair is written with, not asked for (a work-list item's: `task`, `traits` ...). */
export type GivenValues = Readonly<Record<string, string | readonly string[]>>;

/** The values an annotation may take under the guidelines (the editor's vocabulary), or undefined for free text. */
export type ChoicesOf = (key: string) => readonly string[] | undefined;

/** Keys a new pair never asks for: computed (prompt_length), or not annotations. */
const NOT_ASKED = new Set([
  'id',
  'prompt',
  'response',
  'prompt_length',
  'system',
  'context',
  'examples',
  'labels',
  'review',
]);

/** Keys the file's `defaults` set to a value (an empty `task:` there sets nothing). */
export function defaultsSet(model: SftFileModel): Set<string> {
  const out = new Set<string>();
  for (const [key, field] of model.defaults) if (!isEmptyValue(field.value)) out.add(key);
  return out;
}

/**
 * The fields of a new pair, in the format's key order: the id, the given values, each other
 * required annotation not set in `defaults` (a choice where the vocabulary has values), prompt
 * and response.
 * @usedBy tests
 */
export function newPairFields(
  id: string,
  guidelines: Guidelines,
  defaults: ReadonlySet<string>,
  choicesOf: ChoicesOf,
  given: GivenValues = {},
): TemplateField[] {
  const required = new Set(guidelines.required);
  const out: TemplateField[] = [];
  for (const key of PAIR_KEYS) {
    if (key === 'id') out.push({ key, kind: 'value', value: id });
    else if (Object.hasOwn(given, key)) out.push({ key, kind: 'value', value: given[key] });
    else if (key === 'prompt' || key === 'response') out.push({ key, kind: 'text' });
    else if (required.has(key) && !defaults.has(key) && !NOT_ASKED.has(key)) {
      const values = choicesOf(key);
      out.push(
        values?.length
          ? { key, kind: 'choice', values, list: key === 'traits' || key === 'tags' }
          : { key, kind: 'free' },
      );
    }
  }
  return out;
}

/** What Insert Pair needs besides the file. */
export interface InsertPairOptions {
  /** The cursor: the new pair goes after the pair that holds it, else after the last pair. */
  offset?: number;
  guidelines: Guidelines;
  /** The new pair's id (unique in the workspace: the caller knows the workspace). */
  id: string;
  choicesOf: ChoicesOf;
  /** Values to write rather than ask for; one the file's `defaults` already give is left to them. */
  values?: GivenValues;
}

/** Insert Pair as an intent: the template's fields, after the pair at the cursor. */
export function insertPairIntent(
  model: SftFileModel,
  opts: InsertPairOptions,
): IntentOf<'addPair'> {
  const given = Object.fromEntries(
    Object.entries(opts.values ?? {}).filter(
      ([key, value]) => scalarText(model.defaults.get(key)?.value) !== value,
    ),
  );
  return {
    kind: 'addPair',
    entries: newPairFields(opts.id, opts.guidelines, defaultsSet(model), opts.choicesOf, given),
    offset: opts.offset,
  };
}
