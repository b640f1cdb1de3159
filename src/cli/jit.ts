/**
 * V8 settings for a one-shot `sft` process. A run lints for well under a second per few MB
 * and exits: most of its code is hot for a moment, and TurboFan's inlining, which pays off in
 * a long-lived process, costs more to compile than the inlined code saves. Without it, `sft
 * lint` of the 4 MB bench file takes about a tenth less CPU; a 20-second workspace run takes
 * the same (`npm run bench`, README "Performance").
 *
 * Only the CLI's own process (and its index workers, which share the process's flags) is
 * tuned: the extension runs in VS Code's extension host, shared with other extensions, and
 * never changes V8's flags.
 */
import { setFlagsFromString } from 'node:v8';

/** Call once at the start of the `sft` process, before any linting code has run. */
export function tuneForOneShotRun(): void {
  setFlagsFromString('--no-turbo-inlining');
}
