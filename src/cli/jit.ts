/**
 * V8 settings for a one-shot `sft` process. A run lints for well under a second per few MB
 * and exits: most of its code is hot for a moment, and TurboFan's most expensive passes,
 * which pay off in a long-lived process, cost more to compile than the code they improve
 * saves before the process ends.
 *
 * - No inlining: `sft lint` of the 4 MB bench file takes about a tenth less CPU; a 20-second
 *   workspace run takes the same (`npm run bench`, README "Performance").
 * - No loop peeling (a copy of a loop's body compiled for its first iteration, so that checks
 *   the loop repeats are made once before it): each loop body is compiled once, not twice.
 * - No pretenuring: V8 moves an allocation site whose objects outlive a young-generation
 *   collection to the old generation, and throws away the optimised code of every function
 *   that allocates there. The parser's nodes all live to the end of a lint: on the bench
 *   file eleven parser functions were thrown away that way and compiled again.
 * - The young generation grows eightfold instead of twofold when it fills: it starts small,
 *   and a lint keeps most of what it allocates (the parsed file), so each early collection
 *   copied the same growing tree again before the generation reached its full size.
 *
 * Instructions counted under valgrind (node --predictable): `sft lint` of the 4 MB bench file
 * about 2% fewer without loop peeling, 2.5% fewer again without pretenuring and 3% fewer
 * again with the faster-growing young generation; a lint of four 3.5 MB bench files 3%, 4%
 * and 0.3% fewer. Peak memory the same.
 *
 * Only the CLI's own process (and its index workers, which share the process's flags) is
 * tuned: the extension runs in VS Code's extension host, shared with other extensions, and
 * never changes V8's flags.
 */
import { setFlagsFromString } from 'node:v8';

/** Call once at the start of the `sft` process, before any linting code has run. */
export function tuneForOneShotRun(): void {
  setFlagsFromString('--no-turbo-inlining');
  setFlagsFromString('--no-turbo-loop-peeling');
  setFlagsFromString('--no-allocation-site-pretenuring');
  setFlagsFromString('--semi-space-growth-factor=8');
}
