/**
 * zod schemas for `.sft.yaml` and `sft.guidelines.yaml`: the single source of truth for
 * their shape. The JSON Schemas in `schemas/` are generated from these
 * (`npm run schemas`), and a unit test fails when they are stale.
 */
import { z } from 'zod';
import { TASKS, PROMPT_TYPES, RESPONSE_TYPES, TRAITS, STATUSES, PROMPT_LENGTHS, LANGUAGE_TAG, type AnnotationValue } from './annotations';
import { expectedWords } from './schema-issues';

function oneOf(values: readonly AnnotationValue[], what: string) {
  return z.enum(values.map((v) => v.value) as [string, ...string[]]).describe(what);
}

export const ID_PATTERN = /^[A-Za-z0-9._-]+$/;

export const taskSchema = oneOf(TASKS, 'What the prompt asks the model to do.');
export const promptTypeSchema = oneOf(PROMPT_TYPES, 'How the prompt asks.');
export const responseTypeSchema = oneOf(RESPONSE_TYPES, 'The shape of the answer.');
export const traitSchema = oneOf(TRAITS, 'A prompt trait.');
export const statusSchema = oneOf(STATUSES, 'Where the pair is in QA.');
export const promptLengthSchema = oneOf(PROMPT_LENGTHS, 'Declared prompt length bucket.');
const languageSchema = z.string().regex(LANGUAGE_TAG).describe('BCP 47 language tag of prompt and response.');
const domainSchema = z.string().min(1).describe('Subject area.');
const nameSchema = z.string().min(1);

const annotations = {
  task: taskSchema.optional(),
  prompt_type: promptTypeSchema.optional(),
  response_type: responseTypeSchema.optional(),
  domain: domainSchema.optional(),
  language: languageSchema.optional(),
  traits: z.array(traitSchema).optional().describe('Prompt traits.'),
  status: statusSchema.optional(),
  author: nameSchema.optional().describe('Who wrote the pair.'),
  reviewer: nameSchema.optional().describe('Who reviews the pair.'),
  tags: z.array(z.string()).optional().describe('Free tags.'),
};

export const exampleSchema = z.strictObject({
  input: z.string().describe('Example input.'),
  output: z.string().describe('Example output.'),
});

export const reviewNoteSchema = z.strictObject({
  by: nameSchema.describe('Reviewer.'),
  note: z.string().describe('What the reviewer asks for.'),
  resolved: z.boolean().optional().describe('Whether the note has been dealt with.'),
});

export const pairSchema = z.strictObject({
  id: z.string().regex(ID_PATTERN).describe('Unique across the workspace: letters, digits, ".", "_", "-".'),
  ...annotations,
  system: z.string().optional().describe('Optional system message.'),
  context: z.string().optional().describe('Passage the prompt refers to.'),
  examples: z.array(exampleSchema).optional().describe('In-context examples shown before the task.'),
  labels: z.array(z.string()).optional().describe('Label set for classification.'),
  prompt: z.string().describe('What the user asks.'),
  response: z.string().describe('The demonstration answer.'),
  prompt_length: promptLengthSchema.optional(),
  review: z.array(reviewNoteSchema).optional().describe('Reviewer notes, oldest first.'),
});

export const sftFileSchema = z.strictObject({
  sft: z.literal(1).describe('Format version; the first key.'),
  defaults: z.strictObject(annotations).optional().describe('Annotations applied to every pair.'),
  pairs: z.array(pairSchema).describe('The demonstration pairs.'),
}).describe('An SFT Studio file of prompt/response demonstration pairs.');

const severitySchema = z.enum(['off', 'info', 'warning', 'error']);
const languageTagSchema = z.string().regex(LANGUAGE_TAG).register(expectedWords, { expected: 'a BCP 47 language tag (en, hi, fr, pt-BR ...)' });
// A number above 1 is a percent (15 is 15%), up to 1 a fraction (0.15 is 15%).
const share = z.union([z.number().min(0).max(100), z.string().regex(/^\d+(\.\d+)?%$/).refine((s) => Number.parseFloat(s) <= 100)])
  .describe('A share: 15% or 0.15.').register(expectedWords, { expected: 'a share from 0% to 100%, like 15% or 0.15' });
/** Target shares per value; for a closed annotation only its values are keys. */
const shares = (values?: z.ZodEnum) => (values ? z.partialRecord(values, share) : z.record(z.string(), share));

export const ruleSettingSchema = z.union([
  severitySchema,
  z.looseObject({ severity: severitySchema.optional(), threshold: z.number().min(0).max(1).optional() }),
]);

export const guidelinesSchema = z.strictObject({
  'sft-guidelines': z.literal(1).describe('Guidelines format version; the first key.').register(expectedWords, { expected: '1 (the file starts with `sft-guidelines: 1`)' }),
  name: z.string().optional().describe('Name of the project or batch.'),
  handbook: z.string().optional().describe('Path or URL of the writers\' handbook; rules link to its sections.'),
  annotations: z.strictObject({
    required: z.array(z.string()).optional().describe('Annotation keys every pair must have.'),
    domains: z.array(z.string()).optional().describe('Allowed domains.'),
    languages: z.array(languageTagSchema).optional().describe('Allowed languages.'),
    tasks: z.array(taskSchema).optional().describe('Tasks the batch covers (coverage counts against this list).'),
  }).optional(),
  length: z.strictObject({
    short: z.number().int().positive().optional().describe('Prompts under this many words are short.'),
    long: z.number().int().positive().optional().describe('Prompts over this many words are long.'),
  }).optional(),
  response: z.strictObject({
    min_words: z.union([z.number().int().nonnegative(), z.record(z.string(), z.number().int().nonnegative())]).optional(),
    max_words: z.union([z.number().int().positive(), z.record(z.string(), z.number().int().positive())]).optional(),
    max_tokens: z.number().int().positive().optional(),
    tokenizer: z.enum(['o200k_base', 'cl100k_base']).optional(),
  }).optional(),
  targets: z.strictObject({
    total: z.number().int().nonnegative().optional(),
    task: shares(taskSchema).optional(), prompt_type: shares(promptTypeSchema).optional(), response_type: shares(responseTypeSchema).optional(),
    prompt_length: shares(promptLengthSchema).optional(), domain: shares().optional(), language: z.record(languageTagSchema, share).optional(),
    traits: shares(traitSchema).optional(), status: shares(statusSchema).optional(), author: shares().optional(),
  }).optional(),
  rules: z.record(z.string(), ruleSettingSchema).optional().describe('Severity (and options) per rule id.'),
  banned_phrases: z.array(z.strictObject({
    text: z.string().min(1), message: z.string().optional(), fields: z.array(z.string()).optional(),
    severity: severitySchema.optional(),
  })).optional(),
  harmful_terms: z.array(z.union([z.string().min(1), z.strictObject({ text: z.string().min(1), message: z.string().optional(), severity: severitySchema.optional() })])).optional(),
  patterns: z.array(z.strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).register(expectedWords, { expected: 'a rule id of lowercase letters, digits and - (like no-first-person)' }),
    regex: z.string().min(1), flags: z.string().optional(),
    fields: z.array(z.string()).optional(), severity: severitySchema.optional(),
    message: z.string(), handbook: z.string().optional(),
  })).optional(),
}).describe('SFT Studio guidelines: required annotations, thresholds, targets and rule settings.')
  .register(expectedWords, { expected: 'a map of settings that starts with `sft-guidelines: 1`' });

export type GuidelinesInput = z.infer<typeof guidelinesSchema>;
export type PairInput = z.infer<typeof pairSchema>;
