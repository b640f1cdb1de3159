/**
 * Outline, breadcrumbs and folding: one symbol per pair (name = id, detail = task ·
 * bucket), one folding range per pair and per multi-line entry inside it.
 */
import * as vscode from 'vscode';
import { pairCounts } from '../../core/counts';
import { effectiveField } from '../../core/fields';
import { scalarText, type PairModel } from '../../core/parse/model';
import type { SftFileModel } from '../../core/parse/parse';
import type { Guidelines } from '../../core/guidelines';
import { Disposable } from '../dispose';
import { SFT_SELECTOR } from '../documents';
import type { DocumentStore } from '../lint/document-store';
import { fieldSpans, pairSpan } from '../pairs';

/** The name a pair goes by in outline, CodeLens and pickers. */
export function pairName(pair: PairModel): string {
  return pair.id ?? `(pair ${pair.index + 1}, no id)`;
}

/** Task (own or from defaults) and counted bucket of a pair. */
export function pairSummary(model: SftFileModel, pair: PairModel, g: Guidelines): { task?: string; bucket: string } {
  const task = scalarText(effectiveField(model, pair, 'task')?.value);
  return { task, bucket: pairCounts(pair, g).bucket };
}

export class OutlineProvider extends Disposable implements vscode.DocumentSymbolProvider, vscode.FoldingRangeProvider {
  static register(docs: DocumentStore): vscode.Disposable {
    const p = new OutlineProvider(docs);
    p._register(vscode.languages.registerDocumentSymbolProvider(SFT_SELECTOR, p, { label: 'SFT pairs' }));
    p._register(vscode.languages.registerFoldingRangeProvider(SFT_SELECTOR, p));
    return p;
  }

  private constructor(private readonly docs: DocumentStore) {
    super();
  }

  async provideDocumentSymbols(doc: vscode.TextDocument): Promise<vscode.DocumentSymbol[]> {
    const { result, governedBy } = await this.docs.current(doc);
    const model = result.model;
    return model.pairs.map((pair) => {
      const span = pairSpan(pair);
      const idField = pair.fields.get('id');
      const sel = idField ? fieldSpans(pair.base, idField).value ?? fieldSpans(pair.base, idField).key : { start: span.dash, end: span.dash + 1 };
      const { task, bucket } = pairSummary(model, pair, governedBy.loaded.guidelines);
      const range = new vscode.Range(doc.positionAt(span.start), doc.positionAt(Math.max(span.end, sel.end)));
      const selection = new vscode.Range(doc.positionAt(sel.start), doc.positionAt(sel.end));
      return new vscode.DocumentSymbol(pairName(pair), [task ?? 'no task', bucket].join(' · '), vscode.SymbolKind.Object, range, selection);
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
    for (const pair of result.model.pairs) {
      const span = pairSpan(pair);
      add(span.start, span.end);
      for (const f of pair.entries) {
        const s = fieldSpans(pair.base, f).entry;
        // A block scalar's range ends on the line after its text: fold to the text's last line.
        add(s.start, Math.max(s.start, Math.min(s.end, span.end) - 1));
      }
    }
    return out;
  }
}
