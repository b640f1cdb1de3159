/**
 * Finding and reading `.sft.yaml` files on disk for the CLI. Nothing here throws on what a
 * user points it at: missing paths, directories, binary or huge files and unreadable files
 * come back as values the caller reports.
 */
import { isUtf8 } from 'node:buffer';
import {
  closeSync,
  constants as fsConstants,
  fstatSync,
  openSync,
  readSync,
  readdirSync,
  statSync,
  type Stats,
} from 'node:fs';
import { join, resolve } from 'node:path';
import type * as Tinyglobby from 'tinyglobby';
import { SFT_EXTENSION } from '../core/paths';

// `require`, not `import`: bundled to CommonJS, an import would pick fdir's ESM build, whose
// `createRequire(import.meta.url)` fails at start-up in the bundle. Required when a path
// does not exist (it may be a glob), so a run over plain paths does not initialise it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const tinyglobby = (): typeof Tinyglobby => require('tinyglobby') as typeof Tinyglobby;

/** Folders never walked: dependencies and git internals hold no pairs of ours. */
export const SKIPPED_DIRS: ReadonlySet<string> = new Set(['node_modules', '.git']);
/**
 * The largest file the CLI reads. A `.sft.yaml` file of thousands of pairs is a few MB;
 * anything much larger is a mistake (a data dump, a binary) and is reported, not parsed.
 */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

/** What a set of paths and globs came to. */
export interface Discovery {
  /** Absolute paths of the files to lint, sorted, each once. */
  files: string[];
  /** Inputs that name nothing (a missing path, a glob without matches). */
  missing: string[];
  /** One-line notes about inputs that were skipped (a directory named `x.sft.yaml`, ...). */
  notes: string[];
  /** One line per folder that could not be listed: its pairs would be missing without a word. */
  unreadable: string[];
}

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** Whether a file name is one the CLI lints when walking. */
export function isSftFileName(name: string): boolean {
  return name.endsWith(SFT_EXTENSION) && name.length > SFT_EXTENSION.length;
}

/** Every `*.sft.yaml` file below `dir`, skipping dependency and git folders. */
function walk(dir: string, out: string[], unreadable: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    unreadable.push(`cannot read folder ${dir}: ${describeFsError(e)}`);
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      // A folder named `x.sft.yaml` is still a folder: walk it like any other.
      if (!SKIPPED_DIRS.has(entry.name)) walk(path, out, unreadable);
    } else if (isSftFileName(entry.name)) {
      // Symlinks are followed to files only, so a link loop cannot trap the walk.
      if (entry.isFile() || (entry.isSymbolicLink() && statOf(path)?.isFile())) out.push(path);
    }
  }
}

/**
 * The files that paths and globs name. A folder is walked for `*.sft.yaml`; a file named
 * explicitly is linted whatever its name; a glob keeps only `*.sft.yaml` matches.
 */
export async function discoverFiles(inputs: readonly string[], cwd: string): Promise<Discovery> {
  const found: string[] = [];
  const missing: string[] = [];
  const notes: string[] = [];
  const unreadable: string[] = [];
  for (const input of inputs) {
    const abs = resolve(cwd, input);
    const stat = statOf(abs);
    if (!stat && tinyglobby().isDynamicPattern(input)) {
      const matches = await tinyglobby().glob(input, {
        cwd,
        absolute: true,
        onlyFiles: true,
        ignore: ['**/node_modules/**', '**/.git/**'],
      });
      const kept = matches.filter((m) => isSftFileName(m));
      if (kept.length) found.push(...kept.map((m) => resolve(m)));
      else missing.push(input);
    } else if (!stat) {
      missing.push(input);
    } else if (stat.isDirectory()) {
      if (isSftFileName(abs))
        notes.push(`skipped ${input}: it is a directory, not a .sft.yaml file`);
      else walk(abs, found, unreadable);
    } else {
      found.push(abs);
    }
  }
  return { files: [...new Set(found)].sort(), missing, notes, unreadable };
}

/** A file's text, or why it could not be read as one. */
export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

/** A one-line reason for a file-system error, without the stack or the errno number. */
export function describeFsError(e: unknown): string {
  const code = (e as { code?: string } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EAGAIN':
      return 'it could not be read without waiting';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory';
    case 'ELOOP':
      return 'too many symbolic links';
    default:
      return e instanceof Error ? e.message.split('\n')[0] : String(e);
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** A file's bytes when they are UTF-8 text, or why not. */
export type CheckResult = { ok: true; bytes: Buffer } | { ok: false; reason: string };

/** What a path that is not a regular file is, for the message. */
function notRegular(stat: Stats): string {
  if (stat.isDirectory()) return 'it is a directory, not a file';
  const kind = stat.isFIFO()
    ? 'a named pipe (FIFO)'
    : stat.isCharacterDevice()
      ? 'a character device'
      : stat.isBlockDevice()
        ? 'a block device'
        : stat.isSocket()
          ? 'a socket'
          : 'not a file';
  return `it is ${kind}, not a regular file`;
}

/** Opening never waits for a writer (a FIFO), where the platform has the flag. */
const OPEN_FLAGS = fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0);

/**
 * Read a file's bytes and check that they are text. Only regular files are read (a link to
 * one is followed): a device such as `/dev/zero`, a named pipe or a socket has no size to
 * check and may never end, so it is refused before a byte is read. The file is opened once
 * and checked through that handle, so it cannot be swapped between the check and the read.
 * Refuses files over {@link MAX_FILE_BYTES} (never reading more than that, even when the
 * file grows meanwhile), and files with NUL bytes or invalid UTF-8 ("not a text file").
 * @usedBy tests
 */
export function checkTextFile(path: string, maxBytes = MAX_FILE_BYTES): CheckResult {
  return withRegularFile(path, maxBytes, (fd, size) => {
    const bytes = readAtMost(fd, size, maxBytes + 1);
    if (bytes.length > maxBytes) return { ok: false, reason: tooLarge(bytes.length, maxBytes) };
    if (bytes.includes(0)) return { ok: false, reason: 'not a text file (it contains NUL bytes)' };
    if (!isUtf8(bytes)) return { ok: false, reason: 'not a text file (it is not valid UTF-8)' };
    return { ok: true, bytes };
  });
}

/** A file that is there to be read, and its size; or why it cannot be read. */
export type ProbeResult = { ok: true; size: number } | { ok: false; reason: string };

/**
 * What {@link checkTextFile} refuses before reading a byte: a path that is missing, not a
 * regular file, unreadable or over the size limit. For a caller that only needs to know a
 * file can be read (the reader then checks its content), so the file is read once.
 * @usedBy tests
 */
export function probeTextFile(path: string, maxBytes = MAX_FILE_BYTES): ProbeResult {
  return withRegularFile(path, maxBytes, (_fd, size) => ({ ok: true, size }));
}

/** Open a path, refuse what is not a regular file within the limit, and run `body` on it. */
function withRegularFile<T extends { ok: boolean }>(
  path: string,
  maxBytes: number,
  body: (fd: number, size: number) => T | { ok: false; reason: string },
): T | { ok: false; reason: string } {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (e) {
    return { ok: false, reason: describeFsError(e) };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, reason: notRegular(stat) };
    if (stat.size > maxBytes) return { ok: false, reason: tooLarge(stat.size, maxBytes) };
    return body(fd, stat.size);
  } catch (e) {
    return { ok: false, reason: describeFsError(e) };
  } finally {
    closeSync(fd);
  }
}

function tooLarge(bytes: number, maxBytes: number): string {
  // More than the limit read: the file grew after its size was checked.
  const size = bytes > maxBytes + 1 ? megabytes(bytes) : `over ${megabytes(maxBytes)}`;
  return `file is too large (${size}; the limit is ${megabytes(maxBytes)})`;
}

/**
 * Up to `limit` bytes from an open file, from its start. `size` (its size when checked) is
 * read into one buffer; a file that grew since is read on in chunks and joined.
 */
function readAtMost(fd: number, size: number, limit: number): Buffer {
  // One byte over the size, so a file that grew since is noticed.
  const first = Buffer.allocUnsafe(Math.min(size + 1, limit));
  let total = 0;
  for (let n = 1; n > 0 && total < first.length; total += n)
    n = readSync(fd, first, total, first.length - total, total);
  if (total < first.length) return first.subarray(0, total);
  const chunks: Buffer[] = [first];
  while (total < limit) {
    const chunk = Buffer.allocUnsafe(Math.min(limit - total, 1024 * 1024));
    const n = readSync(fd, chunk, 0, chunk.length, total);
    if (n === 0) break;
    chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    total += n;
  }
  return Buffer.concat(chunks, total);
}

/** Read a file as UTF-8 text, refusing what {@link checkTextFile} refuses. */
export function readTextFile(path: string, maxBytes = MAX_FILE_BYTES): ReadResult {
  const read = checkTextFile(path, maxBytes);
  // The BOM is kept, so offsets match every other reader of the file (the index workers).
  return read.ok
    ? { ok: true, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(read.bytes) }
    : read;
}

/** Why a file listed earlier in the run cannot be opened now that it is gone. */
const REMOVED = 'it was removed while linting';

function listed<T extends ProbeResult | ReadResult>(read: T): T {
  return !read.ok && read.reason === describeFsError({ code: 'ENOENT' })
    ? ({ ok: false, reason: REMOVED } as T)
    : read;
}

/** {@link probeTextFile} for a file that discovery listed: one gone by now was removed during the run. */
export function probeListedFile(path: string): ProbeResult {
  return listed(probeTextFile(path));
}

/** {@link readTextFile} for a file that discovery listed: one gone by now was removed during the run. */
export function readListedFile(path: string): ReadResult {
  return listed(readTextFile(path));
}
