/**
 * Writing the `--out` file of `sft export` and `sft import` without losing anything: never
 * over one of the command's own inputs, never over an existing file or through a symbolic
 * link unless the user asked to overwrite, and atomically refused when a file appears
 * between the check and the write.
 */
import { lstatSync, statSync, writeFileSync } from 'node:fs';
import { describeFsError } from '../node/files';
import { UsageError } from './args';

/** Whether two paths name the same file on disk (a link or another spelling counts). */
function sameFile(a: string, b: string): boolean {
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/** What the command may write over. */
export interface OutOptions {
  /** Files the command reads: never written over, even with `overwrite`. */
  inputs: readonly string[];
  /** Whether an existing file may be replaced (the flag that says so). */
  overwrite: boolean;
  /** The flag that allows it, for the message. */
  flag: string;
}

/**
 * Throws {@link UsageError} with one line when `abs` (shown as `shown`) must not be written:
 * it is an input, or it exists (a dangling symbolic link included) and `overwrite` is off.
 */
export function checkOutFile(abs: string, shown: string, opts: OutOptions): void {
  const input = opts.inputs.find((i) => sameFile(i, abs));
  if (input !== undefined)
    throw new UsageError(`refusing to write over ${shown}: it is an input of this command`);
  let link = false;
  try {
    link = lstatSync(abs).isSymbolicLink();
  } catch {
    return; // nothing there
  }
  let target = true;
  try {
    statSync(abs);
  } catch {
    target = false;
  }
  if (link && !target)
    throw new UsageError(`refusing to write ${shown}: it is a symbolic link to nothing`);
  if (!opts.overwrite) throw new UsageError(`${shown} exists; pass ${opts.flag} to overwrite it`);
}

/** Write `text` to `abs` after {@link checkOutFile}; without `overwrite` the file must still not exist. */
export function writeOutFile(abs: string, shown: string, text: string, opts: OutOptions): void {
  checkOutFile(abs, shown, opts);
  try {
    writeFileSync(abs, text, { flag: opts.overwrite ? 'w' : 'wx' });
  } catch (e) {
    const code = (e as { code?: string } | null)?.code;
    if (code === 'EEXIST')
      throw new UsageError(`${shown} exists; pass ${opts.flag} to overwrite it`);
    throw new UsageError(`cannot write ${shown}: ${describeFsError(e)}`);
  }
}
