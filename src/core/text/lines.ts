/** Offset ↔ line/column conversion, done once at the edges (CLI output, the editor). */

/** Offset of the start of the line that holds `offset`. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** 0-based line and UTF-16 column. */
export interface Position {
  line: number;
  character: number;
}

/** The offsets where the lines of a text start (the first is 0). */
export function lineStarts(text: string): Uint32Array {
  // One pass, into a buffer that doubles as it fills (the line count is not known ahead).
  let starts = new Uint32Array(Math.max(16, text.length >> 5));
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (n === starts.length) {
      const grown = new Uint32Array(n * 2);
      grown.set(starts);
      starts = grown;
    }
    starts[n++] = i + 1;
  }
  return starts.slice(0, n);
}

/**
 * The line starts of a text after one stretch of it was replaced: `starts` are the old
 * text's, whose [from, oldEnd) became [from, newEnd) of `text`. Starts up to `from` stay,
 * the stretch's own are found again in `text` and the later ones move: an edit costs its
 * own length and a copy of the starts, not a scan of the whole text.
 */
export function editedLineStarts(
  starts: Uint32Array,
  text: string,
  from: number,
  oldEnd: number,
  newEnd: number,
): Uint32Array {
  // A start s comes from the line break at s - 1: those before `from` and from `oldEnd` on
  // are outside the stretch.
  const keep = firstAbove(starts, from);
  const after = firstAbove(starts, oldEnd);
  const mid: number[] = [];
  for (let i = text.indexOf('\n', from); i >= 0 && i < newEnd; i = text.indexOf('\n', i + 1))
    mid.push(i + 1);
  const out = new Uint32Array(keep + mid.length + starts.length - after);
  out.set(starts.subarray(0, keep));
  out.set(mid, keep);
  const delta = newEnd - oldEnd;
  for (let j = after, k = keep + mid.length; j < starts.length; j++, k++)
    out[k] = starts[j] + delta;
  return out;
}

/** Index of the first start above `offset` (starts ascend). */
function firstAbove(starts: Uint32Array, offset: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Line starts of a text, for repeated offset → position look-ups. */
export class LineIndex {
  private readonly starts: ArrayLike<number>;
  private readonly length: number;

  /** Over a text, or over its line starts and length (when the text itself is not at hand). */
  constructor(text: string);
  constructor(starts: ArrayLike<number>, length: number);
  constructor(source: string | ArrayLike<number>, length?: number) {
    if (typeof source === 'string') {
      this.starts = lineStarts(source);
      this.length = source.length;
    } else {
      this.starts = source;
      this.length = length ?? 0;
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
  }

  offsetAt(pos: Position): number {
    const line = Math.max(0, Math.min(pos.line, this.starts.length - 1));
    const end = line + 1 < this.starts.length ? this.starts[line + 1] : this.length;
    return Math.min(this.starts[line] + Math.max(0, pos.character), end);
  }
}
