/**
 * The core's vocabulary: problems, fixes and rule descriptions.
 *
 * Offsets are UTF-16 code-unit offsets into a text (as VS Code and `yaml` use them).
 * They are converted to line/column only at the edges (CLI output, the extension).
 */
import type { ZodMiniType } from 'zod/mini';

/** How loud a rule is; `off` turns it off. */
export type Severity = 'error' | 'warning' | 'info' | 'off';
/** A severity that a reported problem can carry. */
export type ReportedSeverity = Exclude<Severity, 'off'>;

/** A half-open range [start, end) of UTF-16 offsets. */
export interface Span {
  start: number;
  end: number;
}

/** Replace [start, end) with newText. */
export interface TextEdit extends Span {
  newText: string;
}

/** A fix: a titled set of minimal, non-overlapping edits. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix a "fix all" applies; at most one per problem. */
  preferred?: boolean;
  /**
   * The text the fix was checked against and may rewrite (the scalar it edits), when that is
   * more than its edits: fix-all never applies two fixes whose scopes meet in one pass,
   * because each was made for the text without the other. Defaults to the edits' own span.
   */
  scope?: Span;
}

/** Another place that explains a problem (the other pair of a duplicate id, ...). */
export interface RelatedPlace {
  /** Workspace-relative or absolute path, as the index knows the file. */
  file: string;
  start: number;
  end: number;
  /** 0-based line and UTF-16 column of `start`, because the other file's text is not at hand. */
  line: number;
  character: number;
  message: string;
}

/** One finding of one rule, at the exact text at fault. */
export interface Problem extends Span {
  rule: string;
  severity: ReportedSeverity;
  message: string;
  fixes?: Fix[];
  related?: RelatedPlace[];
  /** The pair the problem belongs to, when it belongs to one. */
  pairId?: string;
}

/** The rule groups of the spec, used for docs and the rule list. */
export type RuleCategory = 'structure' | 'annotations' | 'task-shape' | 'hhh' | 'qa';

/** Static facts about a rule; every rule exports one. */
export interface RuleMeta {
  /** Stable kebab-case id. */
  id: string;
  category: RuleCategory;
  defaultSeverity: Severity;
  /** One sentence, for rule lists and SARIF `shortDescription`. */
  description: string;
  /** Whether the rule offers fixes. */
  fixable: boolean;
  /**
   * The options the rule takes under `rules: { id: { ... } }` besides `severity`, as zod
   * schemas built on first use. Without it the rule takes a severity only.
   */
  options?: () => Record<string, ZodMiniType>;
}
