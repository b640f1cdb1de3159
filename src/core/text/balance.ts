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
    if (ch === '"') {
      // 5'11" and 12" are inches, unless a quote is open.
      if (quoteAt < 0 && i > 0 && text.charCodeAt(i - 1) >= 0x30 && text.charCodeAt(i - 1) <= 0x39)
        continue;
      quoteAt = quoteAt < 0 ? i : -1;
      continue;
    }
    const top = stack[stack.length - 1];
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
      if (ch !== '”' && i > 0 && isEmoticon(text, i)) continue;
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
      if (ch === '(' && i > 0 && isEmoticon(text, i)) continue;
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
