/**
 * How context and in-context examples are folded into one user message for chat formats
 * (OpenAI, ShareGPT) and into Alpaca's instruction, and unfolded again on import.
 *
 * The layout is stable (changing it changes every exported data set) and uses XML-like
 * tags, which models read well and which rarely occur in prose:
 *
 *     <context>
 *     ...passage...
 *     </context>
 *
 *     <examples>
 *     <example>
 *     <input>
 *     ...
 *     </input>
 *     <output>
 *     ...
 *     </output>
 *     </example>
 *     </examples>
 *
 *     ...prompt...
 *
 * Parts are separated by one blank line; absent parts are left out, so a plain prompt is
 * exported as itself. Unfolding accepts a text only when folding the result gives the text
 * back exactly; anything else stays one prompt. So import-then-export never changes a
 * message.
 */
import type { ExampleRecord } from './record';

/** The parts a user message is folded from. */
export interface UserParts {
  context?: string;
  examples?: ExampleRecord[];
  prompt: string;
}

function foldExamples(examples: readonly ExampleRecord[]): string {
  const items = examples.map(
    (e) => `<example>\n<input>\n${e.input}\n</input>\n<output>\n${e.output}\n</output>\n</example>`,
  );
  return `<examples>\n${items.join('\n')}\n</examples>`;
}

/** Fold context, examples and prompt into one message. */
export function foldUser(parts: UserParts): string {
  const out: string[] = [];
  if (parts.context) out.push(`<context>\n${parts.context}\n</context>`);
  if (parts.examples?.length) out.push(foldExamples(parts.examples));
  out.push(parts.prompt);
  return out.join('\n\n');
}

const CONTEXT = /^<context>\n([\s\S]*?)\n<\/context>\n\n/;
const EXAMPLES = /^<examples>\n([\s\S]*?)\n<\/examples>\n\n/;
const EXAMPLE =
  /<example>\n<input>\n([\s\S]*?)\n<\/input>\n<output>\n([\s\S]*?)\n<\/output>\n<\/example>/g;

/** Split a folded message back into its parts (exact inverse of {@link foldUser}, else the whole text is the prompt). */
export function unfoldUser(message: string): UserParts {
  let rest = message;
  const parts: UserParts = { prompt: message };
  const context = CONTEXT.exec(rest);
  if (context) {
    parts.context = context[1];
    rest = rest.slice(context[0].length);
  }
  const examples = EXAMPLES.exec(rest);
  if (examples) {
    parts.examples = [...examples[1].matchAll(EXAMPLE)].map((m) => ({ input: m[1], output: m[2] }));
    rest = rest.slice(examples[0].length);
  }
  parts.prompt = rest;
  return foldUser(parts) === message && parts.prompt !== '' ? parts : { prompt: message };
}
