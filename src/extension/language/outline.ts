/**
 * Outline, breadcrumbs and folding: one symbol per pair (name = id, detail = task ·
 * bucket), one folding range per pair and per multi-line entry inside it.
 */
import * as vscode from 'vscode';
import { pairViews } from '../../core/parse/pair-view';
import { Disposable } from '../dispose';
import { SFT_SELECTOR } from '../documents';
import type { DocumentStore } from '../lint/document-store';

export class OutlineProvider
  extends Disposable
  implements vscode.DocumentSymbolProvider, vscode.FoldingRangeProvider
{
  static register(docs: DocumentStore): vscode.Disposable {
    const p = new OutlineProvider(docs);
    p._register(
      vscode.languages.registerDocumentSymbolProvider(SFT_SELECTOR, p, { label: 'SFT pairs' }),
    );
    p._register(vscode.languages.registerFoldingRangeProvider(SFT_SELECTOR, p));
    return p;
  }

  private constructor(private readonly docs: DocumentStore) {
    super();
  }

  async provideDocumentSymbols(doc: vscode.TextDocument): Promise<vscode.DocumentSymbol[]> {
    const { result, governedBy } = await this.docs.current(doc);
    const g = governedBy.loaded.guidelines;
    const range = (start: number, end: number) =>
      new vscode.Range(doc.positionAt(start), doc.positionAt(end));
    return pairViews(result.model).map((v) => {
      const idField = v.fields.find((f) => f.key === 'id');
      const sel = idField
        ? (idField.valueRange ?? idField.keyRange)
        : { start: v.dash, end: v.dash + 1 };
      const detail = [v.annotations.task ?? 'no task', v.counts(g).bucket].join(' · ');
      return new vscode.DocumentSymbol(
        v.name,
        detail,
        vscode.SymbolKind.Object,
        range(v.range.start, Math.max(v.range.end, sel.end)),
        range(sel.start, sel.end),
      );
    });
  }

  async provideFoldingRanges(doc: vscode.TextDocument): Promise<vscode.FoldingRange[]> {
    const { result } = await this.docs.current(doc);
    const out: vscode.FoldingRange[] = [];
    const add = (start: number, end: number) => {
      const a = doc.positionAt(start).line;
      const b = doc.positionAt(end).line;
      if (b > a) out.push(new vscode.FoldingRange(a, b));
    };
    for (const f of result.model.header) {
      if (f.key !== 'pairs') add(f.span.start, f.span.end);
    }
    for (const v of pairViews(result.model)) {
      add(v.range.start, v.range.end);
      for (const f of v.fields) {
        const s = f.entryRange;
        // A block scalar's range ends on the line after its text: fold to the text's last line.
        add(s.start, Math.max(s.start, Math.min(s.end, v.range.end) - 1));
      }
    }
    return out;
  }
}
