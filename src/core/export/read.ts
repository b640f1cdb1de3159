/** Shared reading helpers for the import formats: JSON and JSONL that never throw. */
import type { PairRecord } from './record';

/** Records read from an import, and one line per thing that was skipped. */
export interface ImportResult {
  records: PairRecord[];
  problems: string[];
}

/** A JSON object with where it was found ("line 3", "item 2"). */
export interface Located {
  where: string;
  value: Record<string, unknown>;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The objects of a JSONL text; bad lines become problems. Blank lines are skipped. */
export function objectLines(text: string, problems: string[]): Located[] {
  const out: Located[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((line, i) => {
      if (!line.trim()) return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        problems.push(`line ${i + 1}: not valid JSON; skipped`);
        return;
      }
      if (isObject(value)) out.push({ where: `line ${i + 1}`, value });
      else problems.push(`line ${i + 1}: not a JSON object; skipped`);
    });
  return out;
}

/**
 * A JSON.parse error as `... at line L, column C`: engines name a character offset
 * ("at position 71", newer ones add the line), which says little about a big file.
 */
export function jsonErrorMessage(text: string, e: unknown): string {
  const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
  const at = /\s*at position (\d+)(?: \(line \d+ column \d+\))?/.exec(message);
  if (!at) return message;
  const before = text.slice(0, Number(at[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${message.slice(0, at.index)} at line ${line}, column ${column}${message.slice(at.index + at[0].length)}`;
}

/** The objects of a JSON array text; a bad text or item becomes a problem. */
export function objectArray(text: string, problems: string[]): Located[] {
  let value: unknown;
  const body = text.replace(/^\uFEFF/, '');
  try {
    value = JSON.parse(body);
  } catch (e) {
    problems.push(`not valid JSON: ${jsonErrorMessage(body, e)}`);
    return [];
  }
  if (!Array.isArray(value)) {
    problems.push('expected a JSON array of records');
    return [];
  }
  const out: Located[] = [];
  value.forEach((item: unknown, i) => {
    if (isObject(item)) out.push({ where: `item ${i + 1}`, value: item });
    else problems.push(`item ${i + 1}: not a JSON object; skipped`);
  });
  return out;
}

/** A string value, or undefined. */
export function stringOf(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** A list of strings, or undefined when it is not one. */
export function stringsOf(v: unknown): string[] | undefined {
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined;
}

/** Notes a problem for each key of `value` that is not in `known`: the record is kept without it. */
export function noteUnknownKeys(
  where: string,
  value: Record<string, unknown>,
  known: readonly string[],
  problems: string[],
): void {
  for (const key of Object.keys(value))
    if (!known.includes(key)) problems.push(`${where}: unknown key "${key}"; left out`);
}
