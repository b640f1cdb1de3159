/**
 * The annotations view's message protocol: every message between the extension and the
 * sidebar's annotations webview, both ways, as zod schemas both sides parse each arrival with
 * (a message that fails is dropped and logged, never acted on). Pairs, problems and choices
 * have the pair editor's shapes.
 *
 * The view shows one pair (the one under the cursor of a text editor, or selected in the pair
 * editor) and sends picks that name the file, the pair and the document version it saw; the
 * host turns each into one minimal edit through core's edit layer and answers with the pair
 * as the document then reads.
 *
 * No Node API and no vscode import: the web build ships this module, and the webview bundles it.
 */
import * as z from 'zod/mini';
import { checkMessage } from './check-message';
import { ChoiceSchema, PairRefSchema, ProblemSchema, textOrList } from './editor-protocol';

/** Bumped when a message changes shape; a webview of another version asks again. */
export const annotationsProtocolVersion = 1;

/** A value of a picker: its meaning, and how far it is below its coverage target, if it is. */
const PickChoiceSchema = z.extend(ChoiceSchema, {
  below: z.optional(
    z.object({
      /** Pairs of the workspace with the value now. */
      count: z.number(),
      /** The guidelines' target share (0 to 1). */
      target: z.number(),
      /** Pairs still needed to reach it. */
      gap: z.number(),
    }),
  ),
});

/** One annotation's picker. */
const PickerSchema = z.object({
  key: z.string(),
  /** Traits: any number of values; the others: one. */
  multi: z.boolean(),
  /** The pair's own value(s) ([] when it has none). */
  value: z.array(z.string()),
  /** The file's default, which applies when the pair has no value of its own. */
  inherited: z.optional(z.array(z.string())),
  choices: z.array(PickChoiceSchema),
});

/** The pair the view shows. */
const ShownPairSchema = z.object({
  /** The document's URI (a pick names it, so it cannot land in another file). */
  uri: z.string(),
  /** The file's name, for the header. */
  file: z.string(),
  version: z.number(),
  ref: PairRefSchema,
  index: z.number(),
  id: z.optional(z.string()),
  /** Where the pair was picked: the cursor of a text editor, or the pair editor's card. */
  from: z.enum(['text', 'pairEditor']),
  promptWords: z.number(),
  responseWords: z.number(),
  bucket: z.string(),
  /** Effective status (own, else the file's default). */
  status: z.optional(z.string()),
  tokens: z.object({ prompt: z.number(), response: z.number(), tokenizer: z.string() }),
  pickers: z.array(PickerSchema),
  problems: z.array(ProblemSchema),
  /** Whether the guidelines name a handbook (each picker then links to its section). */
  handbook: z.boolean(),
});

/** Webview → host. */
export const FromAnnotationsSchema = z.discriminatedUnion('type', [
  /** The webview is up and asks for the pair to show (answered with `show`). */
  z.object({ type: z.literal('ready'), protocolVersion: z.number() }),
  /** Set an annotation of the pair shown at `version`; `null` removes the pair's own value. */
  z.object({
    type: z.literal('pick'),
    uri: z.string(),
    version: z.number().check(z.int()),
    pair: PairRefSchema,
    key: z.string(),
    value: z.nullable(textOrList),
  }),
  /** A problem's quick fix, named by rule and fix title. */
  z.object({
    type: z.literal('applyFix'),
    uri: z.string(),
    pair: PairRefSchema,
    rule: z.string(),
    title: z.string(),
  }),
  /** Open the handbook at the section for a value (or for the annotation when `value` is empty). */
  z.object({
    type: z.literal('openHandbook'),
    uri: z.string(),
    key: z.string(),
    value: z.string(),
  }),
  /**
   * The frame with the `show` of `coverageVersion` is out (epoch ms): the benchmark's clock.
   */
  z.object({
    type: z.literal('painted'),
    coverageVersion: z.number(),
    at: z.number(),
    /** When the host's message arrived in the webview, before it was checked and drawn. */
    received: z.number(),
  }),
]);

/** Host → webview. */
export const ToAnnotationsSchema = z.discriminatedUnion('type', [
  /** The pair to show, or none (with what to do to get one). */
  z.object({
    type: z.literal('show'),
    pair: z.nullable(ShownPairSchema),
    empty: z.string(),
    /** The index's coverage version the below-target marks come from, when they were counted. */
    coverageVersion: z.optional(z.number()),
  }),
  /** A pick or fix that could not be done (the pair is gone, the fix no longer offered). */
  z.object({ type: z.literal('refused'), reason: z.string() }),
]);

export type FromAnnotations = z.infer<typeof FromAnnotationsSchema>;
export type ToAnnotations = z.infer<typeof ToAnnotationsSchema>;
export type ShownPair = z.infer<typeof ShownPairSchema>;
export type PickerState = z.infer<typeof PickerSchema>;
/** @usedBy webview (src/webview/annotations, its own program) */
export type PickChoice = z.infer<typeof PickChoiceSchema>;

const PROTOCOL = 'annotations view';

/** A webview message as the host accepts it, or undefined when it fails the schema. */
export function parseFromAnnotations(
  data: unknown,
  log: (why: string) => void,
): FromAnnotations | undefined {
  return checkMessage(FromAnnotationsSchema, data, log, PROTOCOL);
}

/**
 * A host message as the webview accepts it, or undefined when it fails the schema.
 * @usedBy webview (src/webview/annotations, its own program)
 */
export function parseToAnnotations(
  data: unknown,
  log: (why: string) => void,
): ToAnnotations | undefined {
  return checkMessage(ToAnnotationsSchema, data, log, PROTOCOL);
}
