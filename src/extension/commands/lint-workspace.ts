/**
 * `sft.lintWorkspace`: index the workspace again from what exists, lint every `.sft.yaml`
 * file into the Problems panel, and say what was found, with a way to the Problems panel.
 */
import * as vscode from 'vscode';
import { Disposable } from '../dispose';
import {
  lintSummaryText,
  type DiagnosticsProvider,
  type WorkspaceLintSummary,
} from '../lint/diagnostics';

export class LintWorkspaceCommand extends Disposable {
  static register(diagnostics: DiagnosticsProvider): LintWorkspaceCommand {
    return new LintWorkspaceCommand(diagnostics);
  }

  private constructor(private readonly diagnostics: DiagnosticsProvider) {
    super();
    this._register(vscode.commands.registerCommand('sft.lintWorkspace', () => this.run()));
  }

  /** Rebuild, lint, and show the summary (the command's result, for tests and other extensions). */
  async run(): Promise<WorkspaceLintSummary> {
    // One scan reads every file once: the index takes it (duplicate ids from exactly the files that exist), diagnostics lint it.
    const summary = await this.diagnostics.lintWorkspace();
    const show = 'Show Problems';
    void vscode.window
      .showInformationMessage(
        `${lintSummaryText(summary)}.`,
        ...(summary.filesWithProblems ? [show] : []),
      )
      .then((choice) => {
        if (choice === show) void vscode.commands.executeCommand('workbench.actions.view.problems');
      });
    return summary;
  }
}
