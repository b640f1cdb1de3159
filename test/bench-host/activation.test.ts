/**
 * SFT Studio's activation in the real extension host: the bundle's load (require of
 * dist/extension.js) plus `activate()`, timed around `Extension.activate()` by this suite in
 * the same host. bench/vscode.ts runs it in a workspace without `.sft.yaml` files, where
 * nothing activates the extension before the suite does, and writes the figures to
 * $SFT_BENCH_OUT (one host run, one activation).
 */
import * as assert from 'node:assert';
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { SftApi } from '../../src/extension/api';
import type { ActivationFigures } from './figures';

const EXTENSION_ID = 'sft-studio.sft-studio';
const SETTLE_MS = 3000;

suite('SFT Studio activation in the extension host', () => {
  test('bundle load plus activate()', async () => {
    const ext = vscode.extensions.getExtension<SftApi>(EXTENSION_ID);
    assert.ok(ext, 'extension installed');
    const wasActive = ext.isActive;
    // Let the host finish its own start-up (built-in extensions activate on the same thread).
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const t0 = performance.now();
    const api = await ext.activate();
    const loadAndActivateMs = performance.now() - t0;
    const figures: ActivationFigures = {
      vscode: vscode.version,
      node: process.version,
      wasActive,
      loadAndActivateMs,
      activateMs: api.perf.activateMs,
    };
    console.log(
      `[bench] load + activate ${loadAndActivateMs.toFixed(1)} ms (activate() ${api.perf.activateMs.toFixed(1)} ms)${wasActive ? ' - already active, not a cold figure' : ''}`,
    );
    const out = process.env.SFT_BENCH_OUT;
    if (out) writeFileSync(out, JSON.stringify(figures, null, 2));
  });
});
