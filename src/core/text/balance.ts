/**
 * Balance checks over a text: code fences, brackets and double quotes, skipping code
 * (fenced blocks and inline code spans), emoticons like `:)` and list markers like `1)`.
 */

/** One unbalanced mark, offsets into the text. */
export interface Unbalanced {
  start: number;
  end: number;
  message: string;
}

const OPENERS: Record<string, string> = { '(': ')', '[': ']', '{': '}', '“': '”', '„': '“' };
const CLOSERS: Record<string, string> = { ')': '(', ']': '[', '}': '{', '”': '“' };
const NAMES: Record<string, string> = {
  '(': 'parenthesis',
  ')': 'parenthesis',
  '[': 'bracket',
  ']': 'bracket',
  '{': 'brace',
  '}': 'brace',
  '“': 'quotation mark',
  '”': 'quotation mark',
  '„': 'quotation mark',
};
// Cheap gate: text with none of these has nothing to balance.
const MARKS = /[()[\]{}“”„"`]/;
const MARKS_G = /[()[\]{}“”„"`]/g;
const MAX_PER_TEXT = 5;

function isAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** `:)`, `;-)`, `=]`, `:(`: the bracket belongs to a face. */
function isEmoticon(text: string, i: number): boolean {
  let p = text.charCodeAt(i - 1);
  if (p === 0x2d || p === 0x27) p = text.charCodeAt(i - 2); // nose ("-") or tear ("'")
  return p === 0x3a || p === 0x3b || p === 0x3d;
}

/**
 * `:)` right after a word, with a `(` open: the colon ends the words inside the brackets
 * (`print(Answer is:)`), and the bracket closes them. A face is drawn after a space.
 */
function closesAfterColon(text: string, i: number): boolean {
  let eye = i - 1;
  const p = text.charCodeAt(eye);
  if (p === 0x2d || p === 0x27) return false; // a nose or a tear: a face
  return eye > 0 && isAlnum(text.charCodeAt(--eye));
}

/**
 * `:(` that opens an expression rather than a face: a face ends where it is drawn, so a `(`
 * with a letter, a digit or another bracket right after it (`tree:(108/2)-6`) is a bracket.
 */
function opensExpression(text: string, i: number): boolean {
  const next = text.charCodeAt(i + 1);
  return isAlnum(next) || next === 0x28 || next === 0x5b;
}

/** Whether offset i starts a line whose quote continues one opened on an earlier line. */
function startsLaterLine(text: string, i: number, openAt: number): boolean {
  let p = i - 1;
  while (p >= 0 && (text.charCodeAt(p) === 0x20 || text.charCodeAt(p) === 0x09)) p--;
  return p > openAt && text.charCodeAt(p) === 0x0a;
}

/** Whether the text's straight quotes that follow no digit are even: then `12"` is inches. */
function digitQuotesAreInches(text: string): boolean {
  let n = 0;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) {
    const before = text.charCodeAt(i - 1);
    if (!(before >= 0x30 && before <= 0x39)) n++;
  }
  return n % 2 === 0;
}

/** `1)`, `a)`, `iv)` at the start of a line or after a space: a list marker, not a closer. */
function isListMarker(text: string, i: number): boolean {
  let s = i;
  while (s > 0 && i - s < 4 && isAlnum(text.charCodeAt(s - 1))) s--;
  if (s === i) return false;
  const token = text.slice(s, i);
  if (!/^(?:\d{1,3}|[A-Za-z]|[ivxIVX]{1,4})$/.test(token)) return false;
  const before = s === 0 ? 0x20 : text.charCodeAt(s - 1);
  return (
    before === 0x20 || before === 0x0a || before === 0x09 || before === 0x0d || before === 0x28
  );
}

const INTERVAL = /^[^,()[\]]{1,20},[^,()[\]]{1,20}$/;

function report(out: Unbalanced[], at: number, message: string): void {
  if (out.length < MAX_PER_TEXT) out.push({ start: at, end: at + 1, message });
}

/** Unbalanced fences, brackets and quotes in a text. */
export function findUnbalanced(text: string): Unbalanced[] {
  const out: Unbalanced[] = [];
  if (!MARKS.test(text)) return out;
  const stack: Array<{ ch: string; at: number }> = [];
  let fenceAt = -1; // offset of the open ``` fence
  let fenceLength = 0;
  let quoteAt = -1; // offset of an open straight double quote
  const german = text.includes('„');
  let inches: boolean | undefined; // decided on the first quote after a digit
  // Jump from mark to mark: the regex engine skips ordinary text far faster than a loop.
  for (MARKS_G.lastIndex = 0; ;) {
    const m = MARKS_G.exec(text);
    if (!m) break;
    const i = m.index;
    const ch = m[0];
    MARKS_G.lastIndex = i + 1;
    if (ch === '`') {
      // Code is not prose: jump over a fenced block or an inline span to its closing run.
      let r = 1;
      while (text.charCodeAt(i + r) === 0x60) r++;
      const close = text.indexOf('`'.repeat(r), i + r);
      if (close < 0) {
        if (r >= 3) {
          fenceAt = i;
          fenceLength = r;
          break;
        }
        MARKS_G.lastIndex = i + r; // a lone backtick is just a character
        continue;
      }
      let after = close + r;
      while (text.charCodeAt(after) === 0x60) after++;
      MARKS_G.lastIndex = after;
      continue;
    }
    if (ch === '"' && text.startsWith('"""', i)) {
      // A triple-quoted string (a Python docstring, a quoted block) is code: skip the run.
      let r = 3;
      while (text.charCodeAt(i + r) === 0x22) r++;
      MARKS_G.lastIndex = i + r;
      continue;
    }
    if (ch === '"') {
      // 5'11" and 12" are inches, and `"Windows 7"` is a quote: after a digit, a quote is
      // inches when the text's other straight quotes pair up without it.
      const prev = text.charCodeAt(i - 1);
      if (i > 0 && prev >= 0x30 && prev <= 0x39 && (inches ??= digitQuotesAreInches(text)))
        continue;
      // News style: a quote that runs on into the next paragraph is not closed there; the
      // next paragraph opens with a quote mark again.
      if (quoteAt >= 0 && startsLaterLine(text, i, quoteAt)) quoteAt = i;
      else quoteAt = quoteAt < 0 ? i : -1;
      continue;
    }
    const top = stack[stack.length - 1];
    // News style with curly quotes: “ at the start of a later line continues the open “.
    if (ch === '“' && !german && top?.ch === '“' && startsLaterLine(text, i, top.at)) {
      top.at = i;
      continue;
    }
    // A curly inch mark: 24” with no “ open.
    if (ch === '”' && top?.ch !== '“' && top?.ch !== '„' && i > 0) {
      const prev = text.charCodeAt(i - 1);
      if (prev >= 0x30 && prev <= 0x39) continue;
    }
    // In German quoting („…“) the “ closes; elsewhere it opens.
    if (ch === '“' && german && top?.ch === '„') {
      stack.pop();
      continue;
    }
    if (ch === '”' && top?.ch === '„') {
      stack.pop();
      continue;
    } // Polish „…”
    const closes = CLOSERS[ch];
    if (closes !== undefined) {
      if (
        ch !== '”' &&
        i > 0 &&
        isEmoticon(text, i) &&
        !(top?.ch === closes && closesAfterColon(text, i))
      )
        continue;
      if (top && top.ch === closes) {
        stack.pop();
        continue;
      }
      // [0, 1) and (0, 1] are intervals.
      if (
        top &&
        ((top.ch === '[' && ch === ')') || (top.ch === '(' && ch === ']')) &&
        INTERVAL.test(text.slice(top.at + 1, i))
      ) {
        stack.pop();
        continue;
      }
      let match = stack.length - 1;
      while (match >= 0 && stack[match].ch !== closes) match--;
      if (match >= 0) {
        // It closes an outer opener: the ones opened inside it were never closed.
        for (const o of stack.splice(match).slice(1))
          report(out, o.at, `"${o.ch}" is never closed (no matching "${OPENERS[o.ch]}").`);
        continue;
      }
      if (ch === ')' && isListMarker(text, i)) continue;
      report(out, i, `Closing ${NAMES[ch]} "${ch}" without a matching "${closes}".`);
      continue;
    }
    if (OPENERS[ch] !== undefined) {
      if (ch === '(' && i > 0 && isEmoticon(text, i) && !opensExpression(text, i)) continue;
      stack.push({ ch, at: i });
    }
  }
  if (fenceAt >= 0)
    out.push({
      start: fenceAt,
      end: fenceAt + fenceLength,
      message: 'Code fence ``` is never closed.',
    });
  for (const o of stack)
    report(out, o.at, `"${o.ch}" is never closed (no matching "${OPENERS[o.ch]}").`);
  if (quoteAt >= 0)
    out.push({ start: quoteAt, end: quoteAt + 1, message: 'Double quote " is never closed.' });
  return out.sort((a, b) => a.start - b.start);
}
