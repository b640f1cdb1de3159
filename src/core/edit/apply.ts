/**
 * Applying and composing text edits in document offsets: the one place that splices a
 * text, so the editor's fix-all, `sft lint --fix` and the tests all change text the same way.
 */
import type { Fix, Problem, Span, TextEdit } from '../types';

/** Edits sorted by position (insertions before a replacement that starts at the same offset). */
export function sortEdits(edits: readonly TextEdit[]): TextEdit[] {
  return [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Whether two spans share a character, or touch (one ends where the other starts). */
export function spansMeet(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/**
 * Apply edits whose offsets are all in `text` (the text before any of them). Throws on
 * edits that overlap or fall outside the text: that is a bug in whoever made them.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  if (!edits.length) return text;
  const sorted = sortEdits(edits);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.start < at || e.end < e.start || e.end > text.length)
      throw new Error(`edit [${e.start}, ${e.end}) overlaps another or falls outside the text`);
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

/**
 * One set of edits on `text` that does what `first` then `then` do (`then` in the offsets
 * of the text after `first`). Edits of `then` that meet an edit of `first` merge with it,
 * so the result never overlaps and each changed region is one edit.
 */
export function composeEdits(
  text: string,
  first: readonly TextEdit[],
  then: readonly TextEdit[],
): TextEdit[] {
  if (!first.length) return sortEdits(then);
  if (!then.length) return sortEdits(first);
  const a = sortEdits(first);
  const b = sortEdits(then);
  // Each edit of `first` as a region of the middle text, with its offsets in both texts.
  const regions: Array<{ mid: Span; orig: Span }> = [];
  let delta = 0;
  for (const e of a) {
    const start = e.start + delta;
    regions.push({
      mid: { start, end: start + e.newText.length },
      orig: { start: e.start, end: e.end },
    });
    delta += e.newText.length - (e.end - e.start);
  }
  const middle = applyEdits(text, a);
  /** A middle-text offset outside every region, back in `text`. */
  const back = (p: number): number => {
    let d = 0;
    for (const r of regions) {
      if (r.mid.end > p) break;
      d += r.mid.end - r.mid.start - (r.orig.end - r.orig.start);
    }
    return p - d;
  };
  // Group the regions and `then`'s edits that meet, in middle offsets.
  type Item = { mid: Span; region?: { orig: Span } };
  const items: Item[] = [
    ...regions.map((r) => ({ mid: r.mid, region: r })),
    ...b.map((e) => ({ mid: { start: e.start, end: e.end } })),
  ].sort((x, y) => x.mid.start - y.mid.start || x.mid.end - y.mid.end);
  const out: TextEdit[] = [];
  for (let i = 0; i < items.length;) {
    const group: Item[] = [items[i]];
    let end = items[i].mid.end;
    let j = i + 1;
    while (j < items.length && items[j].mid.start <= end) {
      group.push(items[j]);
      end = Math.max(end, items[j].mid.end);
      j++;
    }
    const start = items[i].mid.start;
    const firstRegion = group.find((g) => g.region && g.mid.start === start);
    const lastRegion = [...group].reverse().find((g) => g.region && g.mid.end === end);
    const origStart = firstRegion ? firstRegion.region!.orig.start : back(start);
    const origEnd = lastRegion ? lastRegion.region!.orig.end : back(end);
    const inner = b
      .filter((e) => e.start >= start && e.end <= end)
      .map((e) => ({ ...e, start: e.start - start, end: e.end - start }));
    out.push({
      start: origStart,
      end: origEnd,
      newText: applyEdits(middle.slice(start, end), inner),
    });
    i = j;
  }
  return out;
}

/** An edit moved by `delta`. */
export function shiftEdit(e: TextEdit, delta: number): TextEdit {
  return { ...e, start: e.start + delta, end: e.end + delta };
}

/** A problem and its fixes moved by `delta` (node offsets to document offsets, or after an edit above it). */
export function shiftProblem(p: Problem, delta: number): Problem {
  const out: Problem = { ...p, start: p.start + delta, end: p.end + delta };
  if (p.fixes) out.fixes = p.fixes.map((f) => shiftFix(f, delta));
  return out;
}

/** A fix moved by `delta` (from node offsets to document offsets, or after an edit above it). */
export function shiftFix(f: Fix, delta: number): Fix {
  const out: Fix = { ...f, edits: f.edits.map((e) => shiftEdit(e, delta)) };
  if (f.scope) out.scope = { start: f.scope.start + delta, end: f.scope.end + delta };
  return out;
}
