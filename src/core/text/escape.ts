/**
 * Escaping user text (ids, values, key names, file names, messages quoting them) for the
 * surfaces that would otherwise interpret it: a terminal (control sequences, bidi
 * reordering) and Markdown (tables, emphasis, links, HTML).
 */

/**
 * Characters a terminal acts on or that reorder what a reader sees: C0 controls, DEL,
 * C1 controls, and the bidi embeddings, overrides and isolates (U+202A-202E, U+2066-2069).
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** `\uXXXX` for one UTF-16 unit: a JavaScript and JSON escape alike. */
function unicodeEscape(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

function visible(c: string): string {
  const code = c.charCodeAt(0);
  return NAMED[c] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : unicodeEscape(c));
}

/**
 * Show control and bidi characters visibly (`\x1b`, `\n`, `\u202e`) so that printed user
 * text cannot move the cursor, clear the screen or reorder a line. Everything else,
 * backslashes included, stays as written: a path reads as typed.
 */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, visible);
}

/** What JSON.stringify leaves raw but a terminal acts on or reorders: DEL, C1, bidi. */
const JSON_RAW = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON text with DEL, C1 and bidi characters written as `\uXXXX` (JSON.stringify already
 * escapes C0): the same data once parsed, but inert when printed. Such characters can only
 * be inside strings, where a `\u` escape means the same character.
 */
export function jsonForTerminal(json: string): string {
  return json.replace(JSON_RAW, unicodeEscape);
}

/** Punctuation that opens or closes inline Markdown (or ends a table cell) anywhere in a line. */
const INLINE = /[\\`*_[\]<>|~&$]/g;
/** What starts a block at the beginning of text: heading, quote, list item, rule, setext underline. */
const BLOCK_START = /^(\s*)([#>+=-]|\d+(?=[.)]))/;

/**
 * User text as literal inline Markdown, safe in a paragraph, a heading or a table cell:
 * controls and line breaks shown visibly (a cell stays one row), inline markup, pipes,
 * HTML and theme icons (`$(...)`) backslash-escaped, and a leading block marker neutralised.
 */
export function escapeMarkdown(text: string): string {
  return escapeControls(text)
    .replace(INLINE, '\\$&')
    .replace(BLOCK_START, (_, space: string, marker: string) =>
      /^\d/.test(marker) ? `${space}${marker}\\` : `${space}\\${marker}`,
    );
}
