import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { api, diagnosticsUntil, fixture, ruleOf } from './helpers';

/**
 * Resolve once the log file holds every line matching `patterns`, re-reading it whenever it
 * changes and every 100 ms: the log folder is outside the workspace, and the host's watcher
 * may never report its writes (the log service writes its file a while after each line, so
 * a first read at activation can come before the start-up lines are there).
 */
async function logUntil(patterns: RegExp[], what: string, ms = 15000): Promise<string> {
  const sft = await api();
  const file = vscode.Uri.joinPath(sft.logUri, 'SFT Studio.log');
  const read = (): Promise<string> =>
    Promise.resolve(vscode.workspace.fs.readFile(file)).then(
      (b) => new TextDecoder().decode(b),
      () => '',
    );
  const done = (text: string) => patterns.every((p) => p.test(text));
  const watcher = vscode.workspace.createFileSystemWatcher(
    new vscode.RelativePattern(sft.logUri, '*.log'),
  );
  let poll: ReturnType<typeof setInterval> | undefined;
  try {
    return await new Promise<string>((resolve, reject) => {
      let last = '';
      const check = (): void =>
        void read().then((text) => {
          last = text;
          if (done(text)) {
            clearTimeout(timer);
            resolve(text);
          }
        });
      const timer = setTimeout(
        () => reject(new Error(`timed out after ${ms} ms waiting for ${what}; the log:\n${last}`)),
        ms,
      );
      watcher.onDidChange(check);
      watcher.onDidCreate(check);
      poll = setInterval(check, 100);
      check();
    });
  } finally {
    clearInterval(poll);
    watcher.dispose();
  }
}

describe('activation', () => {
  it("the workspace's problems appear once the index is built, with no file open and no Lint Workspace", async () => {
    const sft = await api();
    assert.ok(
      !vscode.workspace.textDocuments.some((d) => d.languageId === 'sft-yaml'),
      'no .sft.yaml file is open',
    );
    await sft.indexReady();
    await diagnosticsUntil(
      fixture('health.sft.yaml'),
      (ds) => ds.some((d) => ruleOf(d) === 'no-aliases'),
      "health.sft.yaml's problem from the workspace lint",
    );
  });

  it('the "SFT Studio" output channel logs activation, the index build and the workspace lint', async () => {
    const text = await logUntil(
      [
        /\[info\] SFT Studio \S+ activated in \d+ ms/,
        /\[info\] Index built: 3 files, 6 pairs in \d+ ms/,
        /\[info\] Workspace lint \(index built\): Linted 3 files: 1 error, 0 warnings in 1 file/,
      ],
      'the start-up lines',
    );
    assert.ok(!/\[error\]/.test(text), text);
  });

  it('with sft.lint.workspace off only open files show problems', async () => {
    const health = fixture('health.sft.yaml');
    const config = vscode.workspace.getConfiguration('sft');
    await config.update('lint.workspace', false, vscode.ConfigurationTarget.Global);
    try {
      await diagnosticsUntil(health, (ds) => ds.length === 0, "the closed file's problems cleared");
    } finally {
      await config.update('lint.workspace', undefined, vscode.ConfigurationTarget.Global);
    }
    await diagnosticsUntil(
      health,
      (ds) => ds.some((d) => ruleOf(d) === 'no-aliases'),
      'back with the default',
    );
  });
});
