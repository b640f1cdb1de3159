/**
 * The coverage report's message protocol: every message between the extension and the
 * coverage report's webview, both ways, as zod schemas both sides parse each arrival with (a
 * message that fails is dropped and logged, never acted on). Types are inferred from the
 * schemas, so a message and its check cannot drift apart.
 *
 * The report is read-only: the host pushes the workspace's coverage whenever the index
 * changes (unsaved edits included); the webview asks for an export or for a new pair of a
 * work-list item, and the host does the writing.
 *
 * No Node API and no vscode import: the web build ships this module, and the webview bundles it.
 */
import * as z from 'zod/mini';
import { checkMessage } from './check-message';

/** Bumped when a message changes shape; a webview of another version asks again. */
export const coverageProtocolVersion = 1;

const BucketSchema = z.object({
  value: z.string(),
  count: z.number(),
  share: z.number(),
  target: z.optional(z.number()),
  gap: z.number(),
  meets: z.optional(z.boolean()),
});

const MatrixSchema = z.object({
  rowKey: z.string(),
  colKey: z.string(),
  rows: z.array(z.string()),
  cols: z.array(z.string()),
  counts: z.array(z.array(z.number())),
});

/** New pairs to write: the annotations they take, how many, and the words for it. */
const WorkItemSchema = z.object({
  count: z.number(),
  values: z.record(z.string(), z.string()),
  label: z.string(),
});

/** Everything the report shows: the numbers of `sft coverage` on the workspace, and the work list. */
export const CoverageReportSchema = z.object({
  total: z.number(),
  targetTotal: z.optional(z.number()),
  totalGap: z.number(),
  meetsTargets: z.boolean(),
  /** The guidelines file the targets come from (workspace-relative), or undefined for the defaults. */
  guidelines: z.optional(z.string()),
  files: z.number(),
  annotations: z.array(
    z.object({ key: z.string(), missed: z.number(), buckets: z.array(BucketSchema) }),
  ),
  matrix: MatrixSchema,
  progress: MatrixSchema,
  tasks: z.object({
    covered: z.number(),
    onTarget: z.number(),
    total: z.number(),
    missing: z.array(z.string()),
  }),
  work: z.array(WorkItemSchema),
});

/** Host → webview. */
export const ToCoverageWebviewSchema = z.discriminatedUnion('type', [
  /** The whole report: the answer to `ready`, and again after each change of coverage. */
  z.object({
    type: z.literal('report'),
    protocolVersion: z.number(),
    /** The index's coverage version the report counts (the webview echoes it in `painted`). */
    coverageVersion: z.number(),
    report: CoverageReportSchema,
  }),
]);

/** Webview → host. */
export const FromCoverageWebviewSchema = z.discriminatedUnion('type', [
  /** The webview is up and asks for the report. */
  z.object({ type: z.literal('ready'), protocolVersion: z.number() }),
  /** Export the report to a file the writer chooses. */
  z.object({ type: z.literal('export'), format: z.enum(['markdown', 'csv']) }),
  /** Open a new pair with a work-list item's annotations filled in. */
  z.object({ type: z.literal('newPair'), values: z.record(z.string(), z.string()) }),
  /**
   * The frame with the report of `coverageVersion` is out (epoch ms): the benchmark's clock.
   */
  z.object({
    type: z.literal('painted'),
    coverageVersion: z.number(),
    at: z.number(),
    /** When the host's message arrived in the webview, before it was checked and drawn. */
    received: z.number(),
  }),
]);

export type CoverageReport = z.infer<typeof CoverageReportSchema>;
export type ToCoverageWebview = z.infer<typeof ToCoverageWebviewSchema>;
export type FromCoverageWebview = z.infer<typeof FromCoverageWebviewSchema>;
/** @usedBy webview (src/webview/coverage, its own program) */
export type ReportBucket = z.infer<typeof BucketSchema>;
/** @usedBy webview (src/webview/coverage, its own program) */
export type ReportMatrix = z.infer<typeof MatrixSchema>;

/** A webview message as the host accepts it, or undefined when it fails the schema. */
export function parseFromCoverageWebview(
  data: unknown,
  log: (why: string) => void,
): FromCoverageWebview | undefined {
  return checkMessage(FromCoverageWebviewSchema, data, log, 'coverage report');
}

/**
 * A host message as the webview accepts it, or undefined when it fails the schema.
 * @usedBy webview (src/webview/coverage, its own program)
 */
export function parseToCoverageWebview(
  data: unknown,
  log: (why: string) => void,
): ToCoverageWebview | undefined {
  return checkMessage(ToCoverageWebviewSchema, data, log, 'coverage report');
}
