/**
 * Removing a phrase from prose the way a writer would, so what is left reads as a sentence:
 * "As an AI language model, I think…" → "I think…"; "Sure. As an AI language model I
 * cannot feel." → "Sure. I cannot feel."; "Well, as an AI, I can't." → "Well, I can't.";
 * "The answer is 4. I hope this helps!" → "The answer is 4."; a phrase that is a whole line
 * goes with its line break.
 */

/** A change in value offsets: replace [start, end) with `insert`. */
export interface ValueChange {
  start: number;
  end: number;
  insert: string;
}

const SPACE = /[ \t]/;
// Before a sentence start: nothing, a line break, or a sentence end (closing quotes and brackets after it) and spaces.
const SENTENCE_BEFORE = /(?:^|\n[ \t]*|[.!?…]["'”’)\]]*[ \t]+)$/;

/** Where the clause punctuation and spaces after a phrase end: `, ` in "model, I think". */
function clauseEnd(text: string, b: number): number {
  let i = b;
  if (i < text.length && ',;:'.includes(text[i])) i++;
  return i;
}

/** The first letter after `at` upper-cased when it is lower case, as the new start of a sentence. */
function capitalised(text: string, at: number): { end: number; insert: string } | undefined {
  const cp = text.codePointAt(at);
  if (cp === undefined) return undefined;
  const ch = String.fromCodePoint(cp);
  if (!/\p{Ll}/u.test(ch)) return undefined;
  const upper = ch.toUpperCase();
  return upper === ch ? undefined : { end: at + ch.length, insert: upper };
}

function isBreak(ch: string | undefined): boolean {
  return ch === undefined || ch === '\n' || ch === '\r';
}

/** The change that removes text[a, b) (a phrase) with the spaces and punctuation that belong to it. */
export function phraseRemoval(text: string, a: number, b: number): ValueChange {
  const opensSentence = SENTENCE_BEFORE.test(text.slice(0, a));
  const end = clauseEnd(text, b);
  let after = end;
  while (after < text.length && SPACE.test(text[after])) after++;
  let before = a;
  while (before > 0 && SPACE.test(text[before - 1])) before--;
  const stop = /^[.!?…]+/.exec(text.slice(end))?.[0];
  const lineEnds = isBreak(text[after]);
  if (
    opensSentence &&
    (lineEnds ||
      (stop &&
        isBreak(
          text[end + stop.length + /^[ \t]*/.exec(text.slice(end + stop.length))![0].length],
        )))
  ) {
    // The phrase is the whole line (or its last sentence): remove it with its stop, and the
    // spaces before it; a whole line takes its line break too.
    let to = stop ? end + stop.length : end;
    while (to < text.length && SPACE.test(text[to])) to++;
    if (before > 0 && text[before - 1] !== '\n') return { start: before, end: to, insert: '' };
    if (before > 0) return { start: before - 1, end: to, insert: '' };
    const br = text.startsWith('\r\n', to) ? 2 : text[to] === '\n' ? 1 : 0;
    return { start: 0, end: to + br, insert: '' };
  }
  if (opensSentence && stop) {
    // A whole sentence in the middle of a line: it goes with its stop and the spaces after it.
    let to = end + stop.length;
    while (to < text.length && SPACE.test(text[to])) to++;
    return { start: a, end: to, insert: '' };
  }
  if (opensSentence) {
    // "As an AI language model, the answer…" → "The answer…", when the phrase carried the capital.
    const cap = /\p{Lu}/u.test(text[a] ?? '') ? capitalised(text, after) : undefined;
    return cap
      ? { start: a, end: cap.end, insert: cap.insert }
      : { start: a, end: after, insert: '' };
  }
  if (stop || lineEnds) {
    // The phrase ends a sentence or a line: the spaces before it go, and a comma that set it off.
    const start = before > 0 && /[,;:]/.test(text[before - 1]) ? before - 1 : before;
    return { start, end, insert: '' };
  }
  // Mid-sentence: the phrase, its clause punctuation and one space on one side.
  if (before < a) return { start: a - 1, end, insert: '' };
  return { start: a, end: end < after ? end + 1 : end, insert: '' };
}
