/** A CodeLens above each pair: `task · bucket · N problems`; a click sets the task. */
import * as vscode from 'vscode';
import { findPair } from '../../core/parse/parse';
import { pairViews } from '../../core/parse/pair-view';
import { plural } from '../../core/plural';
import { Disposable } from '../dispose';
import { settings } from '../config';
import { SFT_SELECTOR } from '../documents';
import type { DocumentStore } from '../lint/document-store';

export class CodeLensProvider extends Disposable implements vscode.CodeLensProvider {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChangeCodeLenses = this.changed.event;

  /** `refresh`: fires when problems were re-published, so counts follow. */
  static register(docs: DocumentStore, refresh: vscode.Event<unknown>): vscode.Disposable {
    const p = new CodeLensProvider(docs);
    p._register(vscode.languages.registerCodeLensProvider(SFT_SELECTOR, p));
    p._register(refresh(() => p.changed.fire()));
    p._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('sft.codeLens')) p.changed.fire();
      }),
    );
    return p;
  }

  private constructor(private readonly docs: DocumentStore) {
    super();
  }

  async provideCodeLenses(doc: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    if (!settings(doc.uri).codeLens) return [];
    const { result, governedBy } = await this.docs.current(doc);
    const perPair = new Map<number, number>();
    for (const p of result.problems) {
      const pair = findPair(result.model.pairs, p.start);
      if (pair) perPair.set(pair.index, (perPair.get(pair.index) ?? 0) + 1);
    }
    const g = governedBy.loaded.guidelines;
    return pairViews(result.model).map((v) => {
      const n = perPair.get(v.index) ?? 0;
      const title = [
        v.annotations.task ?? 'set task',
        v.counts(g).bucket,
        n === 0 ? 'no problems' : plural(n, 'problem'),
      ].join(' · ');
      const at = doc.positionAt(v.dash);
      return new vscode.CodeLens(new vscode.Range(at, at), {
        title,
        tooltip: 'Set the task of this pair',
        command: 'sft.setAnnotation',
        arguments: [doc.uri, v.index, 'task'],
      });
    });
  }
}
