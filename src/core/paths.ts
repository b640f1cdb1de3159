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

/** The extension of a pairs file. */
export const SFT_EXTENSION = '.sft.yaml';

/** What a pairs file's name may end in besides its stem: `.sft.yaml`, `.yaml`, `.sft`, repeated (a save dialog adds its filter's extension). */
const SFT_ENDINGS = /(?:\.sft(?:\.ya?ml)?|\.ya?ml)+$/i;

/** A file name without its `.sft.yaml`-like ending: `batch-3.sft.yaml.sft.yaml` → `batch-3`. */
export function sftStem(name: string): string {
  return basename(name).replace(SFT_ENDINGS, '');
}

/**
 * A path that ends in exactly one `.sft.yaml`: `a/x` and `a/x.yaml` → `a/x.sft.yaml`,
 * `a/x.sft.yaml.sft.yaml` → `a/x.sft.yaml`. Only the last segment changes.
 */
export function withSftExtension(path: string): string {
  const name = basename(path);
  return `${path.slice(0, path.length - name.length)}${sftStem(name)}${SFT_EXTENSION}`;
}
