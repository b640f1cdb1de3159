/** OpenAI chat fine-tuning JSONL: one `{"messages": [system?, user, assistant]}` per line. */
import { foldUser, unfoldUser } from './layout';
import type { PairRecord } from './record';
import { objectLines, stringOf, type ImportResult } from './read';

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

/** Read OpenAI chat JSONL: single-turn conversations with an optional system message. */
export function readOpenAi(text: string): ImportResult {
  const result: ImportResult = { records: [], problems: [] };
  for (const { where, value } of objectLines(text, result.problems)) {
    const messages = value.messages;
    if (!Array.isArray(messages)) {
      result.problems.push(`${where}: no "messages" array; skipped`);
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
      if ((role === 'system' || role === 'developer') && !turns.length && system === undefined)
        system = content;
      else turns.push({ role, content });
    }
    if (bad || turns.length !== 2 || turns[0].role !== 'user' || turns[1].role !== 'assistant') {
      result.problems.push(
        `${where}: expected [system?, user, assistant] messages with text content; skipped`,
      );
      continue;
    }
    const r: PairRecord = { ...unfoldUser(turns[0].content), response: turns[1].content };
    if (system !== undefined) r.system = system;
    result.records.push(r);
  }
  return result;
}
