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
import { LintWorkspaceCommand } from './commands/lint-workspace';
import { CodeActionProvider } from './language/code-actions';
import { CodeLensProvider } from './language/code-lens';
import { CompletionProvider } from './language/completion';
import { HoverProvider } from './language/hover';
import { OutlineProvider } from './language/outline';
import { PerfProbe } from './perf';
import { AnnotationsView } from './annotations/annotations-view';
import { syncOpenByDefault } from './editor/open-by-default';
import { PairEditorProvider } from './editor/pair-editor-provider';
import { settings } from './config';
import { DiagnosticsProvider } from './lint/diagnostics';
import { DocumentStore } from './lint/document-store';
import { GuidelinesStore } from './lint/guidelines-store';
import { CoverageReportPanel } from './coverage/coverage-report';
import { CoverageView } from './workspace/coverage-view';
import { IndexService } from './workspace/index-service';
import { SftWorkspace } from './workspace/sft-workspace';
import { StatusBar } from './workspace/status-bar';

export function activate(context: vscode.ExtensionContext): SftApi {
  const perf = new PerfProbe();
  const started = performance.now();
  const add = <T extends vscode.Disposable>(d: T): T => {
    context.subscriptions.push(d);
    return d;
  };
  const log = add(vscode.window.createOutputChannel('SFT Studio', { log: true }));
  // The desktop host's token counter and language detector: their data loads on first use.
  const services = nodeTextServices();
  const guidelines = add(new GuidelinesStore(services, log));
  const docs = add(new DocumentStore(guidelines));
  // The one owner of `.sft.yaml` files: the index subscribes first, so diagnostics merge
  // workspace problems that already know the update they publish.
  const workspace = add(SftWorkspace.register(docs, guidelines, log));
  const index = add(IndexService.register(workspace, guidelines, log, perf));
  const diagnostics = add(DiagnosticsProvider.register(context, workspace, guidelines, log, perf));
  add(diagnostics.setWorkspaceSource(index));
  add(CodeActionProvider.register(docs, guidelines));
  add(CompletionProvider.register(docs));
  add(HoverProvider.register(docs, services.tokens));
  add(OutlineProvider.register(docs));
  add(CodeLensProvider.register(docs, diagnostics.onDidPublish));
  const pairCommands = add(PairCommands.register(docs, () => index.ids()));
  add(FileCommands.register(guidelines, log));
  const pairEditor = add(
    PairEditorProvider.register(
      context,
      docs,
      {
        ids: () => index.ids(),
        problems: index,
        typingInCard: (doc) => workspace.typingInCard(doc),
      },
      services.tokens,
      log,
      perf,
    ),
  );
  add(
    AnnotationsView.register(context, {
      docs,
      index,
      tokens: services.tokens,
      log,
      onDidSelectPair: pairEditor.onDidSelectPair,
      onDidLint: diagnostics.onDidPublish,
      perf,
    }),
  );
  add(syncOpenByDefault());
  const lint = add(LintWorkspaceCommand.register(diagnostics));
  const showProblems = async (): Promise<void> => {
    await diagnostics.lintWorkspace();
    await vscode.commands.executeCommand('workbench.actions.view.problems');
  };
  add(ExportCommand.register({ docs, guidelines, workspace: index }, log, showProblems));
  add(ImportCommand.register(log));
  const statusBar = add(StatusBar.register(index, perf));
  const coverageView = add(CoverageView.register(index, perf));
  add(CoverageReportPanel.register(context, { index, pairs: pairCommands, log, perf }));
  // The index (status bar, coverage, workspace rules) builds after activation returns; then
  // the workspace's problems are published (unless `sft.lint.workspace` is off).
  let startupLinted!: () => void;
  const workspaceLinted = new Promise<void>((resolve) => {
    startupLinted = resolve;
  });
  const timer = setTimeout(
    () =>
      void index
        .ready()
        .then(() =>
          settings().lintWorkspace ? diagnostics.lintWorkspace({ quiet: true }) : undefined,
        )
        .finally(startupLinted),
    0,
  );
  add({
    dispose: () => {
      clearTimeout(timer);
      startupLinted();
    },
  });

  perf.activateMs = performance.now() - started;
  log.info(
    `SFT Studio ${String(context.extension.packageJSON.version)} activated in ${Math.round(perf.activateMs)} ms`,
  );
  return {
    perf,
    statusBarText: () => statusBar.text,
    onDidUpdateStatusBar: statusBar.onDidUpdate,
    indexReady: () => index.ready(),
    workspaceLinted: () => workspaceLinted,
    coverage: async () => ({ ...(await index.coverage()), pairs: index.pairs() }),
    coverageChildren: (node) => coverageView.getChildren(node),
    coverageItem: (node) => coverageView.getTreeItem(node),
    lintStats: docs.stats,
    currentLint: (doc) => docs.current(doc),
    workspaceStats: workspace.stats,
    lintWorkspace: () => lint.run(),
    logUri: context.logUri,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
