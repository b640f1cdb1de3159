/**
 * The lint engine: runs the rules over a file, and re-lints after an edit by re-parsing
 * and re-checking only the pair the edit falls in (other pairs keep their results and
 * only move). Workspace rules (duplicate-id, near-duplicate) run over the index instead.
 */
import { isScalar, type Scalar } from 'yaml';
import { parseSft, updateSft, findPair, type SftFileModel } from './parse/parse';
import { scalarText, stringList, valueSpan, type PairModel } from './parse/model';
import { pairCounts } from './counts';
import { TEXT_FIELDS } from './annotations';
import { effectiveField } from './fields';
import { severityOf, type Guidelines } from './guidelines';
import { ALL_RULE_IDS, LINT_RULES } from './rules/index';
import type { TextServices } from './services';
import type { Annotation, FileContext, LintRule, PairContext, Report } from './rule';
import type { Problem, ReportedSeverity, Span, TextEdit } from './types';
import { suggestId } from './suggest';
import { shiftProblem } from './edit/apply';
import { INTERNAL_META, errorText, internalProblem } from './rules/internal';
import { lineEnd, pairHead } from './rules/support/node-shape';
import { ruleOptions } from './rules/support/rule-settings';

/** The result of linting one file's text. */
export interface FileLintResult {
  model: SftFileModel;
  /** File and pair problems, document offsets, sorted by position. */
  problems: Problem[];
  /** Problems from `checkFile`, kept for incremental updates. */
  fileProblems: Problem[];
}

/**
 * Where the linter logs a rule that threw, with what it was checking: the host's log (the
 * extension's SFT Studio output channel, the CLI's stderr). Core has no logger of its own.
 */
export type LintLog = (message: string, error: unknown) => void;

/** How a linter is set up beyond its guidelines and text services. */
export interface LinterOptions {
  /** The rules to run (default: every lint rule). */
  rules?: readonly LintRule[];
  /** Told about each rule that throws (once per rule and error message). */
  log?: LintLog;
  /**
   * When given, the time spent in each rule (and in the shared counts, under `(counts)`) is
   * added to it, in milliseconds: for `bench/` and nothing else.
   */
  profile?: Map<string, number>;
}

/** A rule with its settings resolved once. */
interface Resolved<C> {
  id: string;
  severity: ReportedSeverity;
  options: Readonly<Record<string, unknown>>;
  check: (ctx: C) => void;
}

const TEXT_KEYS = new Set<string>(TEXT_FIELDS);
let linterCount = 0;

/** Lints `.sft.yaml` texts against one set of guidelines. */
export class FileLinter {
  private readonly memoKey = `lint:${++linterCount}`;
  /** Rules by the hooks they implement: where a rule runs follows from them. */
  private readonly fileRules: ReadonlyArray<Resolved<FileContext>>;
  private readonly pairRules: ReadonlyArray<Resolved<PairContext>>;
  private readonly knownIds: Set<string>;
  private readonly profile?: Map<string, number>;
  private readonly log?: LintLog;
  /** Rule failures already logged, so a rule that throws on every pair logs once. */
  private readonly logged = new Set<string>();

  /** @param services the host's token counter and language detector, which rules use on demand. */
  constructor(
    readonly guidelines: Guidelines,
    readonly services: TextServices,
    options: LinterOptions = {},
  ) {
    this.profile = options.profile;
    this.log = options.log;
    const on = (options.rules ?? LINT_RULES).filter(
      (r) => this.severity(r.meta.id, r.meta.defaultSeverity) !== 'off',
    );
    const resolve = <C>(r: LintRule, check: (ctx: C) => void): Resolved<C> => ({
      id: r.meta.id,
      severity: this.severity(r.meta.id, r.meta.defaultSeverity) as ReportedSeverity,
      options: ruleOptions(r.meta, guidelines.rules.get(r.meta.id)?.options),
      check: check.bind(r),
    });
    this.fileRules = on.flatMap((r) => (r.checkFile ? [resolve(r, r.checkFile)] : []));
    this.pairRules = on.flatMap((r) => (r.checkPair ? [resolve(r, r.checkPair)] : []));
    this.knownIds = new Set([...ALL_RULE_IDS, ...guidelines.patterns.map((p) => p.id)]);
  }

  /** Lint a whole text. */
  lint(text: string): FileLintResult {
    return this.lintModel(parseSft(text));
  }

  /**
   * Lint after edits (offsets in `prev.model.text`, applied in one step). Re-checks only the
   * pair the edits fall in when that is safe; otherwise lints the new text in full.
   */
  update(prev: FileLintResult, edits: readonly TextEdit[], newText: string): FileLintResult {
    const model = updateSft(prev.model, edits, newText);
    if (!model) return this.lint(newText);
    const changed = findPair(prev.model.pairs, edits[0].start)!;
    const oldEnd = changed.base + changed.slice.end;
    const delta = newText.length - prev.model.text.length;
    const fileProblems =
      delta === 0
        ? prev.fileProblems
        : prev.fileProblems.map((p) => (p.start >= oldEnd ? shiftProblem(p, delta) : p));
    return this.collect(model, fileProblems);
  }

  /**
   * Check pairs `from` to `to` (exclusive) and keep their problems on the pairs, where a later
   * {@link lintModel} of the same model takes them: a host spreads the lint of a large file
   * over several turns of its event loop this way, so it stays responsive meanwhile.
   */
  checkPairs(model: SftFileModel, from: number, to: number): void {
    const end = Math.min(to, model.pairs.length);
    for (let i = from; i < end; i++) this.pairProblems(model, model.pairs[i]);
  }

  /** Lint an already parsed file. */
  lintModel(model: SftFileModel): FileLintResult {
    const fileProblems: Problem[] = [];
    for (const entry of this.fileRules) {
      const ctx: FileContext = {
        file: model,
        guidelines: this.guidelines,
        options: entry.options,
        report: (r) => fileProblems.push(toProblem(entry.id, entry.severity, r, 0)),
      };
      this.guarded(entry, ctx, fileProblems, 'this file', () => ({
        start: 0,
        end: lineEnd(model.text, 0),
      }));
    }
    return this.collect(
      model,
      fileProblems.filter((p) => (p.severity as string) !== 'off'),
    );
  }

  private collect(model: SftFileModel, fileProblems: Problem[]): FileLintResult {
    // Each pair's problems are sorted and pairs come in document order, so the pairs' lists
    // concatenate in order; only the few file problems need merging in. This keeps a re-lint
    // after one edit from re-sorting every problem of the file.
    const fromPairs: Problem[] = [];
    let ordered = true;
    for (const pair of model.pairs) {
      for (const p of this.pairProblems(model, pair)) {
        const q = pair.base ? shiftProblem(p, pair.base) : p;
        const last = fromPairs[fromPairs.length - 1];
        if (last && byPosition(last, q) > 0) ordered = false;
        fromPairs.push(q);
      }
    }
    if (!ordered) fromPairs.sort(byPosition);
    const sortedFile = [...fileProblems].sort(byPosition);
    return { model, problems: mergeSorted(sortedFile, fromPairs), fileProblems };
  }

  /** A pair's problems in node offsets, memoised on the pair. */
  private pairProblems(model: SftFileModel, pair: PairModel): Problem[] {
    const memo = pair.memo.get(this.memoKey) as Problem[] | undefined;
    if (memo) return memo;
    const out: Problem[] = [];
    // One context per pair; the rule-specific parts are swapped in per rule, because this
    // runs for every rule on every pair of a cold lint.
    let current = this.pairRules[0];
    const ctx: PairContext = {
      ...this.pairContext(model, pair),
      options: {},
      report: (r) => out.push(toProblem(current.id, current.severity, r, 0, pair.id)),
    };
    const head = (): Span => pairHead(pair);
    for (const entry of this.pairRules) {
      current = entry;
      (ctx as { options: Readonly<Record<string, unknown>> }).options = entry.options;
      this.guarded(entry, ctx, out, 'this pair', head, pair.id);
    }
    const result = applySilences(
      pair,
      this.knownIds,
      out.filter((p) => (p.severity as string) !== 'off'),
    ).sort(byPosition);
    pair.memo.set(this.memoKey, result);
    return result;
  }

  private pairContext(
    model: SftFileModel,
    pair: PairModel,
  ): Omit<PairContext, 'options' | 'report'> {
    const annotations = new Map<string, Annotation>();
    return {
      pair,
      file: model,
      guidelines: this.guidelines,
      services: this.services,
      annotation(key: string): Annotation {
        let a = annotations.get(key);
        if (!a) {
          const field = effectiveField(model, pair, key);
          a = field
            ? {
                text: scalarText(field.value),
                list: stringList(field.value),
                field,
                fromDefaults: !pair.fields.has(key),
              }
            : { fromDefaults: false };
          annotations.set(key, a);
        }
        return a;
      },
      text(key: string) {
        if (!TEXT_KEYS.has(key)) return undefined;
        const field = pair.fields.get(key);
        if (!field || !isScalar(field.value)) return undefined;
        const text = scalarText(field.value);
        return text === undefined ? undefined : { text, node: field.value as Scalar, field };
      },
      counts: this.profile
        ? () => this.timed('(counts)', () => pairCounts(pair, this.guidelines))
        : () => pairCounts(pair, this.guidelines),
      span: (node: Scalar, start: number, end: number) => valueSpan(pair, node, start, end),
    };
  }

  /**
   * Run one rule so that its failure stays its own: a throw replaces what the rule reported
   * here with one `internal` problem at `at()`, is logged, and the next rule runs.
   */
  private guarded<C>(
    entry: Resolved<C>,
    ctx: C,
    out: Problem[],
    what: string,
    at: () => Span,
    pairId?: string,
  ): void {
    const before = out.length;
    try {
      if (this.profile) this.timed(entry.id, () => entry.check(ctx));
      else entry.check(ctx);
    } catch (error) {
      out.length = before;
      const severity = this.severity(INTERNAL_META.id, INTERNAL_META.defaultSeverity);
      if (severity !== 'off')
        out.push(internalProblem(entry.id, error, what, at(), severity, pairId));
      this.logFailure(entry.id, error, pairId === undefined ? what : `pair ${pairId}`);
    }
  }

  private logFailure(rule: string, error: unknown, what: string): void {
    const key = `${rule}\u0000${errorText(error)}`;
    if (!this.log || this.logged.has(key)) return;
    this.logged.add(key);
    this.log(
      `The ${rule} rule failed on ${what} and was skipped (further failures with the same error are not logged):`,
      error,
    );
  }

  private timed<T>(key: string, f: () => T): T {
    const t = performance.now();
    try {
      return f();
    } finally {
      this.profile!.set(key, (this.profile!.get(key) ?? 0) + performance.now() - t);
    }
  }

  private severity(id: string, fallback: Problem['severity'] | 'off'): ReportedSeverity | 'off' {
    return severityOf(this.guidelines, id, fallback);
  }
}

function toProblem(
  rule: string,
  severity: ReportedSeverity | 'off',
  r: Report,
  base: number,
  pairId?: string,
): Problem {
  const p: Problem = {
    rule: r.rule ?? rule,
    severity: (r.severity ?? severity) as ReportedSeverity,
    message: r.message,
    start: r.start + base,
    end: r.end + base,
  };
  if (r.fixes?.length) p.fixes = r.fixes;
  if (pairId !== undefined) p.pairId = pairId;
  return p;
}

function byPosition(a: Problem, b: Problem): number {
  return a.start - b.start || a.end - b.end;
}

/** Merge two lists sorted by position; ties keep `a` first, as a stable sort of a + b would. */
function mergeSorted(a: readonly Problem[], b: readonly Problem[]): Problem[] {
  if (!a.length) return b as Problem[];
  const out: Problem[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(byPosition(a[i], b[j]) <= 0 ? a[i++] : b[j++]);
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}

/** Drop problems silenced by a reasoned `# sft-ignore` comment; report bad silences. */
function applySilences(
  pair: PairModel,
  known: ReadonlySet<string>,
  problems: Problem[],
): Problem[] {
  if (!pair.silences.length) return problems;
  const silenced = new Set<string>();
  const extra: Problem[] = [];
  for (const s of pair.silences) {
    if (!s.rules.length) {
      extra.push({
        rule: 'silence',
        severity: 'warning',
        message: 'Name the rule to silence: `# sft-ignore rule-id: reason`.',
        start: s.span.start,
        end: s.span.end,
        pairId: pair.id,
      });
      continue;
    }
    s.rules.forEach((id, i) => {
      if (!known.has(id)) extra.push(unknownSilencedRule(id, s.ruleSpans[i], known, pair.id));
    });
    if (!s.reason) {
      extra.push({
        rule: 'silence',
        severity: 'warning',
        message: `Say why ${s.rules.join(', ')} is silenced: \`# sft-ignore ${s.rules.join(', ')}: reason\`. Without a reason the silence does not apply.`,
        start: s.span.start,
        end: s.span.end,
        pairId: pair.id,
      });
      continue;
    }
    for (const id of s.rules) silenced.add(id);
  }
  return [...problems.filter((p) => !silenced.has(p.rule)), ...extra];
}

/** A silence comment names a rule that does not exist: did-you-mean, with a fix that corrects the id. */
function unknownSilencedRule(
  id: string,
  span: Span,
  known: ReadonlySet<string>,
  pairId: string | undefined,
): Problem {
  const hint = suggestId(id, [...known]);
  const p: Problem = {
    rule: 'silence',
    severity: 'warning',
    message: `Unknown rule "${id}" in a silence comment${hint ? `; did you mean "${hint}"?` : '.'}`,
    start: span.start,
    end: span.end,
    pairId,
  };
  if (hint)
    p.fixes = [
      {
        title: `Change to ${hint}`,
        edits: [{ start: span.start, end: span.end, newText: hint }],
        preferred: true,
      },
    ];
  return p;
}
