/**
 * zod schemas for `.sft.yaml` and `sft.guidelines.yaml`: the single source of truth for
 * their shape. The JSON Schemas in `schemas/` are generated from these
 * (`npm run schemas`), and a unit test fails when they are stale.
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import {
  closedValues,
  fieldSpec,
  fieldsAt,
  LANGUAGE_TAG,
  type AnnotationValue,
  type FieldLevel,
  type FieldSpec,
} from './fields';
import { expectedWords } from './schema-issues';

export { ID_PATTERN } from './fields';

/** The schema with a description (for the JSON Schemas, hovers of the YAML extension). */
function described<T extends z.ZodMiniType>(schema: T, description: string): T {
  return schema.check(z.describe(description));
}

function oneOf(values: readonly AnnotationValue[]) {
  return z.enum(values.map((v) => v.value) as [string, ...string[]]);
}

const int = () => z.number().check(z.int());
const positiveInt = () => int().check(z.positive());
const countInt = () => int().check(z.nonnegative());
const nonEmpty = () => z.string().check(z.minLength(1));

/** The schema of one field's value, by its shape in the field table. */
function valueSchema(f: FieldSpec): z.ZodMiniType {
  switch (f.shape) {
    case 'version':
      return z.literal(1);
    case 'id':
    case 'value':
      return f.pattern ? z.string().check(z.regex(f.pattern)) : nonEmpty();
    case 'text':
      return z.string();
    case 'closed':
      return oneOf(f.values!);
    case 'list':
      return z.array(z.string());
    case 'closed-list':
      return z.array(oneOf(f.values!));
    case 'flag':
      return z.boolean();
    case 'entries':
      return z.array(mapSchema(fieldsAt(f.entry!)));
    case 'defaults':
      return mapSchema(fieldsAt('pair').filter((p) => p.inDefaults));
  }
}

/** A map holding exactly these fields, each described by its meaning. */
function mapSchema(fields: readonly FieldSpec[]) {
  return z.strictObject(
    Object.fromEntries(
      fields.map((f) => {
        const value = valueSchema(f);
        return [f.key, described(f.required ? value : z.optional(value), f.meaning)];
      }),
    ),
  );
}

/** The schema of a map of one level (a pair, an example, a review note, the file). */
function levelSchema(level: FieldLevel) {
  return mapSchema(fieldsAt(level));
}

/**
 * The schemas, built on first use (about 5 ms): a lint that reads no guidelines file never
 * needs them.
 */
function build() {
  // Described, so that a value in the guidelines' lists shows its key's meaning too.
  const closed = (key: string) => described(oneOf(closedValues(key)!), fieldSpec(key)!.meaning);
  const taskSchema = closed('task');
  const promptTypeSchema = closed('prompt_type');
  const responseTypeSchema = closed('response_type');
  const traitSchema = closed('traits');
  const statusSchema = closed('status');
  const promptLengthSchema = closed('prompt_length');
  const pairSchema = levelSchema('pair');
  const sftFileSchema = described(
    levelSchema('file'),
    'An SFT Studio file of prompt/response demonstration pairs.',
  );

  const severitySchema = z.enum(['off', 'info', 'warning', 'error']);
  const languageTagSchema = z
    .string()
    .check(z.regex(LANGUAGE_TAG))
    .register(expectedWords, { expected: 'a BCP 47 language tag (en, hi, fr, pt-BR ...)' });
  // A number above 1 is a percent (15 is 15%), up to 1 a fraction (0.15 is 15%).
  const share = described(
    z.union([
      z.number().check(z.gte(0), z.lte(100)),
      z.string().check(
        z.regex(/^\d+(\.\d+)?%$/),
        z.refine((v: string) => Number.parseFloat(v) <= 100),
      ),
    ]),
    'A share: 15% or 0.15.',
  ).register(expectedWords, { expected: 'a share from 0% to 100%, like 15% or 0.15' });
  /** Target shares per value; for a closed annotation only its values are keys. */
  const shares = (values?: ReturnType<typeof oneOf>) =>
    values ? z.partialRecord(values, share) : z.record(z.string(), share);

  const ruleSettingSchema = z.union([
    severitySchema,
    // Each rule's own options are checked against the rule's schema (rules/support/rule-settings.ts).
    z.looseObject({ severity: z.optional(severitySchema) }),
  ]);

  const guidelinesSchema = described(
    z.strictObject({
      'sft-guidelines': described(
        z.literal(1),
        'Guidelines format version; the first key.',
      ).register(expectedWords, { expected: '1 (the file starts with `sft-guidelines: 1`)' }),
      name: described(z.optional(z.string()), 'Name of the project or batch.'),
      handbook: described(
        z.optional(z.string()),
        "Path or URL of the writers' handbook; rules link to its sections.",
      ),
      annotations: z.optional(
        z.strictObject({
          required: described(
            z.optional(z.array(z.string())),
            'Annotation keys every pair must have.',
          ),
          domains: described(z.optional(z.array(z.string())), 'Allowed domains.'),
          languages: described(z.optional(z.array(languageTagSchema)), 'Allowed languages.'),
          tasks: described(
            z.optional(z.array(taskSchema)),
            'Tasks the batch covers (coverage counts against this list).',
          ),
        }),
      ),
      length: z.optional(
        z.strictObject({
          short: described(z.optional(positiveInt()), 'Prompts under this many words are short.'),
          long: described(z.optional(positiveInt()), 'Prompts over this many words are long.'),
        }),
      ),
      response: z.optional(
        z.strictObject({
          min_words: z.optional(z.union([countInt(), z.record(z.string(), countInt())])),
          max_words: z.optional(z.union([positiveInt(), z.record(z.string(), positiveInt())])),
          max_tokens: z.optional(positiveInt()),
          tokenizer: z.optional(z.enum(['o200k_base', 'cl100k_base'])),
        }),
      ),
      targets: z.optional(
        z.strictObject({
          total: z.optional(countInt()),
          task: z.optional(shares(taskSchema)),
          prompt_type: z.optional(shares(promptTypeSchema)),
          response_type: z.optional(shares(responseTypeSchema)),
          prompt_length: z.optional(shares(promptLengthSchema)),
          domain: z.optional(shares()),
          language: z.optional(z.record(languageTagSchema, share)),
          traits: z.optional(shares(traitSchema)),
          status: z.optional(shares(statusSchema)),
          author: z.optional(shares()),
        }),
      ),
      rules: described(
        z.optional(z.record(z.string(), ruleSettingSchema)),
        'Severity (and options) per rule id.',
      ),
      banned_phrases: z.optional(
        z.array(
          z.strictObject({
            text: nonEmpty(),
            message: z.optional(z.string()),
            fields: z.optional(z.array(z.string())),
            severity: z.optional(severitySchema),
          }),
        ),
      ),
      harmful_terms: z.optional(
        z.array(
          z.union([
            nonEmpty(),
            z.strictObject({
              text: nonEmpty(),
              message: z.optional(z.string()),
              severity: z.optional(severitySchema),
            }),
          ]),
        ),
      ),
      patterns: z.optional(
        z.array(
          z.strictObject({
            id: z
              .string()
              .check(z.regex(/^[a-z0-9][a-z0-9-]*$/))
              .register(expectedWords, {
                expected: 'a rule id of lowercase letters, digits and - (like no-first-person)',
              }),
            regex: nonEmpty(),
            flags: z.optional(z.string()),
            fields: z.optional(z.array(z.string())),
            severity: z.optional(severitySchema),
            message: z.string(),
            handbook: z.optional(z.string()),
          }),
        ),
      ),
    }),
    'SFT Studio guidelines: required annotations, thresholds, targets and rule settings.',
  ).register(expectedWords, { expected: 'a map of settings that starts with `sft-guidelines: 1`' });
  return { pair: pairSchema, sftFile: sftFileSchema, guidelines: guidelinesSchema };
}

let built: ReturnType<typeof build> | undefined;

/** The zod schemas of the two file formats. */
export function schemas(): ReturnType<typeof build> {
  built ??= build();
  return built;
}

// zod/mini loads no locale: the messages are zod's English ones, given per parse rather than
// set in zod's global config.
// reportInput: the messages quote what was found (schema-issues.ts).
const ENGLISH = { error: en().localeError, reportInput: true };

/** Validate parsed guidelines data. */
export function checkGuidelines(data: unknown) {
  return schemas().guidelines.safeParse(data, ENGLISH);
}

export type GuidelinesInput = z.infer<ReturnType<typeof build>['guidelines']>;
