/**
 * The annotation vocabulary of SPEC 1.1, with a one-line meaning for each value
 * (shown in hovers, pickers and completion).
 */
import { languageLabel, languageName } from './language-names';

/** A closed-set annotation value and what it means. */
export interface AnnotationValue {
  value: string;
  description: string;
}

function values(entries: Record<string, string>): readonly AnnotationValue[] {
  return Object.entries(entries).map(([value, description]) => ({ value, description }));
}

export const TASKS = values({
  generation: 'Write new text from an instruction: a story, an email, a poem, a product description.',
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
  constraints: 'The prompt sets rules the answer must follow (length, format, words to use or avoid).',
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

/** Annotation keys whose values come from a closed list. */
export const CLOSED_ANNOTATIONS = {
  task: TASKS,
  prompt_type: PROMPT_TYPES,
  response_type: RESPONSE_TYPES,
  status: STATUSES,
  prompt_length: PROMPT_LENGTHS,
} as const;

export type ClosedAnnotationKey = keyof typeof CLOSED_ANNOTATIONS;

/** BCP 47 language tag, loosely: language[-script][-region][-variant...]. */
export const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|\d{3}))?(?:-[A-Za-z0-9]{5,8})*$/;

// Sets, not lists: a value like "constructor" must not be found on a prototype.
const CLOSED_SETS = new Map<string, ReadonlySet<string>>(
  [...Object.entries(CLOSED_ANNOTATIONS), ['traits', TRAITS] as const].map(([key, list]) => [key, new Set(list.map((v) => v.value))]),
);

/**
 * Whether a value is one the annotation can take: a value of its closed list (a trait for
 * `traits`), a BCP 47 tag for `language`; any value of an open annotation (domain, author).
 * What invalid-value reports is exactly what this refuses.
 */
export function isValidValue(key: string, value: string): boolean {
  const set = CLOSED_SETS.get(key);
  if (set) return set.has(value);
  return key === 'language' ? LANGUAGE_TAG.test(value) : true;
}

/** Every annotation key (the keys coverage counts and defaults may set). */
export const ANNOTATION_KEYS = [
  'task', 'prompt_type', 'response_type', 'domain', 'language', 'traits', 'status', 'prompt_length', 'author', 'reviewer',
] as const;
export type AnnotationKey = (typeof ANNOTATION_KEYS)[number];

/** Text fields of a pair, in the order the model reads them. */
export const TEXT_FIELDS = ['system', 'context', 'prompt', 'response'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** Every key a pair may have (SPEC 1). */
export const PAIR_KEYS = [
  'id', 'task', 'prompt_type', 'response_type', 'domain', 'language', 'traits', 'status',
  'system', 'context', 'examples', 'labels', 'prompt', 'response', 'prompt_length',
  'author', 'reviewer', 'review', 'tags',
] as const;

/** Keys allowed at the top of a `.sft.yaml` file. */
export const FILE_KEYS = ['sft', 'defaults', 'pairs'] as const;
/** Keys `defaults` may set. */
export const DEFAULT_KEYS = ['task', 'prompt_type', 'response_type', 'domain', 'language', 'traits', 'status', 'author', 'reviewer', 'tags'] as const;
/** Keys of an in-context example. */
export const EXAMPLE_KEYS = ['input', 'output'] as const;
/** Keys of a review note. */
export const REVIEW_KEYS = ['by', 'note', 'resolved'] as const;

/** The meaning of a closed annotation value, or the name of a language ("French (fr)"), if it is one. */
export function describeValue(key: string, value: string): string | undefined {
  if (key === 'language') return languageName(value) && languageLabel(value);
  const list = key === 'domain' ? DEFAULT_DOMAINS : key === 'traits' ? TRAITS : (CLOSED_ANNOTATIONS as Record<string, readonly AnnotationValue[]>)[key];
  return list?.find((v) => v.value === value)?.description;
}
