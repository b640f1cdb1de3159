/** What each key means, for completion and hover (the values' meanings live in core/annotations). */
import { CLOSED_ANNOTATIONS, DEFAULT_DOMAINS, TRAITS, describeValue, type AnnotationValue } from '../../core/annotations';
import type { Guidelines } from '../../core/guidelines';

export const KEY_DESCRIPTIONS: Readonly<Record<string, string>> = {
  sft: 'Format version, required, the first key: `sft: 1`.',
  defaults: 'Annotations that apply to every pair of the file unless the pair sets its own.',
  pairs: 'The demonstration pairs of this file.',
  id: 'Unique id of the pair across the workspace: letters, digits, `.`, `_`, `-`.',
  task: 'What the prompt asks the model to do.',
  prompt_type: 'How the prompt asks: an instruction, a text to continue, or examples first.',
  response_type: 'The shape of the answer: one word, a short phrase, one sentence, or a full text.',
  domain: 'The subject area, from the guidelines\' list of domains.',
  language: 'BCP 47 tag of the language of prompt and response (en, hi, fr, pt-BR ...).',
  traits: 'What the prompt carries: scene setting, constraints, a persona.',
  status: 'Where the pair is in QA: draft, review, changes_requested, approved, rejected.',
  system: 'Optional system message the model reads first.',
  context: 'The passage the prompt refers to (needed for closed_qa, extraction, summarization).',
  examples: 'In-context examples (`input` / `output`) shown before the task.',
  labels: 'The label set for classification; the response is one of them.',
  prompt: 'What the user asks. Required.',
  response: 'The demonstration answer the model learns from. Required.',
  prompt_length: 'Declared length bucket (short, medium, long), checked against the counted words.',
  author: 'Who wrote the pair.',
  reviewer: 'Who reviews the pair.',
  review: 'Reviewer notes, oldest first: `by`, `note`, `resolved`.',
  tags: 'Free tags, e.g. a batch name.',
  input: 'The example\'s input.',
  output: 'The example\'s output.',
  by: 'Who wrote the review note.',
  note: 'What the reviewer asks for.',
  resolved: 'Whether the note has been dealt with.',
};

/** Common language tags offered when the guidelines list none. */
const COMMON_LANGUAGES = ['en', 'hi', 'fr', 'de', 'es', 'pt-BR', 'it', 'nl', 'ja', 'zh', 'ko', 'ar', 'ru', 'tr', 'bn', 'ta', 'sw'];

/** The values a key may take under these guidelines, with meanings where they have one. */
export function valuesFor(key: string, g: Guidelines): readonly AnnotationValue[] | undefined {
  if (key === 'traits') return TRAITS;
  if (key === 'domain') {
    return g.domains.map((d) => ({ value: d, description: DEFAULT_DOMAINS.find((x) => x.value === d)?.description ?? 'A domain of these guidelines.' }));
  }
  if (key === 'language') return (g.languages ?? COMMON_LANGUAGES).map((l) => ({ value: l, description: describeValue('language', l) ?? 'A language tag of these guidelines.' }));
  if (key === 'task') return CLOSED_ANNOTATIONS.task.filter((t) => g.tasks.includes(t.value));
  return (CLOSED_ANNOTATIONS as Record<string, readonly AnnotationValue[]>)[key];
}
