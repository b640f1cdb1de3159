/**
 * `sft.import`: OpenAI, Alpaca, ShareGPT or plain JSONL data into a new `.sft.yaml` file,
 * through the same core as `sft import`. Each input comes from the command's argument when
 * given, else from the UI (open dialog, format quick pick with a guess first, save dialog,
 * id prefix). The pairs are written by core's one pair writer, and the new file is created
 * with its text in one WorkspaceEdit. Nothing is overwritten without asking, and unreadable
 * input ends in a message naming the line or record, never an exception.
 */
import * as vscode from 'vscode';
import {
  importRecords,
  isExportFormat,
  isValidIdPrefix,
  recordsToSft,
  type ExportFormat,
} from '../../core/export/index';
import { defaultIdPrefix, guessFormat } from '../../core/export/guess';
import { Disposable } from '../dispose';
import { withSftName } from '../documents';
import { FORMAT_DESCRIPTIONS, logList, nameOf, pickFormat, plural, uriArg } from './formats';

/**
 * `sft.import`'s argument; anything left out is asked for.
 * @usedBy tests
 */
export interface ImportArgs {
  /** The JSON or JSONL file to read. */
  source?: vscode.Uri | string;
  format?: ExportFormat;
  /** The `.sft.yaml` file to write (its name made to end in exactly one `.sft.yaml`). */
  target?: vscode.Uri | string;
  /** Prefix of generated ids (default: the target's name). */
  idPrefix?: string;
  /** Replace an existing target (with a target argument; the UI asks instead). */
  overwrite?: boolean;
  /** Open the new file in an editor (default true). */
  open?: boolean;
}

/**
 * What `sft.import` did.
 * @usedBy tests
 */
export type ImportResult =
  | { outcome: 'imported'; target: vscode.Uri; pairs: number; problems: string[] }
  | { outcome: 'failed'; message: string; problems: string[] }
  | { outcome: 'cancelled' };

const encoder = new TextEncoder();
const CANCELLED: ImportResult = { outcome: 'cancelled' };

/** A failure whose message is for the user. */
class ImportError extends Error {
  constructor(
    message: string,
    readonly problems: string[] = [],
  ) {
    super(message);
  }
}

export class ImportCommand extends Disposable {
  static register(log: vscode.LogOutputChannel): vscode.Disposable {
    return new ImportCommand(log);
  }

  private constructor(private readonly log: vscode.LogOutputChannel) {
    super();
    // From the explorer the argument is the clicked file.
    this._register(
      vscode.commands.registerCommand(
        'sft.import',
        async (arg?: unknown): Promise<ImportResult> => {
          try {
            return await this.run(
              arg instanceof vscode.Uri ? { source: arg } : ((arg ?? {}) as ImportArgs),
            );
          } catch (e) {
            const message = e instanceof Error ? e.message : String(e);
            const problems = e instanceof ImportError ? e.problems : [];
            if (!(e instanceof ImportError)) this.log.error('Import failed:', e);
            else if (problems.length) logList(this.log, `Import failed: ${message}`, problems);
            else this.log.error(`Import failed: ${message}`);
            void vscode.window
              .showErrorMessage(
                `SFT import: ${message}`,
                ...(problems.length > 1 ? ['Show Details'] : []),
              )
              .then((c) => {
                if (c) this.log.show();
              });
            return { outcome: 'failed', message, problems };
          }
        },
      ),
    );
  }

  private async run(args: ImportArgs): Promise<ImportResult> {
    if (typeof args !== 'object' || args === null)
      throw new ImportError('the argument must be an object');
    if (args.format !== undefined && !isExportFormat(args.format))
      throw new ImportError(`unknown format "${String(args.format)}"`);
    if (args.idPrefix !== undefined && !isValidIdPrefix(args.idPrefix))
      throw new ImportError(
        `invalid id prefix "${args.idPrefix}": use letters, digits, ".", "_" and "-"`,
      );
    const source =
      uriArg(args.source) ??
      (
        await vscode.window.showOpenDialog({
          title: 'Import Training Data',
          openLabel: 'Import',
          canSelectMany: false,
          defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
          filters: { 'Training data': ['jsonl', 'json'], 'All files': ['*'] },
        })
      )?.[0];
    if (!source) return CANCELLED;
    const text = await readText(source);
    const format =
      args.format ??
      (await pickFormat(`Format of ${nameOf(source)}`, guessFormat(nameOf(source), text)));
    if (!format) return CANCELLED;
    const { records, problems } = importRecords(text, format);
    if (!records.length) {
      const first = problems[0] ?? 'the file holds no records';
      throw new ImportError(
        `no ${FORMAT_DESCRIPTIONS[format].label} records in ${nameOf(source)}: ${first}${problems.length > 1 ? ` (and ${plural(problems.length - 1, 'more problem')})` : ''}`,
        problems,
      );
    }
    const target = await this.target(args, source);
    if (!target) return CANCELLED;
    const needsIds = records.some((r) => r.id === undefined);
    const idPrefix =
      args.idPrefix ??
      (needsIds && args.target === undefined
        ? await askPrefix(target)
        : defaultIdPrefix(nameOf(target)));
    if (idPrefix === undefined) return CANCELLED;
    const sft = recordsToSft(records, {
      idPrefix,
      comment: `Imported by SFT Studio from ${nameOf(source)} (${format}).`,
    });
    // One WorkspaceEdit: the file and its text in one step. `target` already said whether a file there may be replaced.
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(target, { overwrite: true, contents: encoder.encode(sft) });
    let written: boolean;
    try {
      written = await vscode.workspace.applyEdit(edit);
    } catch (e) {
      throw new ImportError(
        `cannot write ${nameOf(target)}: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
    if (!written) throw new ImportError(`cannot write ${nameOf(target)}`);
    if (args.open !== false) await vscode.window.showTextDocument(target);
    const done = `Imported ${plural(records.length, 'pair')} into ${nameOf(target)}`;
    this.log.info(`${done} from ${nameOf(source)} (${format}, ids ${idPrefix}-…).`);
    if (problems.length) {
      logList(this.log, `${done} from ${nameOf(source)}; skipped or changed:`, problems);
      void vscode.window
        .showWarningMessage(
          `${done}; ${plural(problems.length, 'problem')} in ${nameOf(source)}, first: ${problems[0]}`,
          'Show Details',
        )
        .then((c) => {
          if (c) this.log.show();
        });
    } else {
      void vscode.window.showInformationMessage(`${done}.`);
    }
    return { outcome: 'imported', target, pairs: records.length, problems };
  }

  /** The file to write: the argument (never replaced unless `overwrite`), else a save dialog. */
  private async target(args: ImportArgs, source: vscode.Uri): Promise<vscode.Uri | undefined> {
    const given = uriArg(args.target);
    if (given) {
      const target = withSftName(given);
      if (!args.overwrite && (await exists(target)))
        throw new ImportError(
          `${nameOf(target)} exists; not replaced (pass overwrite: true to replace it)`,
        );
      return target;
    }
    const folder = vscode.workspace.getWorkspaceFolder(source)
      ? vscode.Uri.joinPath(source, '..')
      : vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = `${defaultIdPrefix(nameOf(source))}.sft.yaml`;
    const picked = await vscode.window.showSaveDialog({
      title: 'Save Imported Pairs',
      saveLabel: 'Import',
      defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
      // Not `sft.yaml`: a dialog appends a filter's extension to a name that does not end in
      // it as it sees extensions (`.yaml`), which made `name.sft.yaml.sft.yaml`.
      filters: { 'SFT YAML': ['yaml'] },
    });
    if (!picked) return undefined;
    const target = withSftName(picked);
    if (!(await exists(target))) return target;
    // The save dialog may have asked already, but not for a name we changed, and not on every platform.
    const replace = await vscode.window.showWarningMessage(
      `${nameOf(target)} already exists. Replace it with the imported pairs?`,
      { modal: true },
      'Replace',
    );
    return replace === 'Replace' ? target : undefined;
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return Promise.resolve(vscode.workspace.fs.stat(uri)).then(
    () => true,
    () => false,
  );
}

/** The file as UTF-8 text, or an {@link ImportError} saying why not. */
async function readText(uri: vscode.Uri): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (e) {
    const reason =
      e instanceof vscode.FileSystemError && e.code === 'FileNotFound'
        ? 'no such file'
        : e instanceof vscode.FileSystemError && e.code === 'FileIsADirectory'
          ? 'it is a folder'
          : e instanceof Error
            ? e.message
            : String(e);
    throw new ImportError(`cannot read ${nameOf(uri)}: ${reason}`);
  }
  if (bytes.includes(0))
    throw new ImportError(`${nameOf(uri)} is not a text file (it holds NUL bytes)`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError(`${nameOf(uri)} is not UTF-8 text`);
  }
}

/** Ask for the prefix of generated ids, defaulting to the target's name. */
function askPrefix(target: vscode.Uri): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: 'Id prefix',
    prompt: 'Records without an id get <prefix>-0001, <prefix>-0002, …',
    value: defaultIdPrefix(nameOf(target)),
    validateInput: (v) =>
      isValidIdPrefix(v) ? undefined : 'Use letters, digits, ".", "_" and "-"',
  });
}
