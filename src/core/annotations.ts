/**
 * The annotation vocabulary of SPEC 1.1 and the key lists of the format, as the rules and
 * editors use them. All of it is read from the field table (fields.ts), where each key and
 * each closed value with its meaning is defined.
 */
import { closedValues, fieldSpec, keysAt, FIELDS, type DefaultKey } from './fields';
import { languageLabel, languageName } from './language-names';
import type { AnnotationValue } from './fields';

export type { AnnotationValue } from './fields';
export {
  DEFAULT_DOMAINS,
  LANGUAGE_TAG,
  PROMPT_LENGTHS,
  RESPONSE_TYPES,
  STATUSES,
  TASKS,
  TRAITS,
} from './fields';

type Row = (typeof FIELDS)[number];
type ClosedKey = Extract<Row, { shape: 'closed' }>['key'];
type InDefaults = Extract<Row, { inDefaults: true }>;

/** Annotation keys whose values come from a closed list (`traits` is a list of {@link TRAITS}). */
export const CLOSED_ANNOTATIONS = Object.fromEntries(
  keysAt('pair', (f) => f.shape === 'closed').map((key) => [key, closedValues(key)!]),
) as Readonly<Record<ClosedKey, readonly AnnotationValue[]>>;

// Sets, not lists: a value like "constructor" must not be found on a prototype.
const CLOSED_SETS = new Map<string, ReadonlySet<string>>(
  FIELDS.flatMap((f) => {
    const list = closedValues(f.key);
    return list ? [[f.key, new Set(list.map((v) => v.value))] as const] : [];
  }),
);

/**
 * Whether a value is one the key can take: a value of its closed list (a trait for
 * `traits`), a BCP 47 tag for `language`; any value of an open annotation (domain, author).
 * What invalid-value reports is exactly what this refuses.
 */
export function isValidValue(key: string, value: string): boolean {
  const set = CLOSED_SETS.get(key);
  if (set) return set.has(value);
  const pattern = fieldSpec(key)?.pattern;
  return pattern ? pattern.test(value) : true;
}

/** Annotation keys (set with the pickers), in written order. */
export const ANNOTATION_KEYS = keysAt('pair', (f) => f.annotation === true);

/** Text fields of a pair, linted as writing, in the order the model reads them. */
export const TEXT_FIELDS = keysAt('pair', (f) => f.writing === true);

/** Every key a pair may have (SPEC 1), in the order a written pair puts them. */
export const PAIR_KEYS = keysAt('pair');
/** Keys allowed at the top of a `.sft.yaml` file. */
export const FILE_KEYS = keysAt('file');
/** Keys `defaults` may set. */
export const DEFAULT_KEYS = keysAt('pair', (f) => f.inDefaults === true) as readonly DefaultKey[];
/** Keys defaults may set whose value is one value (task, domain, author ...), in written order. */
export const SCALAR_DEFAULT_KEYS = keysAt(
  'pair',
  (f) => f.inDefaults === true && (f.shape === 'closed' || f.shape === 'value'),
) as readonly Extract<InDefaults, { shape: 'closed' | 'value' }>['key'][];
/** Keys defaults may set whose value is a list (traits, tags), in written order. */
export const LIST_DEFAULT_KEYS = keysAt(
  'pair',
  (f) => f.inDefaults === true && (f.shape === 'list' || f.shape === 'closed-list'),
) as readonly Extract<InDefaults, { shape: 'list' | 'closed-list' }>['key'][];
/** Keys of an in-context example. */
export const EXAMPLE_KEYS = keysAt('example');
/** Keys of a review note. */
export const REVIEW_KEYS = keysAt('review');

/** The meaning of a known annotation value, or the name of a language ("French (fr)"), if it is one. */
export function describeValue(key: string, value: string): string | undefined {
  if (key === 'language') return languageName(value) && languageLabel(value);
  return fieldSpec(key)?.values?.find((v) => v.value === value)?.description;
}
