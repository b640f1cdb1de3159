/**
 * Quick fixes from each problem's fixes, one "fix all" source action, and "silence for
 * this pair" (asks for the reason, then inserts `# sft-ignore rule: reason`).
 */
import * as vscode from 'vscode';
import type { Fix, Problem, TextEdit } from '../../core/types';
import { findPair } from '../../core/parse/parse';
import { Disposable } from '../dispose';
import { GUIDELINES_GLOB, isGuidelinesUri, isSftDocument, SFT_SELECTOR } from '../documents';
import type { GuidelinesStore } from '../lint/guidelines-store';
import type { SftFileModel } from '../../core/parse/parse';
import { ruleOf, DIAGNOSTIC_SOURCE } from '../lint/convert';
import type { DocumentStore } from '../lint/document-store';

/** Rules a pair comment cannot silence (syntax errors, the silence comments themselves). */
const UNSILENCEABLE = new Set(['silence', 'yaml-syntax']);

/** `source.fixAll.sft`: apply every problem's preferred fix. */
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('sft');

export class CodeActionProvider extends Disposable implements vscode.CodeActionProvider {
  static register(docs: DocumentStore, guidelines: GuidelinesStore): vscode.Disposable {
    const provider = new CodeActionProvider(docs, guidelines);
    const metadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND] };
    provider._register(vscode.languages.registerCodeActionsProvider(SFT_SELECTOR, provider, metadata));
    provider._register(vscode.languages.registerCodeActionsProvider({ pattern: GUIDELINES_GLOB }, provider, metadata));
    return provider;
  }

  private constructor(private readonly docs: DocumentStore, private readonly guidelines: GuidelinesStore) {
    super();
  }

  /** The problems (with fixes) behind a document's diagnostics, at its current text. */
  private async problemsOf(doc: vscode.TextDocument): Promise<{ problems: readonly Problem[]; model?: SftFileModel } | undefined> {
    if (isGuidelinesUri(doc.uri)) {
      const g = await this.guidelines.forGuidelines(doc.uri);
      return g.text === doc.getText() ? { problems: g.loaded.problems } : undefined;
    }
    if (!isSftDocument(doc)) return undefined;
    const { result } = await this.docs.current(doc);
    return { problems: result.problems, model: result.model };
  }

  async provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext, token: vscode.CancellationToken): Promise<vscode.CodeAction[]> {
    const found = await this.problemsOf(doc);
    if (!found || token.isCancellationRequested) return [];
    const result = found;
    const only = context.only;
    if (only && (FIX_ALL_KIND.contains(only) || only.contains(FIX_ALL_KIND))) {
      const all = this.fixAll(doc, result.problems);
      return all ? [all] : [];
    }
    if (only && !vscode.CodeActionKind.QuickFix.intersects(only)) return [];
    const actions: vscode.CodeAction[] = [];
    const silenced = new Set<string>();
    for (const d of context.diagnostics) {
      if (d.source !== DIAGNOSTIC_SOURCE) continue;
      const rule = ruleOf(d);
      const problem = result.problems.find((p) => p.rule === rule && p.message === d.message && doc.offsetAt(d.range.start) === p.start);
      if (!problem) continue;
      for (const fix of problem.fixes ?? []) actions.push(this.quickFix(doc, fix, d));
      const pair = result.model ? findPair(result.model.pairs, problem.start) : undefined;
      const key = `${pair?.index}\u0000${problem.rule}`;
      if (rule && pair && !UNSILENCEABLE.has(rule) && !silenced.has(key)) {
        silenced.add(key);
        const a = new vscode.CodeAction(`Silence ${rule} for this pair…`, vscode.CodeActionKind.QuickFix);
        a.diagnostics = [d];
        a.command = { command: 'sft.silenceRule', title: a.title, arguments: [doc.uri, problem.start, rule] };
        actions.push(a);
      }
    }
    if (actions.some((a) => a.edit)) {
      const all = this.fixAll(doc, result.problems, 'Fix all auto-fixable problems');
      if (all) { all.kind = vscode.CodeActionKind.QuickFix; actions.push(all); }
    }
    return actions;
  }

  private quickFix(doc: vscode.TextDocument, fix: Fix, d: vscode.Diagnostic): vscode.CodeAction {
    const a = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
    a.diagnostics = [d];
    a.isPreferred = fix.preferred === true;
    a.edit = toWorkspaceEdit(doc, fix.edits);
    return a;
  }

  /** Every preferred fix whose edits do not overlap an earlier one's. */
  private fixAll(doc: vscode.TextDocument, problems: readonly Problem[], title = 'Fix all SFT problems'): vscode.CodeAction | undefined {
    const chosen: TextEdit[] = [];
    const fixes = problems.map((p) => p.fixes?.find((f) => f.preferred)).filter((f): f is Fix => !!f);
    for (const fix of fixes) {
      const overlaps = fix.edits.some((e) => chosen.some((c) => e.start < c.end && c.start < e.end || (e.start === e.end && e.start === c.start)));
      if (!overlaps) chosen.push(...fix.edits);
    }
    if (!chosen.length) return undefined;
    const a = new vscode.CodeAction(title, FIX_ALL_KIND);
    a.edit = toWorkspaceEdit(doc, chosen);
    return a;
  }
}

/** Core edits (offsets in the document's current text) as a WorkspaceEdit. */
export function toWorkspaceEdit(doc: vscode.TextDocument, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const we = new vscode.WorkspaceEdit();
  for (const e of edits) we.replace(doc.uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.newText);
  return we;
}
