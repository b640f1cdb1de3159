/** The export formats and statuses as the export and import commands offer them. */
import * as vscode from 'vscode';
import { STATUSES } from '../../core/annotations';
import { EXPORT_FORMATS, type ExportFormat } from '../../core/export/index';

/** One line per format for quick picks. */
export const FORMAT_DESCRIPTIONS: Record<ExportFormat, { label: string; detail: string }> = {
  openai: {
    label: 'OpenAI chat JSONL',
    detail: '{"messages": [system?, user, assistant]} per line',
  },
  alpaca: { label: 'Alpaca JSON', detail: '[{instruction, input, output, system?}]' },
  sharegpt: {
    label: 'ShareGPT JSON',
    detail: '[{conversations: [{from: system|human|gpt, value}]}]',
  },
  jsonl: {
    label: 'Plain JSONL',
    detail: 'one record per line with every annotation and field (lossless)',
  },
};

/** The status value that stands for pairs without a status (as `collectRecords` sees them). */
export const NO_STATUS = '';

/** Every status an export may ask for, `NO_STATUS` included. */
export const STATUS_CHOICES: readonly string[] = [...STATUSES.map((s) => s.value), NO_STATUS];

interface FormatItem extends vscode.QuickPickItem {
  format: ExportFormat;
}

/** Quick pick of a format; `first` is offered first and marked as detected. */
export async function pickFormat(
  placeHolder: string,
  first?: ExportFormat,
): Promise<ExportFormat | undefined> {
  const order = first ? [first, ...EXPORT_FORMATS.filter((f) => f !== first)] : [...EXPORT_FORMATS];
  const items = order.map((format): FormatItem => ({
    format,
    label: FORMAT_DESCRIPTIONS[format].label,
    description: format === first ? `${format} · detected` : format,
    detail: FORMAT_DESCRIPTIONS[format].detail,
  }));
  return (await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true }))
    ?.format;
}

interface StatusItem extends vscode.QuickPickItem {
  status: string;
}

/** Multi-select quick pick of statuses, `approved` picked by default. */
export async function pickStatuses(): Promise<string[] | undefined> {
  const items: StatusItem[] = [
    ...STATUSES.map((s): StatusItem => ({
      status: s.value,
      label: s.value,
      detail: s.description,
      picked: s.value === 'approved',
    })),
    {
      status: NO_STATUS,
      label: '(no status)',
      detail: "Pairs without a status (none set on the pair or in the file's defaults).",
    },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    placeHolder: 'Statuses of the pairs to export',
  });
  return picked?.map((i) => i.status);
}

/** A URI from a command argument (a Uri, or its string form); undefined otherwise. */
export function uriArg(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  if (typeof value === 'string' && value)
    return /^[a-z][a-z0-9+.-]*:/i.test(value) && !/^[A-Za-z]:[\\/]/.test(value)
      ? vscode.Uri.parse(value)
      : vscode.Uri.file(value);
  return undefined;
}

/** A file's name for messages. */
export function nameOf(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** `1 pair`, `2 pairs`: core's helper, which every count message uses. */
export { plural } from '../../core/plural';

/** A titled list in the log, one item a line (skipped records, pairs left out), as a warning. */
export function logList(
  log: vscode.LogOutputChannel,
  title: string,
  lines: readonly string[],
): void {
  log.warn([title, ...lines.map((l) => `  ${l}`)].join('\n'));
}
