/**
 * No data loss: sequences of actions from every writer-facing edit path (edit-paths.ts) over
 * generated `.sft.yaml` files in every scalar style, with comments, CRLF and Unicode. After
 * each action the file parses, the asked change reads back, the edits stay inside the pair (or
 * header) they are about, every other pair and header field reads the same, and every byte
 * between the edits is unchanged; after the sequence, undo (each action's inverse edits, last
 * first) gives back the original bytes exactly.
 */
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { applyEdits } from '../../../src/core/edit/apply';
import { planAllEdits } from '../../../src/core/edit/plan';
import { parseSft } from '../../../src/core/parse/parse';
import type { TextEdit } from '../../../src/core/types';
import { sftFileText } from '../core/fix-gen';
import { reportTally, SCALE, SEED, tally } from './budget';
import { EDIT_PATHS, reading, type Action, type EditPath, type Reading } from './edit-paths';

const RUNS = Math.round(40 * SCALE);

function yamlErrors(text: string): number {
  return parseDocument(text, { uniqueKeys: false }).errors.length;
}

/** The edits that turn the edited text back into `text` (offsets in the edited text). */
function inverse(text: string, edits: readonly TextEdit[]): TextEdit[] {
  let delta = 0;
  return edits.map((e) => {
    const start = e.start + delta;
    delta += e.newText.length - (e.end - e.start);
    return { start, end: start + e.newText.length, newText: text.slice(e.start, e.end) };
  });
}

/** How many characters between the edits differ between `text` and `out`. */
function changedOutside(text: string, out: string, edits: readonly TextEdit[]): number {
  let at = 0;
  let delta = 0;
  let lost = 0;
  const gaps = [...edits, { start: text.length, end: text.length, newText: '' }];
  for (const e of gaps) {
    const from = at + delta;
    const want = text.slice(at, e.start);
    const got = out.slice(from, from + want.length);
    for (let i = 0; i < want.length; i++) if (want[i] !== got[i]) lost++;
    delta += e.newText.length - (e.end - e.start);
    at = e.end;
  }
  return lost;
}

/** Why the other pairs and the header do not read as before, or undefined. */
function othersKept(
  before: Reading,
  after: Reading,
  action: Action,
  path: EditPath,
): string | undefined {
  if (path.keepsOthers === false) return undefined;
  const strip = (r: Reading) =>
    JSON.stringify({ ...r.root, pairs: undefined, defaults: undefined });
  if (strip(before) !== strip(after)) return 'the header changed';
  if (action.target === undefined) {
    const pairs = (r: Reading) => JSON.stringify(r.pairs);
    return pairs(before) === pairs(after) ? undefined : 'a pair changed';
  }
  if (JSON.stringify(before.root.defaults) !== JSON.stringify(after.root.defaults))
    return 'the defaults changed';
  if (before.pairs.length !== after.pairs.length) return 'the pair count changed';
  for (let i = 0; i < before.pairs.length; i++)
    if (i !== action.target && JSON.stringify(before.pairs[i]) !== JSON.stringify(after.pairs[i]))
      return `pair ${i} changed`;
  return undefined;
}

/** Run one action on `text`: the new text and its undo, or throw why a promise broke. */
function step(text: string, path: EditPath, pick: number): { out: string; undo: TextEdit[] } {
  const model = parseSft(text);
  if (!model.pairs.length) return { out: text, undo: [] };
  const action = path.act(model, pick);
  tally.actions++;
  if (!action) return { out: text, undo: [] };
  const edits = planAllEdits(model, action.intents);
  if (!edits.length) return { out: text, undo: [] };
  tally.edits++;
  const where = `${path.name} ${JSON.stringify(action.intents).slice(0, 300)}`;
  const { scope } = action;
  if (scope && edits.some((e) => e.start < scope.start || e.end > scope.end))
    throw new Error(
      `${where}: an edit falls outside [${scope.start}, ${scope.end}): ${JSON.stringify(edits)}\n${JSON.stringify(text)}`,
    );
  const out = applyEdits(text, edits);
  const lost = changedOutside(text, out, edits);
  tally.bytesLost += lost;
  if (lost) throw new Error(`${where}: ${lost} characters outside the edits changed`);
  if (yamlErrors(out) > yamlErrors(text)) throw new Error(`${where}: new YAML errors\n${out}`);
  parseSft(out);
  const before = reading(text);
  const after = reading(out);
  const why = path.landed(before, after, action) ?? othersKept(before, after, action, path);
  if (why) throw new Error(`${where}: ${why}\n--- before ---\n${text}\n--- after ---\n${out}`);
  return { out, undo: inverse(text, edits) };
}

/** Generated files, some starting with a byte order mark as some editors write it. */
const sftFile = fc
  .tuple(sftFileText, fc.nat(9))
  .map(([text, bom]) => (bom === 0 ? `\ufeff${text}` : text));

/** An action: which path, and a number it picks its pair, key and value from. */
const action = fc.tuple(fc.nat(EDIT_PATHS.length - 1), fc.nat());

describe('fuzz: no data loss', function () {
  this.timeout(Math.max(60_000, RUNS * 2000));
  after(reportTally);

  it(`sequences of edits from ${EDIT_PATHS.length} paths keep every other byte and undo exactly (${RUNS} files, seed ${SEED})`, () => {
    fc.assert(
      fc.property(sftFile, fc.array(action, { minLength: 1, maxLength: 8 }), (text, acts) => {
        if (yamlErrors(text)) return true;
        tally.files++;
        tally.sequences++;
        let cur = text;
        const undos: TextEdit[][] = [];
        for (const [p, pick] of acts) {
          const { out, undo } = step(cur, EDIT_PATHS[p], pick);
          cur = out;
          undos.push(undo);
        }
        for (const undo of undos.reverse()) cur = applyEdits(cur, undo);
        if (cur !== text) {
          tally.bytesLost += Math.abs(cur.length - text.length) || 1;
          throw new Error(
            `undo did not give back the original\n--- original ---\n${text}\n--- undone ---\n${cur}`,
          );
        }
        return true;
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  });
});
