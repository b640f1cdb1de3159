/**
 * Export and import formats: pure functions from parsed files to strings and from strings
 * back to `.sft.yaml` text. The CLI and the extension both call these.
 */
import { writeOpenAi, readOpenAi } from './openai';
import { writeAlpaca, readAlpaca } from './alpaca';
import { writeShareGpt, readShareGpt } from './sharegpt';
import { writeJsonl, readJsonl } from './jsonl';
import type { PairRecord } from './record';
import type { ImportResult } from './read';

export {
  collectRecords,
  pairRecord,
  cleanText,
  RECORD_KEYS,
  type SourceFile,
  type CollectedRecords,
} from './record';
export { recordsToSft, isValidIdPrefix, type ToSftOptions } from './to-sft';
export type { ImportResult } from './read';

/** The export and import formats. */
export const EXPORT_FORMATS = ['openai', 'alpaca', 'sharegpt', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The usual file extension of each format's output. */
export const FORMAT_EXTENSIONS: Record<ExportFormat, string> = {
  openai: '.jsonl',
  alpaca: '.json',
  sharegpt: '.json',
  jsonl: '.jsonl',
};

/** Whether a value names an export format (a command argument, a setting). */
export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** A default export file name: `<folder>-<format>.jsonl` and so on. */
export function defaultExportName(folderName: string | undefined, format: ExportFormat): string {
  const stem = (folderName ?? 'sft').replace(/[^A-Za-z0-9._-]+/g, '-') || 'sft';
  return `${stem}-${format}${FORMAT_EXTENSIONS[format]}`;
}

/** Write records in a format. */
export function exportRecords(records: readonly PairRecord[], format: ExportFormat): string {
  switch (format) {
    case 'openai':
      return writeOpenAi(records);
    case 'alpaca':
      return writeAlpaca(records);
    case 'sharegpt':
      return writeShareGpt(records);
    case 'jsonl':
      return writeJsonl(records);
  }
}

/** Read records from a text in a format; never throws. */
export function importRecords(text: string, format: ExportFormat): ImportResult {
  switch (format) {
    case 'openai':
      return readOpenAi(text);
    case 'alpaca':
      return readAlpaca(text);
    case 'sharegpt':
      return readShareGpt(text);
    case 'jsonl':
      return readJsonl(text);
  }
}
