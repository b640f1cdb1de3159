/**
 * What a rule is and what it sees. A pair rule reads one pair (and the file's defaults)
 * and reports problems in the pair's node offsets; a file rule reads the file's header and
 * structure in document offsets. Workspace rules live in `workspace/`.
 */
import type { Scalar } from 'yaml';
import type { Field, PairModel } from './parse/model';
import type { SftFileModel } from './parse/parse';
import type { Guidelines } from './guidelines';
import type { PairCounts } from './counts';
import type { TextServices } from './services';
import type { Fix, ReportedSeverity, RuleMeta, Span } from './types';

/** What a rule reports; the engine adds the rule id, severity and pair id. */
export interface Report extends Span {
  message: string;
  fixes?: Fix[];
  /** Overrides the rule's configured severity (e.g. a banned phrase's own severity). */
  severity?: ReportedSeverity;
  /** Reports under another rule id than the reporting rule (e.g. `pattern` reports each project pattern under its own id). */
  rule?: string;
}

/** An annotation's effective value: the pair's own, else the file's `defaults`. */
export interface Annotation {
  /** Scalar text, or undefined when absent or not a scalar. */
  text?: string;
  /** List values (traits, tags); a single scalar becomes a one-item list. */
  list?: string[];
  field?: Field;
  fromDefaults: boolean;
}

/** What a pair rule sees. Spans are pair node offsets (into `pair.src`). */
export interface PairContext {
  readonly pair: PairModel;
  readonly file: SftFileModel;
  readonly guidelines: Guidelines;
  /** The host's token counter and language detector. */
  readonly services: TextServices;
  /** The rule's options from the guidelines (`rules: { id: { threshold: 0.9 } }`). */
  readonly options: Readonly<Record<string, unknown>>;
  annotation(key: string): Annotation;
  /** Text of a text field (system, context, prompt, response), with its scalar node. */
  text(key: string): { text: string; node: Scalar; field: Field } | undefined;
  counts(): PairCounts;
  /** Exact node-offset span of value[start, end) inside a scalar of this pair. */
  span(node: Scalar, start: number, end: number): Span;
  report(report: Report): void;
}

/** What a file rule sees. Spans are document offsets. */
export interface FileContext {
  readonly file: SftFileModel;
  readonly guidelines: Guidelines;
  readonly options: Readonly<Record<string, unknown>>;
  report(report: Report): void;
}

/**
 * A lint rule. Where it runs follows from the hooks it implements, never from a declaration:
 * `checkFile` runs once per full parse (header, structure; document offsets); `checkPair`
 * runs per pair and is re-run only for pairs that changed (node offsets). A rule may have both.
 */
export interface LintRule {
  meta: RuleMeta;
  checkFile?(ctx: FileContext): void;
  checkPair?(ctx: PairContext): void;
}
