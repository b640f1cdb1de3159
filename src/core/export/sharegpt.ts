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

/** Turn keys that make a conversation something a pair cannot be (tool use). */
const TOOL_TURN_KEYS = ['tool_calls', 'function_call', 'tool_call_id', 'tools'];
/** Per-turn training marks (axolotl's `weight` and `training`). */
const TRAINING_KEYS = ['weight', 'training'];
/** Turn keys a pair carries, or that say only what a pair already means (see refusedTurn). */
const TURN_KEYS = ['from', 'value', ...TRAINING_KEYS];

/**
 * Why a turn cannot become part of a pair, or undefined. A pair trains on its gpt turn and on
 * nothing else, so a training mark that says otherwise changes what is trained on and is
 * refused, as is tool use; a mark that agrees is accepted. Other keys are noted by the caller.
 */
function refusedTurn(t: Record<string, unknown>, n: number): string | undefined {
  for (const key of TOOL_TURN_KEYS)
    if (t[key] !== undefined) return `turn ${n} has "${key}" (tool use), which a pair cannot carry`;
  for (const key of TRAINING_KEYS) {
    const mark = t[key];
    if (mark === undefined) continue;
    const trained =
      mark === 1 || mark === true ? true : mark === 0 || mark === false ? false : undefined;
    if (trained === (t.from === 'gpt')) continue;
    const how = trained === undefined ? '' : trained ? ' (trained on)' : ' (not trained on)';
    return `turn ${n} has "${key}": ${JSON.stringify(mark)}${how}, which a pair cannot carry`;
  }
  return undefined;
}

const isTurn = (t: unknown): t is Record<string, unknown> =>
  typeof t === 'object' && t !== null && !Array.isArray(t);

/** Read a ShareGPT JSON array of single-turn conversations. */
export function readShareGpt(text: string): ImportResult {
  const result: ImportResult = { records: [], problems: [] };
  for (const { where, value } of objectArray(text, result.problems)) {
    const turns = Array.isArray(value.conversations)
      ? (value.conversations as unknown[])
      : undefined;
    const refused = turns
      ?.map((t, i) => (isTurn(t) ? refusedTurn(t, i + 1) : undefined))
      .find((why) => why !== undefined);
    if (refused !== undefined) {
      result.problems.push(`${where}: ${refused}; skipped`);
      continue;
    }
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
    turns?.forEach((t, i) =>
      noteUnknownKeys(
        `${where}, turn ${i + 1}`,
        t as Record<string, unknown>,
        TURN_KEYS,
        result.problems,
      ),
    );
    const r: PairRecord = { ...unfoldUser(rest[0].value), response: rest[1].value };
    if (system) r.system = system;
    result.records.push(r);
  }
  return result;
}
