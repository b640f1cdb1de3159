/**
 * First guesses for an import, for the editor to offer (the user confirms them): the
 * format, from the file's name and its first record, and an id prefix from a file name.
 */
import type { ExportFormat } from './index';
import { sftStem } from '../paths';
import { isValidIdPrefix } from './to-sft';

/** The first record's keys of a JSON array text, or undefined. */
function firstItemKeys(text: string): string[] | undefined {
  try {
    const value: unknown = JSON.parse(text);
    const first: unknown = Array.isArray(value) ? value[0] : undefined;
    return first && typeof first === 'object' && !Array.isArray(first)
      ? Object.keys(first)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The first non-blank line's keys of a JSONL text, or undefined. */
function firstLineKeys(text: string): string[] | undefined {
  const line = text.split(/\r?\n/, 50).find((l) => l.trim());
  if (line === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(line);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? Object.keys(value)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The likely format of an import file, or undefined when nothing points to one. A JSON
 * array is Alpaca or ShareGPT (by its first item's keys); one object per line is OpenAI
 * chat (`messages`) or plain JSONL (`prompt`/`response`).
 */
export function guessFormat(fileName: string, text: string): ExportFormat | undefined {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  const keys = body.startsWith('[') ? firstItemKeys(body) : firstLineKeys(body);
  if (keys?.includes('conversations')) return 'sharegpt';
  if (keys?.includes('instruction') || keys?.includes('output')) return 'alpaca';
  if (keys?.includes('messages')) return 'openai';
  if (keys?.includes('prompt') || keys?.includes('response')) return 'jsonl';
  // JSONL whose first line says nothing: OpenAI chat is what most such files hold.
  if (/\.jsonl$/i.test(fileName)) return 'openai';
  return undefined;
}

/** An id prefix from a `.sft.yaml` file's name (`batch-3.sft.yaml` → `batch-3`), else `pair`. */
export function defaultIdPrefix(fileName: string): string {
  const stem = sftStem(fileName)
    .replace(/\.jsonl?$/i, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return stem && isValidIdPrefix(stem) ? stem : 'pair';
}
