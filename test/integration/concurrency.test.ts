/**
 * Concurrency in the real host: typing, quick fixes, fix-all, external writes, saves,
 * creates, deletes and closes, interleaved at random over a small folder of the workspace
 * without waiting for the debounce or the index between them. Afterwards the diagnostics,
 * the index and the status bar equal a fresh lint of the files, and every character typed
 * is still there unless a later action replaced it on purpose.
 *
 * The seed is printed; `SFT_CONC_SEED` replays a run, `SFT_CONC_ACTIONS` sets its length and
 * `SFT_CONC_TRACE=1` prints each action with the state of every file.
 */
import * as assert from 'node:assert';
import { mkdirSync, rmSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import * as vscode from 'vscode';
import { api, closeEditors, fixture, statusBarShows } from './helpers';
import { diagnosticLines, freshState, sortPairs, type FreshState } from './fresh-state';
import { Random } from './random-pairs';
import { ConcurrencyRun } from './concurrency-run';

const SEED = Number(process.env.SFT_CONC_SEED ?? 20261130);
const ACTIONS = Number(process.env.SFT_CONC_ACTIONS ?? 90);
const FOLDER = 'conc';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What differs between the extension's diagnostics, index and status bar and a fresh lint. */
async function differences(fresh: FreshState, known: readonly vscode.Uri[]): Promise<string[]> {
  const sft = await api();
  const out: string[] = [];
  for (const [key, expected] of fresh.diagnostics) {
    const actual = diagnosticLines(vscode.Uri.parse(key));
    if (!isDeepStrictEqual(actual, expected))
      out.push(
        `${key}: diagnostics\n  shown ${JSON.stringify(actual)}\n  fresh ${JSON.stringify(expected)}`,
      );
  }
  for (const uri of known) {
    const key = uri.toString();
    if (!fresh.diagnostics.has(key) && diagnosticLines(uri).length)
      out.push(`${key}: gone, but has ${JSON.stringify(diagnosticLines(uri))}`);
  }
  const { coverage, pairs } = await sft.coverage();
  const indexed = sortPairs([...pairs]);
  if (!isDeepStrictEqual(indexed, fresh.pairs))
    out.push(
      `index: ${JSON.stringify(indexed.map((p) => `${p.file}#${p.index}:${p.id}`))} vs fresh ${JSON.stringify(fresh.pairs.map((p) => `${p.file}#${p.index}:${p.id}`))}`,
    );
  if (!isDeepStrictEqual(coverage, fresh.coverage)) out.push('coverage differs from a fresh count');
  if (sft.statusBarText() !== fresh.status)
    out.push(`status bar "${sft.statusBarText()}", fresh "${fresh.status}"`);
  return out;
}

/** Wait until what the extension shows equals a fresh lint (then it must stay so). */
async function quiescent(known: readonly vscode.Uri[], ms = 20000): Promise<void> {
  const deadline = Date.now() + ms;
  let diff: string[] = [];
  while (Date.now() < deadline) {
    diff = await differences(await freshState(), known);
    if (!diff.length) return;
    await sleep(250);
  }
  assert.fail(`after ${ms} ms the extension still differs from a fresh lint:\n${diff.join('\n')}`);
}

describe('concurrency: random interleavings in the real host', () => {
  const folder = () => fixture(FOLDER);

  after(async () => {
    await closeEditors();
    rmSync(folder().fsPath, { recursive: true, force: true });
    await statusBarShows(undefined, 'the counts without the folder');
  });

  it(`${ACTIONS} edits, fixes, writes, saves, creates, deletes and closes leave diagnostics, index and status bar equal to a fresh lint, and no keystroke lost`, async function () {
    this.timeout(150_000);
    console.log(`    concurrency seed ${SEED} (SFT_CONC_SEED), ${ACTIONS} actions`);
    const sft = await api();
    await sft.indexReady();
    await sft.workspaceLinted();
    const rnd = new Random(SEED);
    const run = new ConcurrencyRun(rnd, folder());
    mkdirSync(folder().fsPath, { recursive: true });
    for (let i = 0; i < 4; i++) run.create();
    const started = Date.now();
    for (let i = 0; i < ACTIONS; i++) await run.step();
    const acted = Date.now();
    console.log(`    actions (${acted - started} ms): ${JSON.stringify(run.counts)}`);

    await quiescent(run.uris());
    console.log(`    equal to a fresh lint ${Date.now() - acted} ms after the last action`);
    // A late, stale lint or index job must not undo it.
    await sleep(1500);
    const late = await differences(await freshState(), run.uris());
    assert.deepStrictEqual(late, [], 'still equal a moment later');
    assert.deepStrictEqual(run.lostKeystrokes(), [], 'every character typed is still there');
  });
});
