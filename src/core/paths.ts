/** Minimal `/`-path helpers, so the core needs no `node:path` (it also runs in a browser). */

/** Normalise Windows separators to `/`. */
export function toSlash(p: string): string {
  return p.replace(/\\/g, '/');
}

/** The folder of a path (`/a/b.txt` → `/a`, `b.txt` → `.`). */
export function dirname(p: string): string {
  const s = toSlash(p).replace(/\/+$/, '');
  const i = s.lastIndexOf('/');
  if (i < 0) return '.';
  if (i === 0) return '/';
  if (/^[A-Za-z]:$/.test(s.slice(0, i))) return s.slice(0, i + 1);
  return s.slice(0, i);
}

/** Join two path parts with one `/`. */
export function joinPath(a: string, b: string): string {
  if (!a || a === '.') return b;
  return a.endsWith('/') ? a + b : `${a}/${b}`;
}

/** The last segment of a path. */
export function basename(p: string): string {
  const s = toSlash(p).replace(/\/+$/, '');
  return s.slice(s.lastIndexOf('/') + 1);
}
