/** OpenAI chat fine-tuning JSONL: one `{"messages": [system?, user, assistant]}` per line. */
import { foldUser, unfoldUser } from './layout';
import type { PairRecord } from './record';
import { noteUnknownKeys, objectLines, stringOf, type ImportResult } from './read';

interface Message {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** Write records as OpenAI chat JSONL. */
export function writeOpenAi(records: readonly PairRecord[]): string {
  return records
    .map((r) => {
      const messages: Message[] = [];
      if (r.system) messages.push({ role: 'system', content: r.system });
      messages.push(
        { role: 'user', content: foldUser(r) },
        { role: 'assistant', content: r.response },
      );
      return JSON.stringify({ messages }) + '\n';
    })
    .join('');
}

/** Line keys that make a conversation something a pair cannot be (tool use). */
const REFUSED_LINE_KEYS = ['tools', 'functions', 'parallel_tool_calls'];

/**
 * Why a message cannot become part of a pair, or undefined: a pair has one system text,
 * one prompt and one trained-on response, and nothing else a message may carry.
 */
function refusedMessage(m: Record<string, unknown>, n: number): string | undefined {
  if (m.role === 'developer')
    return `message ${n} has role "developer", which a pair cannot carry (only "system")`;
  for (const key of Object.keys(m)) {
    if (key === 'role' || key === 'content') continue;
    if (key === 'weight' && m.role === 'assistant' && m.weight === 1) continue;
    if (key === 'weight' && m.weight === 0)
      return `message ${n} has "weight": 0 (not trained on), which a pair cannot carry`;
    return `message ${n} has "${key}", which a pair cannot carry`;
  }
  return undefined;
}

/** Read OpenAI chat JSONL: single-turn conversations with an optional system message. */
export function readOpenAi(text: string): ImportResult {
  const result: ImportResult = { records: [], problems: [] };
  for (const { where, value } of objectLines(text, result.problems)) {
    const messages = value.messages;
    if (!Array.isArray(messages)) {
      result.problems.push(`${where}: no "messages" array; skipped`);
      continue;
    }
    const tools = REFUSED_LINE_KEYS.find((key) => value[key] !== undefined);
    const refused =
      tools !== undefined
        ? `"${tools}" (a conversation with tools) cannot be carried by a pair`
        : (messages as unknown[])
            .map((m, i) =>
              m && typeof m === 'object' && !Array.isArray(m)
                ? refusedMessage(m as Record<string, unknown>, i + 1)
                : undefined,
            )
            .find((why) => why !== undefined);
    if (refused !== undefined) {
      result.problems.push(`${where}: ${refused}; skipped`);
      continue;
    }
    let system: string | undefined;
    const turns: { role: string; content: string }[] = [];
    let bad = false;
    for (const m of messages as unknown[]) {
      const role = stringOf((m as Record<string, unknown> | null)?.role);
      const content = stringOf((m as Record<string, unknown> | null)?.content);
      if (role === undefined || content === undefined) {
        bad = true;
        break;
      }
      if (role === 'system' && !turns.length && system === undefined) system = content;
      else turns.push({ role, content });
    }
    if (bad || turns.length !== 2 || turns[0].role !== 'user' || turns[1].role !== 'assistant') {
      result.problems.push(
        `${where}: expected [system?, user, assistant] messages with text content; skipped`,
      );
      continue;
    }
    noteUnknownKeys(where, value, ['messages'], result.problems);
    const r: PairRecord = { ...unfoldUser(turns[0].content), response: turns[1].content };
    if (system !== undefined) r.system = system;
    result.records.push(r);
  }
  return result;
}
