/**
 * SFT Studio's pair editor budgets in the extension host, on a 5,000-pair file of
 * CorpusGenerator pairs (bench/vscode.ts writes it): open to the first frame with list and
 * card, and real key presses in a card (typed by the host harness through Chromium,
 * `[vschost:type]`) to the document change and to the card drawn again. Keystroke times are
 * the webview's input events, document changes the host's, both epoch ms on one machine.
 * Writes the figures as JSON to $SFT_BENCH_OUT; bench/vscode.ts judges them.
 */
import * as assert from 'node:assert';
import { copyFileSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { SftApi } from '../../src/extension/api';
import { epochNow } from '../../src/extension/perf';
import { PAIR_EDITOR_FILE, series, type PairEditorFigures } from './figures';
import { activated, sleep, until } from './helpers';

const KEYS = 'and then it rains';

const SMALL_FILE = `sft: 1
pairs:
  - id: fw-0001
    task: open_qa
    prompt: Why is the sky blue?
    response: |
      Sunlight scatters off the air, and blue light scatters most.
  - id: fw-0002
    task: open_qa
    prompt: Why is the sea salty?
    response: |
      Rivers carry salts from rocks into it, and they stay when the water evaporates.
`;

const figures: Partial<PairEditorFigures> = {};

/**
 * With $SFT_BENCH_PROFILE (a folder), a CPU profile of the extension host for each step,
 * `<step>.cpuprofile` (build with `node esbuild.mjs --dev` first for function names).
 */
async function profiled<T>(step: string, body: () => Promise<T>): Promise<T> {
  const dir = process.env.SFT_BENCH_PROFILE;
  if (!dir) return body();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await body();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(join(dir, `${step}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

/**
 * With $SFT_BENCH_TRACE (a folder), a Chromium trace of every process (the workbench, the
 * webviews) for each step, `<step>.json`, recorded by the host harness (`[vschost:trace]`).
 */
async function traced(step: string, what: 'start' | 'stop'): Promise<void> {
  const dir = process.env.SFT_BENCH_TRACE;
  if (!dir) return;
  console.log(
    `[vschost:trace] ${what === 'start' ? `start ${join(dir, `${step}.json`)}` : 'stop'}`,
  );
  // The log line reaches the harness through the workbench: give it time to act on it.
  await sleep(what === 'start' ? 1000 : 3000);
}

type Marks = SftApi['perf']['pairEditor'];

/**
 * Type KEYS into the card's response, a real key press each (the host harness types through
 * Chromium), each after the last one's card was drawn: per key, its input event to the
 * document change, to the card drawn from that change's push, and the legs of the way.
 */
async function typeKeys(doc: vscode.TextDocument, marks: () => Marks) {
  const changes = vscode.workspace.onDidChangeTextDocument;
  const out = {
    toDocument: [] as number[],
    toCard: [] as number[],
    // Where a key press's way to the document goes: webview to host, the host's own work
    // (queue, plan, edit), and VS Code applying the edit until the host hears the change.
    toHost: [] as number[],
    hostWork: [] as number[],
    applyToChange: [] as number[],
  };
  let lastSeq = -1;
  for (const ch of KEYS) {
    let changed: { at: number; version: number } | undefined;
    const sub = changes((e) => {
      if (e.document === doc && e.contentChanges.length && !changed)
        changed = { at: epochNow(), version: doc.version };
    });
    console.log(`[vschost:type] field-response ${JSON.stringify(ch)}`);
    try {
      const c = await until(changes, () => changed, `the document change of '${ch}'`, 30_000);
      const typed = await until(
        changes,
        () => marks()?.typed?.clientSeq !== lastSeq && marks()?.typed,
        'the typed mark',
        5000,
      );
      lastSeq = typed.clientSeq;
      const shown = await until(
        changes,
        () => {
          const s = marks()?.shown;
          return s && s.version >= c.version && s;
        },
        `the card after '${ch}'`,
        30_000,
      );
      assert.ok(c.at >= typed.at, 'the document changed after the key press');
      out.toDocument.push(c.at - typed.at);
      out.toCard.push(shown.at - typed.at);
      out.toHost.push(typed.heard - typed.at);
      out.hostWork.push((typed.applying ?? NaN) - typed.heard);
      out.applyToChange.push(c.at - (typed.applying ?? NaN));
    } finally {
      sub.dispose();
    }
    await sleep(150);
  }
  return out;
}

suite('SFT Studio pair editor budgets in the extension host', () => {
  let api: SftApi;
  let uri: vscode.Uri;

  suiteSetup(async () => {
    let root: vscode.Uri;
    ({ api, root } = await activated());
    uri = vscode.Uri.joinPath(root, PAIR_EDITOR_FILE);
    // The start-up scan and lint of the workspace are over before anything is timed.
    await api.indexReady();
    await api.workspaceLinted();
    figures.vscode = vscode.version;
  });

  suiteTeardown(() => {
    const out = process.env.SFT_BENCH_OUT;
    if (out) writeFileSync(out, JSON.stringify(figures, null, 2));
  });

  test('open to first paint, key presses to the document and to the card', async () => {
    // The baseline: VS Code loading the same text as a plain YAML document (not ours).
    const plain = vscode.Uri.file(uri.fsPath.replace(/\.sft\.yaml$/, '.plain.yaml'));
    copyFileSync(uri.fsPath, plain.fsPath);
    const p0 = epochNow();
    await vscode.workspace.openTextDocument(plain);
    figures.plainOpenMs = epochNow() - p0;
    const changes = vscode.workspace.onDidChangeTextDocument;
    // VS Code's webview service worker is installed on the first webview a browser profile
    // shows (this run's is fresh): a 2-pair file takes that, timed on its own, as a writer
    // meets it once. The 5,000-pair file is then opened as on every later open.
    // (Outside the workspace: it is not counted with the 5,000 pairs.)
    const small = vscode.Uri.file(
      join(mkdtempSync(join(tmpdir(), 'sft-bench-')), 'first.sft.yaml'),
    );
    writeFileSync(small.fsPath, SMALL_FILE);
    const s0 = epochNow();
    await vscode.commands.executeCommand('vscode.openWith', small, 'sft.pairEditor');
    const smallKey = small.toString();
    const smallPainted = await until(
      changes,
      () => api.perf.pairEditor?.uri === smallKey && api.perf.pairEditor.painted,
      'first paint of the 2-pair file',
      60_000,
    );
    figures.firstWebviewMs = smallPainted.heard - s0;
    // The floor of a key press's way, on a file with nothing else to do: the same key presses.
    const smallDoc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === smallKey);
    assert.ok(smallDoc, 'the pair editor opened the 2-pair file');
    await sleep(500);
    const floor = await typeKeys(smallDoc, () =>
      api.perf.pairEditor?.uri === smallKey ? api.perf.pairEditor : undefined,
    );
    figures.smallKeystrokeToDocument = series(floor.toDocument.slice(1)).median;
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await sleep(500);
    const key = uri.toString();
    const marks = () => (api.perf.pairEditor?.uri === key ? api.perf.pairEditor : undefined);
    let t0 = 0;
    await traced('open', 'start');
    const painted = await profiled('open', async () => {
      t0 = epochNow();
      await vscode.commands.executeCommand('vscode.openWith', uri, 'sft.pairEditor');
      return until(changes, () => marks()?.painted, 'first paint', 120_000);
    });
    await traced('open', 'stop');
    figures.openMs = painted.heard - t0;
    figures.paintMs = painted.at - t0;
    const init = marks()?.init;
    assert.ok(init, 'the host marked the state it sent');
    figures.openSteps = {
      resolved: (marks()?.resolved ?? NaN) - t0,
      ready: init.start - t0,
      posted: init.posted - t0,
      received: painted.received - t0,
    };
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    assert.ok(doc, 'the pair editor opened the text document');
    const pairs = (await api.coverage()).pairs.length; // the workspace's one file
    figures.file = { pairs, bytes: statSync(uri.fsPath).size };
    console.log(
      `[bench] VS Code opening the same text as plain YAML: ${figures.plainOpenMs.toFixed(0)} ms`,
    );
    console.log(
      `[bench] pair editor, ${pairs} pairs: open to first paint ${figures.paintMs.toFixed(0)} ms, heard ${figures.openMs.toFixed(0)} ms (from ${t0.toFixed(0)}, epoch ms); steps ${JSON.stringify(figures.openSteps)}`,
    );
    await sleep(2000); // the open's diagnostics and index update settle

    await traced('keys', 'start');
    const keys = await profiled('keys', () => typeKeys(doc, marks));
    await traced('keys', 'stop');
    // The first press also focuses the field: a warm-up, not a sample.
    figures.keystrokeToDocument = series(keys.toDocument.slice(1));
    figures.keystrokeToCard = series(keys.toCard.slice(1));
    figures.keystrokeLegs = {
      toHost: series(keys.toHost.slice(1)).median,
      hostWork: series(keys.hostWork.slice(1)).median,
      applyToChange: series(keys.applyToChange.slice(1)).median,
    };
    console.log(
      `[bench] key press to document median ${figures.keystrokeToDocument.median.toFixed(1)} ms, to card ${figures.keystrokeToCard.median.toFixed(1)} ms`,
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
