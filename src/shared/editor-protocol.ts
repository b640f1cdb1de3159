/**
 * The pair editor's message protocol: every message between the extension and the pair
 * editor's webview, both ways, as zod schemas both sides parse each arrival with (a message
 * that fails is dropped and logged, never acted on). Types are inferred from the schemas,
 * so a message and its check cannot drift apart.
 *
 * The text document is the one source of truth: the webview sends intents that name pairs by
 * id (PairRef), each with its `clientSeq` and the document version it was made on; the host
 * answers with pushes of what changed (pairs changed or removed, the order when it moved, the
 * problems), never the whole text.
 *
 * The list gets a small row per pair; only the pair the card shows comes whole (its texts,
 * annotations, problems): a 5,000-pair file opens with a few hundred KB, not its megabytes
 * of text. The webview asks for a pair's card when it selects it, and text search runs
 * in the host, over the document.
 *
 * No Node API and no vscode import: the web build ships this module, and the webview bundles it.
 */
import * as z from 'zod/mini';
import { checkMessage } from './check-message';

/** Bumped when a message changes shape; a webview of another version asks again (GitLens's skew rule). */
export const protocolVersion = 2;

/** A pair by its id; by its index only where it has no id (or shares it within the file). */
export const PairRefSchema = z.union([
  z.object({ id: z.string() }),
  z.object({ index: z.number().check(z.int(), z.nonnegative()) }),
]);

/** An annotation's value: one word, or a list (traits). */
export const textOrList = z.union([z.string(), z.array(z.string())]);

/** What a writer asks of the file from a card or the list: each becomes one core edit intent. */
export const EditorIntentSchema = z.discriminatedUnion('kind', [
  /** A field's text or list; `null` removes the field. */
  z.object({
    kind: z.literal('setField'),
    pair: PairRefSchema,
    key: z.string(),
    value: z.nullable(textOrList),
  }),
  z.object({
    kind: z.literal('setAnnotation'),
    pair: PairRefSchema,
    key: z.string(),
    value: textOrList,
  }),
  /** A new pair from the template after `after` (else last); the host gives it a workspace-unique id. */
  z.object({ kind: z.literal('addPair'), after: z.optional(PairRefSchema) }),
  z.object({ kind: z.literal('duplicatePair'), pair: PairRefSchema }),
  z.object({ kind: z.literal('removePair'), pair: PairRefSchema }),
  /** One place up (-1) or down (+1), from where the pair is when the host applies it. */
  z.object({
    kind: z.literal('movePair'),
    pair: PairRefSchema,
    by: z.union([z.literal(-1), z.literal(1)]),
  }),
  /** An in-context example at the end of the pair's `examples`. */
  z.object({
    kind: z.literal('addExample'),
    pair: PairRefSchema,
    input: z.string(),
    output: z.string(),
  }),
  /** Example `index`'s input or output (its index in the list the card was sent). */
  z.object({
    kind: z.literal('setExample'),
    pair: PairRefSchema,
    index: z.number().check(z.int(), z.nonnegative()),
    key: z.enum(['input', 'output']),
    value: z.string(),
  }),
  z.object({
    kind: z.literal('removeExample'),
    pair: PairRefSchema,
    index: z.number().check(z.int(), z.nonnegative()),
  }),
  z.object({
    kind: z.literal('addReviewNote'),
    pair: PairRefSchema,
    by: z.string(),
    note: z.string(),
  }),
  z.object({
    kind: z.literal('resolveReviewNote'),
    pair: PairRefSchema,
    note: z.number().check(z.int(), z.nonnegative()),
    resolved: z.boolean(),
  }),
  z.object({
    kind: z.literal('silence'),
    pair: PairRefSchema,
    rule: z.string(),
    reason: z.string().check(z.trim(), z.minLength(1)),
  }),
  /** A problem's quick fix, named by rule and fix title: the host finds it in the current lint. */
  z.object({
    kind: z.literal('applyFix'),
    pair: PairRefSchema,
    rule: z.string(),
    title: z.string(),
  }),
]);

/** Webview → host. */
export const FromWebviewSchema = z.discriminatedUnion('type', [
  /** The webview is up and asks for the whole state (the host answers with `init`). */
  z.object({
    type: z.literal('ready'),
    protocolVersion: z.number(),
    /** The pair the card showed before the panel was hidden (its key), to come whole in `init`. */
    selected: z.optional(z.string()),
    /**
     * The search the restored view had (its text, and the seq the webview expects the answer
     * under): answered in `init`, so the first list drawn is already the filtered one.
     */
    search: z.optional(z.object({ seq: z.number().check(z.int()), query: z.string() })),
  }),
  z.object({
    type: z.literal('intent'),
    clientSeq: z.number().check(z.int()),
    /** The document version the webview saw when it made the intent. */
    baseVersion: z.number().check(z.int()),
    intent: EditorIntentSchema,
    /** When the writer typed the keystroke this intent carries (epoch ms), for the benchmark. */
    typedAt: z.optional(z.number()),
    /**
     * The run of typing in one field this intent belongs to (a keystroke each): the host makes
     * the intents of one run one undo step.
     */
    run: z.optional(z.number().check(z.int())),
  }),
  /** The token counts of one pair (tokenizing is work: asked for the card shown, not for the list). */
  z.object({ type: z.literal('tokens'), key: z.string(), pair: PairRefSchema }),
  /**
   * The card now shows this pair (the annotations view follows it): the host answers with the
   * pair whole (`card`), and keeps sending it whole in pushes while the card shows it.
   */
  z.object({ type: z.literal('select'), key: z.string(), pair: PairRefSchema }),
  /** Text search over the pairs' ids and texts: answered with `found`, the keys in file order. */
  z.object({ type: z.literal('search'), seq: z.number().check(z.int()), query: z.string() }),
  /**
   * A frame drawn after a host message of `version` (epoch ms, taken once the frame is out):
   * `init`, the first list and card; `update`, the card after a push. The benchmark's clock.
   */
  z.object({
    type: z.literal('painted'),
    what: z.enum(['init', 'update']),
    version: z.number(),
    at: z.number(),
    /** When the host message arrived in the webview, before it was checked and drawn. */
    received: z.number(),
  }),
]);

/** A problem as the webviews list it. */
export const ProblemSchema = z.object({
  rule: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  /** The pair's key the problem is on, if it is on one (text fields, annotations). */
  field: z.optional(z.string()),
  /** Titles of the quick fixes. */
  fixes: z.array(z.string()),
});

const ReviewNoteSchema = z.object({
  by: z.string(),
  note: z.string(),
  resolved: z.boolean(),
});

/** One pair as a list row shows it (and filters read it). */
const pairRowShape = {
  /** Stable while the pair keeps its id: its id when unique in the file, else `#index`. */
  key: z.string(),
  ref: PairRefSchema,
  index: z.number(),
  id: z.optional(z.string()),
  /** Effective task, prompt type and status (own value, else the file's default), for the list. */
  task: z.optional(z.string()),
  promptType: z.optional(z.string()),
  status: z.optional(z.string()),
  bucket: z.string(),
  /** How many problems the pair has (the card's state lists them). */
  problemCount: z.number(),
};
export const PairRowSchema = z.object(pairRowShape);

/**
 * Every pair's row in file order, by column: what `init` carries (a 5,000-pair file's rows as
 * objects are about 1 MB of JSON between the extension host and the webview; as columns, an
 * eighth of it). Row i is the pair at index i.
 */
export const RowTableSchema = z.object({
  keys: z.array(z.string()),
  /** The rows named by their index (no id, or one shared in the file), with their id if any. */
  byIndex: z.array(z.number()),
  sharedIds: z.record(z.string(), z.string()),
  /** The distinct task, prompt type, status and bucket values the columns point into. */
  values: z.array(z.string()),
  /** Per row, an index into `values`, or -1 for none. */
  task: z.array(z.number()),
  promptType: z.array(z.number()),
  status: z.array(z.number()),
  bucket: z.array(z.number()),
  problemCount: z.array(z.number()),
});

/** One pair whole, as the card shows it. */
export const PairStateSchema = z.object({
  ...pairRowShape,
  /** The pair's own text fields (system, context, prompt, response), as YAML reads them. */
  texts: z.record(z.string(), z.string()),
  /**
   * The text fields whose scalar keeps a space typed at its end as it is written (a block, a
   * quoted scalar): the card sends such a keystroke at once. At the end of a plain scalar (or
   * a field not written yet) a space would quote the scalar for good, so the card holds it
   * until the next keystroke, a pause or the blur.
   */
  keepsSpace: z.array(z.string()),
  /** Annotations as written in the pair (a word or a list). */
  annotations: z.record(z.string(), textOrList),
  /**
   * Annotations the pair does not write but takes from the file's `defaults`: its picker
   * shows them on its empty choice ("en (default)").
   */
  inherited: z.optional(z.record(z.string(), z.string())),
  examples: z.optional(z.array(z.object({ input: z.string(), output: z.string() }))),
  labels: z.optional(z.array(z.string())),
  /** Free tags (not an annotation: no vocabulary). */
  tags: z.optional(z.array(z.string())),
  review: z.array(ReviewNoteSchema),
  promptWords: z.number(),
  responseWords: z.number(),
  problems: z.array(ProblemSchema),
});

/** A value an annotation may take, with its meaning. */
export const ChoiceSchema = z.object({ value: z.string(), description: z.string() });

/** Host → webview. */
export const ToWebviewSchema = z.discriminatedUnion('type', [
  /** The answer to `ready`: everything, once. */
  z.object({
    type: z.literal('init'),
    protocolVersion: z.number(),
    version: z.number(),
    rows: RowTableSchema,
    /** The pair the card shows first, whole (the one `ready` named, else the first). */
    card: z.optional(PairStateSchema),
    /** The answer to the search `ready` carried (as `found` would give it). */
    found: z.optional(z.object({ seq: z.number(), keys: z.array(z.string()) })),
    /** Problems of the file not on any pair. */
    fileProblems: z.array(ProblemSchema),
    /**
     * Whether the rows' problem counts are the lint's: a large file is shown once parsed, and
     * its problems follow in a push when the lint is done.
     */
    linted: z.boolean(),
    /** The values each closed annotation may take under the guidelines, with their meanings. */
    choices: z.record(z.string(), z.array(ChoiceSchema)),
    /** The guidelines' length thresholds (words), for the live bucket. */
    length: z.object({ short: z.number(), long: z.number() }),
  }),
  /** What changed since the last push. */
  z.object({
    type: z.literal('update'),
    version: z.number(),
    /** The last intent applied (or refused), by its clientSeq. */
    ackSeq: z.number(),
    changed: z.array(PairRowSchema),
    removed: z.array(z.string()),
    /** The card's pair whole, when it changed (or the card asked for it). */
    card: z.optional(PairStateSchema),
    /** Set once the rows' problem counts are the lint's (see `init`). */
    linted: z.optional(z.boolean()),
    /** Every pair key in file order, when the order or the set of pairs changed. */
    order: z.optional(z.array(z.string())),
    fileProblems: z.optional(z.array(ProblemSchema)),
    /** An undo or redo: drafts are dropped, the document wins. */
    undoRedo: z.optional(z.boolean()),
  }),
  /** The answer to `tokens`: counts by the tokenizer the guidelines (else the setting) name. */
  z.object({
    type: z.literal('tokens'),
    key: z.string(),
    version: z.number(),
    prompt: z.number(),
    response: z.number(),
    tokenizer: z.string(),
  }),
  /** The answer to `select`: the pair whole, on the text as it is now. */
  z.object({ type: z.literal('card'), version: z.number(), state: PairStateSchema }),
  /** The answer to `search`: the keys of the pairs whose id or text holds the query. */
  z.object({
    type: z.literal('found'),
    seq: z.number(),
    version: z.number(),
    keys: z.array(z.string()),
  }),
  /** An intent that could not be done (a pair that is gone, a fix no longer offered). */
  z.object({ type: z.literal('refused'), clientSeq: z.number(), reason: z.string() }),
]);

export type EditorIntent = z.infer<typeof EditorIntentSchema>;
export type FromWebview = z.infer<typeof FromWebviewSchema>;
export type ToWebview = z.infer<typeof ToWebviewSchema>;
export type PairState = z.infer<typeof PairStateSchema>;
export type PairRow = z.infer<typeof PairRowSchema>;
export type RowTable = z.infer<typeof RowTableSchema>;

/** Rows (in file order, row i the pair at index i) as a column table. */
export function toRowTable(rows: readonly PairRow[]): RowTable {
  const values: string[] = [];
  const at = new Map<string, number>();
  const code = (v: string | undefined) => {
    if (v === undefined) return -1;
    let i = at.get(v);
    if (i === undefined) {
      i = values.push(v) - 1;
      at.set(v, i);
    }
    return i;
  };
  const t: RowTable = {
    keys: [],
    byIndex: [],
    sharedIds: {},
    values,
    task: [],
    promptType: [],
    status: [],
    bucket: [],
    problemCount: [],
  };
  for (const r of rows) {
    t.keys.push(r.key);
    if ('index' in r.ref) {
      t.byIndex.push(r.index);
      if (r.id !== undefined) t.sharedIds[r.index] = r.id;
    }
    t.task.push(code(r.task));
    t.promptType.push(code(r.promptType));
    t.status.push(code(r.status));
    t.bucket.push(code(r.bucket));
    t.problemCount.push(r.problemCount);
  }
  return t;
}

/**
 * The rows of a column table, as {@link toRowTable} was given them.
 * @usedBy webview (src/webview/editor, its own program)
 */
export function fromRowTable(t: RowTable): PairRow[] {
  const byIndex = new Set(t.byIndex);
  const value = (i: number | undefined) => (i === undefined || i < 0 ? undefined : t.values[i]);
  return t.keys.map((key, index) => {
    const shared = byIndex.has(index);
    const row: PairRow = {
      key,
      ref: shared ? { index } : { id: key },
      index,
      bucket: value(t.bucket[index]) ?? '',
      problemCount: t.problemCount[index] ?? 0,
    };
    const id = shared ? t.sharedIds[index] : key;
    if (id !== undefined) row.id = id;
    const task = value(t.task[index]);
    if (task !== undefined) row.task = task;
    const promptType = value(t.promptType[index]);
    if (promptType !== undefined) row.promptType = promptType;
    const status = value(t.status[index]);
    if (status !== undefined) row.status = status;
    return row;
  });
}
export type ProblemState = z.infer<typeof ProblemSchema>;
export type Choice = z.infer<typeof ChoiceSchema>;
/** @usedBy webview (src/webview/editor, its own program) */
export type InitMessage = Extract<ToWebview, { type: 'init' }>;
export type UpdateMessage = Extract<ToWebview, { type: 'update' }>;

const check = <T>(schema: z.ZodMiniType<T>, data: unknown, log: (why: string) => void) =>
  checkMessage(schema, data, log, 'pair editor');

/** A webview message as the host accepts it, or undefined when it fails the schema. */
export function parseFromWebview(
  data: unknown,
  log: (why: string) => void,
): FromWebview | undefined {
  return check(FromWebviewSchema, data, log);
}

/**
 * A host message as the webview accepts it, or undefined when it fails the schema.
 * @usedBy webview (src/webview/editor, its own program)
 */
export function parseToWebview(data: unknown, log: (why: string) => void): ToWebview | undefined {
  return check(ToWebviewSchema, data, log);
}
