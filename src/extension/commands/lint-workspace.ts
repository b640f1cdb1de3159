/**
 * `sft.lintWorkspace`: index the workspace again from what exists, lint every `.sft.yaml`
 * file into the Problems panel, and say what was found, with a way to the Problems panel.
 */
import * as vscode from 'vscode';
import { Disposable } from '../dispose';
import { lintSummaryText, type DiagnosticsProvider, type WorkspaceLintSummary } from '../lint/diagnostics';
import type { IndexService } from '../workspace/index-service';

export class LintWorkspaceCommand extends Disposable {
  static register(diagnostics: DiagnosticsProvider, index: IndexService): LintWorkspaceCommand {
    return new LintWorkspaceCommand(diagnostics, index);
  }

  private constructor(private readonly diagnostics: DiagnosticsProvider, private readonly index: IndexService) {
    super();
    this._register(vscode.commands.registerCommand('sft.lintWorkspace', () => this.run()));
  }

  /** Rebuild, lint, and show the summary (the command's result, for tests and other extensions). */
  async run(): Promise<WorkspaceLintSummary> {
    // Workspace problems (duplicate ids) come from the index: it must hold exactly the files that exist.
    await this.index.rebuild();
    const summary = await this.diagnostics.lintWorkspace();
    const show = 'Show Problems';
    void vscode.window.showInformationMessage(`${lintSummaryText(summary)}.`, ...(summary.filesWithProblems ? [show] : [])).then((choice) => {
      if (choice === show) void vscode.commands.executeCommand('workbench.actions.view.problems');
    });
    return summary;
  }
}
