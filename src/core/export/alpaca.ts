/**
 * Alpaca JSON: `[{instruction, input, output, system?}]`. The prompt (with any in-context
 * examples folded in, see layout.ts) is the instruction; the context is the input.
 */
import { foldUser, unfoldUser } from './layout';
import type { PairRecord } from './record';
import { noteUnknownKeys, objectArray, stringOf, type ImportResult } from './read';

interface AlpacaItem {
  instruction: string;
  input: string;
  output: string;
  system?: string;
}

/** Write records as an Alpaca JSON array. */
export function writeAlpaca(records: readonly PairRecord[]): string {
  const items = records.map((r): AlpacaItem => {
    const item: AlpacaItem = {
      instruction: foldUser({ examples: r.examples, prompt: r.prompt }),
      input: r.context ?? '',
      output: r.response,
    };
    if (r.system) item.system = r.system;
    return item;
  });
  return JSON.stringify(items, null, 2) + '\n';
}

/** Read an Alpaca JSON array. */
export function readAlpaca(text: string): ImportResult {
  const result: ImportResult = { records: [], problems: [] };
  for (const { where, value } of objectArray(text, result.problems)) {
    const instruction = stringOf(value.instruction);
    const output = stringOf(value.output);
    const input = value.input === undefined ? '' : stringOf(value.input);
    if (instruction === undefined || output === undefined || input === undefined) {
      result.problems.push(
        `${where}: needs "instruction" and "output" strings (and "input" a string when given); skipped`,
      );
      continue;
    }
    // Earlier turns of a conversation: a pair is one prompt and one response.
    if (Array.isArray(value.history) ? value.history.length : value.history != null) {
      result.problems.push(
        `${where}: "history" (earlier turns) cannot be carried by a pair; skipped`,
      );
      continue;
    }
    noteUnknownKeys(
      where,
      value,
      ['instruction', 'input', 'output', 'system', 'history'],
      result.problems,
    );
    const parts = unfoldUser(instruction);
    const r: PairRecord = { prompt: parts.prompt, response: output };
    // Context comes from `input`; a <context> block inside the instruction stays part of it.
    if (parts.context !== undefined) r.prompt = instruction;
    else if (parts.examples) r.examples = parts.examples;
    if (input) r.context = input;
    const system = stringOf(value.system);
    if (system) r.system = system;
    result.records.push(r);
  }
  return result;
}
