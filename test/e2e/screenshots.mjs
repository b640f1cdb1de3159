#!/usr/bin/env node
// `npm run screenshots -- <view> [options]`: PNGs of one SFT Studio webview (or any webview) in
// the real VS Code, in a light and a dark theme, for a person to look at (test/host/README.md).
// For each theme it opens a fresh workbench on a copy of the view's workspace, brings the view up
// as a person would, and writes <out>/<view>-<theme>.png (the whole window) and
// <out>/<view>-<theme>-webview.png (the webview alone). Build first (`node esbuild.mjs`).
//
//   <view>                 a preset below, or any name with --view-type and the steps to show it
//   --out DIR              where the PNGs go (default /tmp/sft-shots; keep it outside the repository)
//   --workspace DIR        the workspace folder to copy (default: the preset's, else examples)
//   --file PATH            a file of it to open first (relative to the workspace)
//   --line N               put the cursor on line N of that file (Go to Line)
//   --view-type TYPE       the webview to find and clip: sft.pairEditor, sft.annotations, ...
//   --reopen-with TYPE     "Reopen Editor With..." the custom editor TYPE
//   --focus-view ID        show the view ID (its `<ID>.focus` command)
//   --command ID|TITLE     run a command (repeatable, in order)
//   --themes a,b           theme names or light/dark (default light,dark)
//   --size WxH             window size (default 1400x900)
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT, startHost } from './driver.mjs';

/** The bench's 5,000-pair workspace (CorpusGenerator, outside the repository), written once. */
function pairEditorBenchWorkspace() {
  const run = (args) =>
    execFileSync(process.execPath, args, { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  run(['esbuild.mjs', '--bench-vscode']);
  return run(['dist-test/bench/vscode.js', '--write-pair-editor-workspace']).split('\n').pop();
}

/** The views of issues #10 and #11, and the built-in Markdown preview the driver is tested on. */
const PRESETS = {
  'markdown-preview': {
    workspace: 'test/e2e/fixtures/markdown-preview',
    file: 'README.md',
    commands: ['markdown.showPreviewToSide'],
    viewType: 'markdown.preview',
  },
  'pair-editor': {
    workspace: 'examples',
    file: 'reading-and-reasoning.sft.yaml',
    reopenWith: 'sft.pairEditor',
    viewType: 'sft.pairEditor',
  },
  // 5,000 pairs (17.5 MB): the text editor shows only its "very large" notice, then "Reopen
  // Editor With..." (with `workbench.editorAssociations` the file sometimes still opened in the
  // text editor first). The shot waits for the list's rows, which take seconds to arrive.
  'pair-editor-5000': {
    workspace: pairEditorBenchWorkspace,
    file: 'pairs-5000.sft.yaml',
    reopenWith: 'sft.pairEditor',
    viewType: 'sft.pairEditor',
    waitFor: '[data-testid="pair-row"]',
    timeout: 180000,
  },
  annotations: {
    workspace: 'examples',
    file: 'reading-and-reasoning.sft.yaml',
    // In rr-0002: the view follows the pair under the cursor.
    line: 35,
    focusView: 'sft.annotations',
    viewType: 'sft.annotations',
  },
  'coverage-report': {
    workspace: 'examples',
    // The report's command, whatever its id: the first SFT Studio command titled so.
    commandTitled: /coverage report/i,
    viewType: 'sft.coverageReport',
  },
};

const argv = process.argv.slice(2);
const name = argv.find((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
if (!name) {
  console.error(
    `usage: npm run screenshots -- <${Object.keys(PRESETS).join('|')}|name> [--out DIR] [--workspace DIR] [--file F] [--line N] [--view-type T] [--reopen-with T] [--focus-view ID] [--command C]... [--themes light,dark] [--size WxH]`,
  );
  process.exit(2);
}
const opt = (flag) => {
  const i = argv.indexOf(flag);
  return i >= 0 ? argv[i + 1] : undefined;
};
const given = argv.flatMap((a, i) => (a === '--command' ? [argv[i + 1]] : []));
const preset = PRESETS[name] ?? {};
const recipe = {
  workspace:
    opt('--workspace') ??
    (typeof preset.workspace === 'function' ? preset.workspace() : preset.workspace) ??
    'examples',
  file: opt('--file') ?? preset.file,
  line: opt('--line') ?? preset.line,
  reopenWith: opt('--reopen-with') ?? preset.reopenWith,
  focusView: opt('--focus-view') ?? preset.focusView,
  commands: given.length ? given : (preset.commands ?? []),
  viewType: opt('--view-type') ?? preset.viewType,
};
const out = path.resolve(opt('--out') ?? '/tmp/sft-shots');
const themes = (opt('--themes') ?? 'light,dark').split(',');

const host = await startHost({ size: opt('--size') ?? '1400x900' });
let rc = 0;
/** The workbench being shot: on a failure, its window goes to <out>/failed-<view>.png. */
let current;
try {
  for (const theme of themes) {
    const wb = (current = await host.open({
      workspace: recipe.workspace,
      file: recipe.file,
      theme,
      settings: preset.settings,
    }));
    if (recipe.line) await wb.goToLine(recipe.line);
    if (recipe.reopenWith) await wb.reopenWith(recipe.reopenWith);
    if (recipe.focusView) await wb.focusView(recipe.focusView);
    if (preset.commandTitled && !given.length) {
      const id = host.manifests.ownCommandTitled(preset.commandTitled);
      if (!id) throw new Error(`no SFT Studio command is titled ${preset.commandTitled}`);
      await wb.runCommand(id);
    }
    for (const c of recipe.commands) await wb.runCommand(c);
    const tag = theme.replace(/\W+/g, '-').toLowerCase();
    const frame = recipe.viewType
      ? await wb.webview({ viewType: recipe.viewType, timeout: preset.timeout })
      : undefined;
    // Let the webview paint (fonts, a first render after its initial state message).
    if (frame) await frame.waitForLoadState('load');
    if (frame && preset.waitFor)
      await frame.locator(preset.waitFor).first().waitFor({ timeout: 180000 });
    console.log(await wb.screenshot(path.join(out, `${name}-${tag}.png`), { settle: 1500 }));
    if (frame)
      console.log(await wb.screenshot(path.join(out, `${name}-${tag}-webview.png`), { frame }));
    await wb.close();
  }
} catch (e) {
  console.error((e && e.stack) || e);
  if (current)
    console.error(await current.screenshot(path.join(out, `failed-${name}.png`)).catch(() => ''));
  rc = 1;
}
await host.close();
process.exit(rc);
