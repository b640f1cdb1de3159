/**
 * ShareGPT JSON: `[{conversations: [{from: "system"|"human"|"gpt", value}]}]`. The human
 * turn is folded like the OpenAI user message (layout.ts).
 */
import { foldUser, unfoldUser } from './layout';
import type { PairRecord } from './record';
import { noteUnknownKeys, objectArray, stringOf, type ImportResult } from './read';

interface Turn {
  from: 'system' | 'human' | 'gpt';
  value: string;
}

/** Write records as a ShareGPT JSON array. */
export function writeShareGpt(records: readonly PairRecord[]): string {
  const items = records.map((r) => {
    const conversations: Turn[] = [];
    if (r.system) conversations.push({ from: 'system', value: r.system });
    conversations.push({ from: 'human', value: foldUser(r) }, { from: 'gpt', value: r.response });
    return { conversations };
  });
  return JSON.stringify(items, null, 2) + '\n';
}

/** Read a ShareGPT JSON array of single-turn conversations. */
export function readShareGpt(text: string): ImportResult {
  const result: ImportResult = { records: [], problems: [] };
  for (const { where, value } of objectArray(text, result.problems)) {
    const turns = Array.isArray(value.conversations)
      ? (value.conversations as unknown[])
      : undefined;
    const parsed = turns?.map((t) => ({
      from: stringOf((t as Record<string, unknown> | null)?.from),
      value: stringOf((t as Record<string, unknown> | null)?.value),
    }));
    const system = parsed?.[0]?.from === 'system' ? parsed[0].value : undefined;
    const rest = system === undefined ? parsed : parsed?.slice(1);
    if (
      !rest ||
      rest.length !== 2 ||
      rest[0].from !== 'human' ||
      rest[1].from !== 'gpt' ||
      rest[0].value === undefined ||
      rest[1].value === undefined
    ) {
      result.problems.push(
        `${where}: expected conversations [system?, human, gpt] with text values; skipped`,
      );
      continue;
    }
    noteUnknownKeys(where, value, ['conversations'], result.problems);
    const r: PairRecord = { ...unfoldUser(rest[0].value), response: rest[1].value };
    if (system) r.system = system;
    result.records.push(r);
  }
  return result;
}
