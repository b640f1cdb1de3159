/** Problems (offsets) → VS Code diagnostics (positions), converted once, here. */
import * as vscode from 'vscode';
import { ALL_RULE_IDS } from '../../core/rules/index';
import { plural } from '../../core/plural';
import { LineIndex } from '../../core/text/lines';
import type { Problem, ReportedSeverity } from '../../core/types';

/** Anything that turns an offset into a position: a TextDocument or a LineIndex. */
export interface PositionSource {
  positionAt(offset: number): { line: number; character: number };
}

const SEVERITY: Record<ReportedSeverity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** The diagnostic source shown in the Problems panel. */
export const DIAGNOSTIC_SOURCE = 'sft';

/** Converts problems of one file, linking each to its rule's doc page. */
export class DiagnosticConverter {
  /** One URI per rule page: hundreds of diagnostics per keystroke share them. */
  private readonly docs = new Map<string, vscode.Uri>();

  constructor(private readonly extensionUri: vscode.Uri) {}

  /** The doc page of a rule; project patterns link to the `pattern` page. */
  ruleDoc(rule: string): vscode.Uri {
    const page = ALL_RULE_IDS.has(rule) ? rule : 'pattern';
    let uri = this.docs.get(page);
    if (!uri) {
      uri = vscode.Uri.joinPath(this.extensionUri, 'docs', 'rules', `${page}.md`);
      this.docs.set(page, uri);
    }
    return uri;
  }

  range(at: PositionSource, start: number, end: number): vscode.Range {
    const s = at.positionAt(start);
    const e = end === start ? s : at.positionAt(end);
    return new vscode.Range(s.line, s.character, e.line, e.character);
  }

  /**
   * Diagnostics for problems, at most `max` of them (errors first) plus one summary
   * diagnostic saying how many more there are.
   */
  toDiagnostics(
    problems: readonly Problem[],
    at: PositionSource,
    max: number,
    resolve: (file: string) => vscode.Uri | undefined,
  ): vscode.Diagnostic[] {
    let shown = problems;
    let hidden = 0;
    if (problems.length > max) {
      const rank = { error: 0, warning: 1, info: 2 } as const;
      shown = [...problems]
        .sort((a, b) => rank[a.severity] - rank[b.severity] || a.start - b.start)
        .slice(0, max - 1)
        .sort((a, b) => a.start - b.start);
      hidden = problems.length - shown.length;
    }
    const out = shown.map((p) => this.toDiagnostic(p, at, resolve));
    if (hidden) {
      const d = new vscode.Diagnostic(
        new vscode.Range(0, 0, 0, 0),
        `${plural(hidden, 'more problem')} in this file ${hidden === 1 ? 'is' : 'are'} not shown (sft.lint.maxProblemsPerFile = ${max}). Fix the ones shown, or run \`sft lint\` to see all.`,
        vscode.DiagnosticSeverity.Information,
      );
      d.source = DIAGNOSTIC_SOURCE;
      d.code = 'too-many-problems';
      out.unshift(d);
    }
    return out;
  }

  toDiagnostic(
    p: Problem,
    at: PositionSource,
    resolve: (file: string) => vscode.Uri | undefined,
  ): vscode.Diagnostic {
    const d = new vscode.Diagnostic(
      this.range(at, p.start, p.end),
      p.message,
      SEVERITY[p.severity],
    );
    d.source = DIAGNOSTIC_SOURCE;
    d.code = { value: p.rule, target: this.ruleDoc(p.rule) };
    if (p.related?.length) {
      d.relatedInformation = p.related.flatMap((r) => {
        const uri = resolve(r.file);
        return uri
          ? [
              new vscode.DiagnosticRelatedInformation(
                new vscode.Location(uri, new vscode.Position(r.line, r.character)),
                r.message,
              ),
            ]
          : [];
      });
    }
    return d;
  }
}

/** A PositionSource for a text that is not open in an editor. */
export function linesOf(text: string): PositionSource {
  return new LineIndex(text);
}

/** The rule id of a diagnostic made by `toDiagnostic`. */
export function ruleOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (typeof c === 'object' && c !== null) return String(c.value);
  return typeof c === 'string' ? c : undefined;
}
