/**
 * Quick fixes from each problem's fixes, one "fix all" source action, and "silence for
 * this pair" (asks for the reason, then inserts `# sft-ignore rule: reason`). Each is an
 * `applyFixes` intent planned by core (which also chooses among fixes that meet) and
 * applied as one WorkspaceEdit.
 */
import * as vscode from 'vscode';
import type { Fix, Problem } from '../../core/types';
import { hasPreferredFix } from '../../core/edit/fix-all';
import type { LintText } from '../../core/edit/intent';
import { planFixEdits } from '../../core/edit/plan';
import { loadGuidelines } from '../../core/guidelines';
import { RULE_METAS } from '../../core/rules/index';
import { findPair } from '../../core/parse/parse';
import { Disposable } from '../dispose';
import { GUIDELINES_GLOB, isGuidelinesUri, isSftDocument, SFT_SELECTOR } from '../documents';
import type { GuidelinesStore } from '../lint/guidelines-store';
import type { SftFileModel } from '../../core/parse/parse';
import { ruleOf, DIAGNOSTIC_SOURCE } from '../lint/convert';
import type { DocumentStore } from '../lint/document-store';
import { toWorkspaceEdit } from '../workspace-edit';

/** Rules a pair comment cannot silence (syntax errors, the silence comments themselves). */
const UNSILENCEABLE = new Set(['silence', 'yaml-syntax']);

/** A document's problems, and the lint that fix-all runs again on the fixed text. */
interface FoundProblems {
  problems: readonly Problem[];
  model?: SftFileModel;
  lint: LintText;
}

/** `source.fixAll.sft`: apply every problem's preferred fix. */
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('sft');

export class CodeActionProvider extends Disposable implements vscode.CodeActionProvider {
  static register(docs: DocumentStore, guidelines: GuidelinesStore): vscode.Disposable {
    const provider = new CodeActionProvider(docs, guidelines);
    const metadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND] };
    provider._register(
      vscode.languages.registerCodeActionsProvider(SFT_SELECTOR, provider, metadata),
    );
    provider._register(
      vscode.languages.registerCodeActionsProvider(
        { pattern: GUIDELINES_GLOB },
        provider,
        metadata,
      ),
    );
    return provider;
  }

  private constructor(
    private readonly docs: DocumentStore,
    private readonly guidelines: GuidelinesStore,
  ) {
    super();
  }

  /** The problems (with fixes) behind a document's diagnostics, at its current text, and how to lint a fixed text. */
  private async problemsOf(doc: vscode.TextDocument): Promise<FoundProblems | undefined> {
    if (isGuidelinesUri(doc.uri)) {
      const g = await this.guidelines.forGuidelines(doc.uri);
      const lint = (text: string) =>
        loadGuidelines(text, g.loaded.guidelines.source, RULE_METAS).problems;
      return g.text === doc.getText() ? { problems: g.loaded.problems, lint } : undefined;
    }
    if (!isSftDocument(doc)) return undefined;
    const { result, governedBy } = await this.docs.current(doc);
    return {
      problems: result.problems,
      model: result.model,
      lint: (text) => governedBy.linter.lint(text).problems,
    };
  }

  async provideCodeActions(
    doc: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.CodeAction[]> {
    const found = await this.problemsOf(doc);
    if (!found || token.isCancellationRequested) return [];
    const result = found;
    const only = context.only;
    if (only && (FIX_ALL_KIND.contains(only) || only.contains(FIX_ALL_KIND))) {
      const all = this.fixAll(doc, result);
      return all ? [all] : [];
    }
    if (only && !vscode.CodeActionKind.QuickFix.intersects(only)) return [];
    const actions: vscode.CodeAction[] = [];
    const silenced = new Set<string>();
    for (const d of context.diagnostics) {
      if (d.source !== DIAGNOSTIC_SOURCE) continue;
      const rule = ruleOf(d);
      const problem = result.problems.find(
        (p) =>
          p.rule === rule && p.message === d.message && doc.offsetAt(d.range.start) === p.start,
      );
      if (!problem) continue;
      for (const fix of problem.fixes ?? []) actions.push(this.quickFix(doc, fix, d));
      const pair = result.model ? findPair(result.model.pairs, problem.start) : undefined;
      const key = `${pair?.index}\u0000${problem.rule}`;
      if (rule && pair && !UNSILENCEABLE.has(rule) && !silenced.has(key)) {
        silenced.add(key);
        const a = new vscode.CodeAction(
          `Silence ${rule} for this pair…`,
          vscode.CodeActionKind.QuickFix,
        );
        a.diagnostics = [d];
        a.command = {
          command: 'sft.silenceRule',
          title: a.title,
          arguments: [doc.uri, problem.start, rule],
        };
        actions.push(a);
      }
    }
    if (actions.some((a) => a.edit) && hasPreferredFix(result.problems))
      actions.push(new LazyFixAll(doc, result));
    return actions;
  }

  /** Work out the edit of "Fix all" when it is chosen, not each time the light bulb asks. */
  resolveCodeAction(action: vscode.CodeAction): vscode.CodeAction {
    if (action instanceof LazyFixAll && !action.edit && action.doc.version === action.version) {
      const edits = planFixEdits(action.doc.getText(), {
        kind: 'applyFixes',
        problems: action.found.problems,
        lint: action.found.lint,
      });
      if (edits.length) action.edit = toWorkspaceEdit(action.doc, edits);
    }
    return action;
  }

  private quickFix(doc: vscode.TextDocument, fix: Fix, d: vscode.Diagnostic): vscode.CodeAction {
    const a = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
    a.diagnostics = [d];
    a.isPreferred = fix.preferred === true;
    a.edit = toWorkspaceEdit(doc, planFixEdits(doc.getText(), { kind: 'applyFixes', fix }));
    return a;
  }

  /**
   * Every preferred fix, applied as `sft lint --fix` applies them (core's fixAll: fixes that
   * meet wait for another pass over the re-linted text), as one edit of the current text.
   */
  private fixAll(
    doc: vscode.TextDocument,
    found: FoundProblems,
    title = 'Fix all SFT problems',
  ): vscode.CodeAction | undefined {
    if (!hasPreferredFix(found.problems)) return undefined;
    const edits = planFixEdits(doc.getText(), {
      kind: 'applyFixes',
      problems: found.problems,
      lint: found.lint,
    });
    if (!edits.length) return undefined;
    const a = new vscode.CodeAction(title, FIX_ALL_KIND);
    a.edit = toWorkspaceEdit(doc, edits);
    return a;
  }
}

/**
 * "Fix all" among the quick fixes. Its edit comes from resolveCodeAction, because working it
 * out lints the file again after each pass, too much for every light bulb request.
 */
class LazyFixAll extends vscode.CodeAction {
  readonly version: number;
  constructor(
    readonly doc: vscode.TextDocument,
    readonly found: FoundProblems,
  ) {
    super('Fix all auto-fixable problems', vscode.CodeActionKind.QuickFix);
    this.version = doc.version;
  }
}
