/**
 * The hang and crash inputs of the hardening issue, as files to open in the real host: each
 * with what must be reported once it is open, an edit to type, and what that edit must
 * make appear, so a test can tell that typing is still linted.
 */
import type * as vscode from 'vscode';
import { ruleOf } from './helpers';

/** A hostile file, the guidelines next to it (if any), and an edit whose lint must show. */
export interface HostileInput {
  name: string;
  /** The pairs file's text. */
  text: string;
  /** `sft.guidelines.yaml` beside it. */
  guidelines?: string;
  /** Whether the diagnostics of the file as opened are there (besides its missing annotations). */
  opened(ds: readonly vscode.Diagnostic[]): boolean;
  /** Where to type (an offset in `text`) and what. */
  edit: { at: number; text: string };
  /** Whether the diagnostics show the edit. */
  typed(ds: readonly vscode.Diagnostic[]): boolean;
}

const has = (rule: string) => (ds: readonly vscode.Diagnostic[]) =>
  ds.some((d) => ruleOf(d) === rule);
const hasNot = (rule: string) => (ds: readonly vscode.Diagnostic[]) =>
  !ds.some((d) => ruleOf(d) === rule);

/** One pair whose response is `response`, with room after it for more fields. */
function onePair(response: string, more = ''): string {
  return `sft: 1\npairs:\n  - id: h-1\n    task: open_qa\n    prompt: Say something.\n    response: ${response}\n${more}`;
}

/** Where the response's value starts. */
const responseAt = (text: string) => text.indexOf('response: ') + 'response: '.length;

const RUN_OF_A = 'a'.repeat(5000);
const BACKTRACKING = `sft-guidelines: 1
patterns:
  - id: stars
    regex: 'a*a*a*a*a*c'
    fields: [response]
    message: A run of a ending in c.
  - id: either-a
    regex: '^(a|a)*$'
    fields: [response]
    message: Nothing but a.
  - id: word-or-digit
    regex: '(\\w|\\d)*$'
    fields: [response]
    message: Ends in word characters.
`;

/** Billion laughs: ten levels of nine aliases each, as extra fields of the pair. */
function aliasBomb(): string {
  const lines = [`    b0: &b0 [${Array(9).fill('lol').join(', ')}]`];
  for (let i = 1; i < 10; i++)
    lines.push(
      `    b${i}: &b${i} [${Array(9)
        .fill(`*b${i - 1}`)
        .join(', ')}]`,
    );
  return `${lines.join('\n')}\n`;
}

/** A different word each time, so no rule sees one word repeated. */
const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i.toString(36)}`).join(' ');

/** The inputs, built on demand (some are a megabyte). */
export function hostileInputs(): HostileInput[] {
  const cjk = onePair('日本語の文章を書きます。'.repeat(6000));
  const longLine = onePair(words(200_000));
  const bomb = onePair('ok', aliasBomb());
  const banned = Array.from({ length: 20_000 }, (_, i) => `  - text: zq${i}x\n`).join('');
  const bannedPair = onePair('A plain answer.');
  const stars = onePair(RUN_OF_A);
  return [
    {
      name: 'backtracking guideline patterns against 5,000 a',
      text: stars,
      guidelines: BACKTRACKING,
      opened: (ds) => has('either-a')(ds) && hasNot('stars')(ds),
      // An a…ac run: the first pattern now matches, the second no longer does.
      edit: { at: responseAt(stars) + RUN_OF_A.length, text: 'c' },
      typed: (ds) => has('stars')(ds) && hasNot('either-a')(ds),
    },
    {
      name: 'a CJK run of 72,000 characters in a response',
      text: cjk,
      opened: hasNot('placeholder'),
      edit: { at: responseAt(cjk), text: 'TODO ' },
      typed: has('placeholder'),
    },
    {
      name: 'a guidelines file with 20,000 banned phrases',
      text: bannedPair,
      guidelines: `sft-guidelines: 1\nbanned_phrases:\n${banned}`,
      opened: hasNot('banned-phrase'),
      edit: { at: responseAt(bannedPair), text: 'zq12345x ' },
      typed: has('banned-phrase'),
    },
    {
      name: 'a single line of 1 MB',
      text: longLine,
      opened: hasNot('placeholder'),
      edit: { at: responseAt(longLine), text: 'TODO ' },
      typed: has('placeholder'),
    },
    {
      name: 'an alias bomb (ten levels of nine)',
      text: bomb,
      opened: has('no-aliases'),
      edit: { at: responseAt(bomb), text: 'TODO ' },
      typed: has('placeholder'),
    },
  ];
}

/** 10,000 pairs with the same prompt (long enough to be compared), for a file of the workspace. */
export function identicalPrompts(): string {
  let text = 'sft: 1\npairs:\n';
  for (let i = 0; i < 10_000; i++)
    text += `  - id: same-${i}\n    prompt: please write the very same prompt again today\n    response: ok\n`;
  return text;
}
