/**
 * SFT Studio's desktop entry: wires the services and providers and returns the test API.
 * Nothing here scans the workspace; the index builds in the background after activation.
 */
import * as vscode from 'vscode';
import { nodeTextServices } from '../node/text-services';
import type { SftApi } from './api';
import { FileCommands } from './commands/file-commands';
import { PairCommands } from './commands/pair-commands';
import { ExportCommand } from './commands/export';
import { ImportCommand } from './commands/import';
import { CodeActionProvider } from './language/code-actions';
import { CodeLensProvider } from './language/code-lens';
import { CompletionProvider } from './language/completion';
import { HoverProvider } from './language/hover';
import { OutlineProvider } from './language/outline';
import { PerfProbe } from './perf';
import { DiagnosticsProvider } from './lint/diagnostics';
import { DocumentStore } from './lint/document-store';
import { GuidelinesStore } from './lint/guidelines-store';
import { CoverageView } from './workspace/coverage-view';
import { IndexService } from './workspace/index-service';
import { StatusBar } from './workspace/status-bar';

export function activate(context: vscode.ExtensionContext): SftApi {
  const perf = new PerfProbe();
  const started = performance.now();
  const add = <T extends vscode.Disposable>(d: T): T => { context.subscriptions.push(d); return d; };
  // The desktop host's token counter and language detector: their data loads on first use.
  const services = nodeTextServices();
  const guidelines = add(new GuidelinesStore(services));
  const docs = add(new DocumentStore(guidelines));
  const diagnostics = add(DiagnosticsProvider.register(context, docs, guidelines, perf));
  const index = add(IndexService.register(docs, guidelines, perf));
  add(diagnostics.setWorkspaceSource(index));
  add(CodeActionProvider.register(docs, guidelines));
  add(CompletionProvider.register(docs));
  add(HoverProvider.register(docs, services.tokens));
  add(OutlineProvider.register(docs));
  add(CodeLensProvider.register(docs, diagnostics.onDidPublish));
  add(PairCommands.register(docs, () => (index.isBuilt ? index.ids() : [])));
  add(FileCommands.register());
  add(vscode.commands.registerCommand('sft.lintWorkspace', () => diagnostics.lintWorkspace()));
  const log = add(vscode.window.createOutputChannel('SFT Studio'));
  const showProblems = async (): Promise<void> => {
    await diagnostics.lintWorkspace();
    await vscode.commands.executeCommand('workbench.actions.view.problems');
  };
  add(ExportCommand.register({ docs, guidelines, workspace: index }, log, showProblems));
  add(ImportCommand.register(log));
  const statusBar = add(StatusBar.register(index, perf));
  const coverageView = add(CoverageView.register(index));
  // The index (status bar, coverage, workspace rules) builds after activation returns.
  const timer = setTimeout(() => void index.ready(), 0);
  add({ dispose: () => clearTimeout(timer) });

  perf.activateMs = performance.now() - started;
  return {
    perf,
    statusBarText: () => statusBar.text,
    onDidUpdateStatusBar: statusBar.onDidUpdate,
    indexReady: () => index.ready(),
    coverage: async () => ({ ...(await index.coverage()), pairs: index.pairs() }),
    coverageChildren: (node) => coverageView.getChildren(node),
    coverageItem: (node) => coverageView.getTreeItem(node),
    lintStats: docs.stats,
    lintWorkspace: () => diagnostics.lintWorkspace(),
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
