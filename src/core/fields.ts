/**
 * The field table of the `.sft.yaml` format (SPEC 1): every key a file, a pair, its
 * `defaults`, an in-context example and a review note can hold, with its shape, its values
 * and what it means. The zod schemas, the schema and unknown-key rules, completion, hover,
 * coverage and the serializers derive from it: a key is defined here and nowhere else.
 */
import type { Field, PairModel } from './parse/model';
import type { SftFileModel } from './parse/parse';

/** A value of a closed list (or of the default domain list) and what it means. */
export interface AnnotationValue {
  value: string;
  description: string;
}

/** Where a key is written. `defaults` holds the pair keys marked `inDefaults`. */
export type FieldLevel = 'file' | 'pair' | 'example' | 'review';

/**
 * The shape of a key's value: `version` the number 1; `id` a pair id; `text` written text
 * (a block scalar when long); `value` one value (`pattern` restricts it, else any non-empty
 * text); `closed` one of `values`; `list` a list of free values; `closed-list` a list of
 * `values`; `flag` true or false; `entries` a list of maps holding the fields of level
 * `entry`; `defaults` the map of annotations applied to every pair.
 */
export type FieldShape =
  | 'version'
  | 'id'
  | 'text'
  | 'value'
  | 'closed'
  | 'list'
  | 'closed-list'
  | 'flag'
  | 'entries'
  | 'defaults';

/** One key of the format. */
export interface FieldSpec {
  readonly key: string;
  readonly level: FieldLevel;
  readonly shape: FieldShape;
  /** One line for hover, completion and pickers. */
  readonly meaning: string;
  /** For `closed` and `closed-list`, the values it takes; for `domain`, the default list. */
  readonly values?: readonly AnnotationValue[];
  readonly pattern?: RegExp;
  /** For `entries`, the level of the keys each item holds. */
  readonly entry?: FieldLevel;
  readonly required?: boolean;
  /** Whether the file's `defaults` may set it for every pair. */
  readonly inDefaults?: boolean;
  /** An annotation: set with the pickers rather than written. */
  readonly annotation?: boolean;
  /** Counted in coverage, at this place in its reports. */
  readonly coverage?: number;
  /** Text the model reads or writes, linted as writing (empty, repetition, formatting ...). */
  readonly writing?: boolean;
}

function values(entries: Record<string, string>): readonly AnnotationValue[] {
  return Object.entries(entries).map(([value, description]) => ({ value, description }));
}

export const TASKS = values({
  generation:
    'Write new text from an instruction: a story, an email, a poem, a product description.',
  brainstorming: 'List many ideas, options or angles on a topic.',
  open_qa: 'Answer a question from general knowledge, with no passage given.',
  rewriting: 'Rewrite a given text: change its tone, style, length, audience or format.',
  summarization: 'Condense a given passage into a shorter text that keeps its key points.',
  open_classification: 'Sort or label items into categories the answer chooses.',
  closed_classification: 'Assign one of a given set of labels.',
  closed_qa: 'Answer a question from a given passage only.',
  extraction: 'Pull specific facts, names or figures out of a given passage.',
  chain_of_thought: 'Reason step by step, then give a final answer.',
});

/** @usedBy bench */
export const PROMPT_TYPES = values({
  instructive: 'The prompt gives an instruction to follow.',
  continuation: 'The prompt gives an incomplete text or a starting point to continue from.',
  in_context: 'The prompt shows worked examples first, then the task.',
});

export const RESPONSE_TYPES = values({
  one_word: 'The answer is a single word.',
  short_phrase: 'The answer is a short phrase, not a full sentence.',
  single_sentence: 'The answer is exactly one sentence.',
  descriptive: 'The answer is a full, multi-sentence text.',
});

export const TRAITS = values({
  scene_setting: 'The prompt gives background: who, where, when, why.',
  constraints:
    'The prompt sets rules the answer must follow (length, format, words to use or avoid).',
  persona: 'The prompt asks the model to speak as, or restricts it to, a persona.',
});

export const STATUSES = values({
  draft: 'Being written; not ready for review.',
  review: 'Ready for the internal QA round.',
  changes_requested: 'A reviewer asked for changes; back with the writer.',
  approved: 'Passed review; goes into the training set.',
  rejected: 'Will not be delivered.',
});

export const PROMPT_LENGTHS = values({
  short: 'Under the short threshold (100 words by default) of everything the model reads first.',
  medium: 'Between the short and long thresholds (100 to 500 words by default).',
  long: 'Over the long threshold (500 words by default).',
});

export const DEFAULT_DOMAINS = values({
  business: 'Companies, management, strategy, operations.',
  marketing: 'Advertising, branding, campaigns, audiences.',
  healthcare: 'Medicine, health, care, wellbeing.',
  history: 'Past events, people and periods.',
  geography: 'Places, maps, climate, landscapes.',
  culture: 'Customs, arts, food, traditions.',
  literature: 'Books, poetry, authors, literary analysis.',
  religion: 'Faiths, beliefs, practices, texts.',
  politics: 'Government, elections, policy, public affairs.',
  entertainment: 'Film, music, games, television, celebrities.',
  science: 'Natural and social sciences, research.',
  technology: 'Computing, software, engineering, devices.',
  education: 'Teaching, learning, schools, study skills.',
  law: 'Laws, rights, courts, contracts.',
  finance: 'Money, banking, investing, accounting.',
  sports: 'Games, athletes, competitions, fitness.',
  general: 'Everyday topics that fit no other domain.',
});

/** A pair id: letters, digits, `.`, `_`, `-`. */
export const ID_PATTERN = /^[A-Za-z0-9._-]+$/;

/** BCP 47 language tag, loosely: language[-script][-region][-variant...]. */
export const LANGUAGE_TAG =
  /^[A-Za-z]{2,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|\d{3}))?(?:-[A-Za-z0-9]{5,8})*$/;

/**
 * Every key, each level in the order a written file, pair, example or review note puts its
 * keys (the order Insert Pair and import write).
 */
export const FIELDS = [
  {
    key: 'sft',
    level: 'file',
    shape: 'version',
    required: true,
    meaning: 'Format version, required, the first key: `sft: 1`.',
  },
  {
    key: 'defaults',
    level: 'file',
    shape: 'defaults',
    meaning: 'Annotations that apply to every pair of the file unless the pair sets its own.',
  },
  {
    key: 'pairs',
    level: 'file',
    shape: 'entries',
    entry: 'pair',
    required: true,
    meaning: 'The demonstration pairs of this file.',
  },

  {
    key: 'id',
    level: 'pair',
    shape: 'id',
    pattern: ID_PATTERN,
    required: true,
    meaning: 'Unique id of the pair across the workspace: letters, digits, `.`, `_`, `-`.',
  },
  {
    key: 'task',
    level: 'pair',
    shape: 'closed',
    values: TASKS,
    inDefaults: true,
    annotation: true,
    coverage: 1,
    meaning: 'What the prompt asks the model to do.',
  },
  {
    key: 'prompt_type',
    level: 'pair',
    shape: 'closed',
    values: PROMPT_TYPES,
    inDefaults: true,
    annotation: true,
    coverage: 2,
    meaning: 'How the prompt asks: an instruction, a text to continue, or examples first.',
  },
  {
    key: 'response_type',
    level: 'pair',
    shape: 'closed',
    values: RESPONSE_TYPES,
    inDefaults: true,
    annotation: true,
    coverage: 3,
    meaning: 'The shape of the answer: one word, a short phrase, one sentence, or a full text.',
  },
  {
    key: 'domain',
    level: 'pair',
    shape: 'value',
    values: DEFAULT_DOMAINS,
    inDefaults: true,
    annotation: true,
    coverage: 5,
    meaning: "The subject area, from the guidelines' list of domains.",
  },
  {
    key: 'language',
    level: 'pair',
    shape: 'value',
    pattern: LANGUAGE_TAG,
    inDefaults: true,
    annotation: true,
    coverage: 6,
    meaning: 'BCP 47 tag of the language of prompt and response (en, hi, fr, pt-BR ...).',
  },
  {
    key: 'traits',
    level: 'pair',
    shape: 'closed-list',
    values: TRAITS,
    inDefaults: true,
    annotation: true,
    coverage: 7,
    meaning: 'What the prompt carries: scene setting, constraints, a persona.',
  },
  {
    key: 'status',
    level: 'pair',
    shape: 'closed',
    values: STATUSES,
    inDefaults: true,
    annotation: true,
    coverage: 8,
    meaning: 'Where the pair is in QA: draft, review, changes_requested, approved, rejected.',
  },
  {
    key: 'system',
    level: 'pair',
    shape: 'text',
    writing: true,
    meaning: 'Optional system message the model reads first.',
  },
  {
    key: 'context',
    level: 'pair',
    shape: 'text',
    writing: true,
    meaning: 'The passage the prompt refers to (needed for closed_qa, extraction, summarization).',
  },
  {
    key: 'examples',
    level: 'pair',
    shape: 'entries',
    entry: 'example',
    meaning: 'In-context examples (`input` / `output`) shown before the task.',
  },
  {
    key: 'labels',
    level: 'pair',
    shape: 'list',
    meaning: 'The label set for classification; the response is one of them.',
  },
  {
    key: 'prompt',
    level: 'pair',
    shape: 'text',
    writing: true,
    required: true,
    meaning: 'What the user asks. Required.',
  },
  {
    key: 'response',
    level: 'pair',
    shape: 'text',
    writing: true,
    required: true,
    meaning: 'The demonstration answer the model learns from. Required.',
  },
  // Coverage counts the bucket of the counted words, whether declared or not.
  {
    key: 'prompt_length',
    level: 'pair',
    shape: 'closed',
    values: PROMPT_LENGTHS,
    annotation: true,
    coverage: 4,
    meaning: 'Declared length bucket (short, medium, long), checked against the counted words.',
  },
  {
    key: 'author',
    level: 'pair',
    shape: 'value',
    inDefaults: true,
    annotation: true,
    coverage: 9,
    meaning: 'Who wrote the pair.',
  },
  {
    key: 'reviewer',
    level: 'pair',
    shape: 'value',
    inDefaults: true,
    annotation: true,
    meaning: 'Who reviews the pair.',
  },
  {
    key: 'review',
    level: 'pair',
    shape: 'entries',
    entry: 'review',
    meaning: 'Reviewer notes, oldest first: `by`, `note`, `resolved`.',
  },
  {
    key: 'tags',
    level: 'pair',
    shape: 'list',
    inDefaults: true,
    meaning: 'Free tags, e.g. a batch name.',
  },

  {
    key: 'input',
    level: 'example',
    shape: 'text',
    required: true,
    meaning: "The example's input.",
  },
  {
    key: 'output',
    level: 'example',
    shape: 'text',
    required: true,
    meaning: "The example's output.",
  },

  {
    key: 'by',
    level: 'review',
    shape: 'value',
    required: true,
    meaning: 'Who wrote the review note.',
  },
  {
    key: 'note',
    level: 'review',
    shape: 'text',
    required: true,
    meaning: 'What the reviewer asks for.',
  },
  {
    key: 'resolved',
    level: 'review',
    shape: 'flag',
    meaning: 'Whether the note has been dealt with.',
  },
] as const satisfies readonly FieldSpec[];

type Row = (typeof FIELDS)[number];
/** The keys of one level, as literal types. */
export type KeyAt<L extends FieldLevel> = Extract<Row, { level: L }>['key'];
/** Keys the file's `defaults` may set. */
export type DefaultKey = Extract<Row, { inDefaults: true }>['key'];
/** Annotations coverage counts. */
export type CoverageKey = Extract<Row, { coverage: number }>['key'];

// Maps, not objects: a key like "constructor" must find nothing.
const BY_LEVEL = new Map<FieldLevel, Map<string, FieldSpec>>();
for (const f of FIELDS as readonly FieldSpec[]) {
  let level = BY_LEVEL.get(f.level);
  if (!level) BY_LEVEL.set(f.level, (level = new Map()));
  level.set(f.key, f);
}
const BY_KEY = new Map<string, FieldSpec>((FIELDS as readonly FieldSpec[]).map((f) => [f.key, f]));
const LISTS = new Map<FieldLevel, readonly FieldSpec[]>(
  [...BY_LEVEL].map(([level, fields]) => [level, [...fields.values()]]),
);

/** The field a key names, at one level or (keys being unique across levels) anywhere. */
export function fieldSpec(key: string, level?: FieldLevel): FieldSpec | undefined {
  return level ? BY_LEVEL.get(level)?.get(key) : BY_KEY.get(key);
}

/** The fields of one level, in written order. */
export function fieldsAt(level: FieldLevel): readonly FieldSpec[] {
  return LISTS.get(level) ?? [];
}

/** The keys of one level that pass `test`, in written order. */
export function keysAt<L extends FieldLevel>(
  level: L,
  test: (f: FieldSpec) => boolean = () => true,
): readonly KeyAt<L>[] {
  return fieldsAt(level)
    .filter(test)
    .map((f) => f.key as KeyAt<L>);
}

/** The values a closed key (`closed`, `closed-list`) takes; undefined for any other key. */
export function closedValues(key: string): readonly AnnotationValue[] | undefined {
  const f = BY_KEY.get(key);
  return f?.shape === 'closed' || f?.shape === 'closed-list' ? f.values : undefined;
}

const IN_DEFAULTS = new Set<string>(keysAt('pair', (f) => f.inDefaults === true));

/**
 * A pair's field as it applies: the pair's own entry (even an empty one: `task:` on a pair
 * sets no task), else the file's `defaults` entry for a key `defaults` may set.
 */
export function effectiveField(
  model: Pick<SftFileModel, 'defaults'>,
  pair: Pick<PairModel, 'fields'>,
  key: string,
): Field | undefined {
  return pair.fields.get(key) ?? (IN_DEFAULTS.has(key) ? model.defaults.get(key) : undefined);
}
