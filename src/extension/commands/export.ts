/**
 * `sft.export`: the workspace's pairs (or one folder's) as training data, through the same
 * core as `sft export`. Each input comes from the command's argument when given, else from
 * the UI (format and status quick picks, a modal when errors remain, a save dialog), so
 * tests and other extensions can run it without dialogs.
 */
import * as vscode from 'vscode';
import {
  collectRecords,
  defaultExportName,
  exportRecords,
  FORMAT_EXTENSIONS,
  isExportFormat,
  type CollectedRecords,
  type ExportFormat,
} from '../../core/export/index';
import { Disposable } from '../dispose';
import { isSftUri } from '../documents';
import {
  filesInScope,
  lintSources,
  type ExportLinting,
  type ExportSources,
} from './export-sources';
import {
  FORMAT_DESCRIPTIONS,
  logList,
  nameOf,
  pickFormat,
  pickStatuses,
  plural,
  STATUS_CHOICES,
  uriArg,
} from './formats';

/**
 * `sft.export`'s argument; anything left out is asked for.
 * @usedBy tests
 */
export interface ExportArgs {
  format?: ExportFormat;
  /** Statuses of the pairs to export (`''` for pairs without one), or `'all'`. */
  statuses?: readonly string[] | 'all';
  /** A folder or one `.sft.yaml` file; default: the whole workspace. */
  scope?: vscode.Uri | string;
  /** Where to write. */
  target?: vscode.Uri | string;
  /** true: export despite errors; false: refuse when errors remain; absent: ask. */
  force?: boolean;
}

/**
 * What `sft.export` did.
 * @usedBy tests
 */
export type ExportResult =
  | { outcome: 'exported'; target: vscode.Uri; pairs: number; errors: number; skipped: string[] }
  | { outcome: 'refused'; errors: number; files: vscode.Uri[] }
  | { outcome: 'empty'; files: number }
  | { outcome: 'failed'; message: string }
  | { outcome: 'cancelled' };

const encoder = new TextEncoder();
const CANCELLED: ExportResult = { outcome: 'cancelled' };

type Loaded = ExportSources & { files: number; collected: CollectedRecords };

export class ExportCommand extends Disposable {
  static register(
    linting: ExportLinting,
    log: vscode.LogOutputChannel,
    showProblems: () => Promise<unknown>,
  ): vscode.Disposable {
    return new ExportCommand(linting, log, showProblems);
  }

  private constructor(
    private readonly linting: ExportLinting,
    private readonly log: vscode.LogOutputChannel,
    private readonly showProblems: () => Promise<unknown>,
  ) {
    super();
    // From the explorer the argument is the clicked folder or file.
    this._register(
      vscode.commands.registerCommand('sft.export', (arg?: unknown) =>
        this.run(arg instanceof vscode.Uri ? { scope: arg } : ((arg ?? {}) as ExportArgs)),
      ),
    );
  }

  private async run(args: ExportArgs): Promise<ExportResult> {
    const invalid = this.check(args);
    if (invalid) {
      void vscode.window.showErrorMessage(`SFT export: ${invalid}`);
      return { outcome: 'failed', message: invalid };
    }
    const format = args.format ?? (await pickFormat('Format of the training data'));
    if (!format) return CANCELLED;
    const statuses =
      args.statuses === 'all' ? undefined : (args.statuses ?? (await pickStatuses()));
    if (statuses !== undefined && !statuses.length) {
      if (args.statuses === undefined)
        void vscode.window.showInformationMessage('SFT export: pick at least one status.');
      return CANCELLED;
    }
    const scope = uriArg(args.scope);
    const loaded = await this.load(scope, statuses);
    if (!loaded) return CANCELLED;
    const { records, skipped } = loaded.collected;
    if (skipped.length)
      logList(this.log, `Export: ${plural(skipped.length, 'pair')} left out`, skipped);
    if (!records.length) {
      const which = statuses ? ` with status ${statuses.map((s) => s || '(none)').join(', ')}` : '';
      void vscode.window.showInformationMessage(
        `SFT export: no pairs${which} in ${plural(loaded.files, '.sft.yaml file')}; nothing written.`,
      );
      return { outcome: 'empty', files: loaded.files };
    }
    if (
      loaded.errors &&
      args.force !== true &&
      !(await this.confirmErrors(loaded, args.force === undefined))
    ) {
      return { outcome: 'refused', errors: loaded.errors, files: loaded.errorFiles };
    }
    const target =
      uriArg(args.target) ??
      (await vscode.window.showSaveDialog({
        title: 'Export Training Data',
        saveLabel: 'Export',
        defaultUri: this.defaultTarget(scope, format),
        filters: { [FORMAT_DESCRIPTIONS[format].label]: [FORMAT_EXTENSIONS[format].slice(1)] },
      }));
    if (!target) return CANCELLED;
    // Training data is never a pairs file: writing it there would replace a writer's pairs.
    if (isSftUri(target))
      return this.failed(
        `will not write ${nameOf(target)}: an export never replaces a .sft.yaml file`,
      );
    try {
      await vscode.workspace.fs.writeFile(target, encoder.encode(exportRecords(records, format)));
    } catch (e) {
      return this.failed(
        `cannot write ${nameOf(target)}: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
    const notes = [
      loaded.errors ? `with ${plural(loaded.errors, 'error')}` : '',
      skipped.length ? `${plural(skipped.length, 'pair')} without prompt or response left out` : '',
    ].filter(Boolean);
    const message = `Exported ${plural(records.length, 'pair')} to ${nameOf(target)}${notes.length ? ` (${notes.join('; ')})` : ''}.`;
    this.log.info(
      `${message} Format ${format}, statuses ${statuses ? statuses.map((s) => s || '(none)').join(', ') : 'all'}.`,
    );
    void vscode.window.showInformationMessage(message, 'Open').then((choice) => {
      if (choice === 'Open') void vscode.commands.executeCommand('vscode.open', target);
    });
    return { outcome: 'exported', target, pairs: records.length, errors: loaded.errors, skipped };
  }

  /** Log and show why nothing was written. */
  private failed(message: string): ExportResult {
    this.log.error(`Export failed: ${message}`);
    void vscode.window.showErrorMessage(`SFT export: ${message}`);
    return { outcome: 'failed', message };
  }

  /** What is wrong with the arguments, if anything. */
  private check(args: ExportArgs): string | undefined {
    if (typeof args !== 'object' || args === null) return 'the argument must be an object';
    if (args.format !== undefined && !isExportFormat(args.format))
      return `unknown format "${String(args.format)}"`;
    if (args.statuses !== undefined && args.statuses !== 'all') {
      if (!Array.isArray(args.statuses)) return 'statuses must be a list or "all"';
      const bad = args.statuses.find((s) => !STATUS_CHOICES.includes(s));
      if (bad !== undefined) return `unknown status "${String(bad)}"`;
    }
    return undefined;
  }

  /** Find, lint and collect, under a cancellable progress notification. */
  private load(
    scope: vscode.Uri | undefined,
    statuses: readonly string[] | undefined,
  ): Thenable<Loaded | undefined> {
    return vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: 'SFT: exporting',
        cancellable: true,
      },
      async (progress, token) => {
        const files = await filesInScope(scope, token);
        const lint = await lintSources(files, statuses, this.linting, progress, token);
        if (!lint || token.isCancellationRequested) return undefined;
        return {
          ...lint,
          files: files.length,
          collected: collectRecords(lint.sources, { statuses }),
        };
      },
    );
  }

  /** Whether to export despite errors: asks when `ask`, else refuses with a warning. */
  private async confirmErrors(loaded: Loaded, ask: boolean): Promise<boolean> {
    const summary = `${plural(loaded.errors, 'error')} in ${plural(loaded.errorFiles.length, 'file')} remain in the pairs to export.`;
    if (!ask) {
      void vscode.window.showWarningMessage(`SFT export refused: ${summary}`);
      return false;
    }
    const listed = loaded.errorFiles
      .slice(0, 10)
      .map((u) => vscode.workspace.asRelativePath(u, false));
    if (loaded.errorFiles.length > listed.length)
      listed.push(`… and ${loaded.errorFiles.length - listed.length} more`);
    const choice = await vscode.window.showWarningMessage(
      summary,
      { modal: true, detail: listed.join('\n') },
      'Show Problems',
      'Export Anyway',
    );
    if (choice === 'Show Problems') void this.showProblems();
    return choice === 'Export Anyway';
  }

  private defaultTarget(
    scope: vscode.Uri | undefined,
    format: ExportFormat,
  ): vscode.Uri | undefined {
    const folder = scope && !isSftUri(scope) ? scope : vscode.workspace.workspaceFolders?.[0]?.uri;
    return folder
      ? vscode.Uri.joinPath(folder, defaultExportName(nameOf(folder), format))
      : undefined;
  }
}
