/**
 * Hover: an annotation value shows its meaning; a key shows what it is for; the pair's id
 * or `-` line shows its counts (prompt words, bucket, response words, tokens).
 */
import * as vscode from 'vscode';
import { isScalar, isSeq, type Node } from 'yaml';
import { describeValue } from '../../core/annotations';
import { fieldSpec } from '../../core/fields';
import { pairCounts, pairTokens } from '../../core/counts';
import { plural } from '../../core/plural';
import type { PairModel } from '../../core/parse/model';
import type { TokenCounter } from '../../core/services';
import { Disposable } from '../dispose';
import { settings } from '../config';
import { SFT_SELECTOR } from '../documents';
import type { CurrentLint, DocumentStore } from '../lint/document-store';
import { fieldSpans, pairAtOffset, pairSpan } from '../../core/pair-geometry';

export class HoverProvider extends Disposable implements vscode.HoverProvider {
  static register(docs: DocumentStore, tokens: TokenCounter): vscode.Disposable {
    const p = new HoverProvider(docs, tokens);
    p._register(vscode.languages.registerHoverProvider(SFT_SELECTOR, p));
    return p;
  }

  private constructor(private readonly docs: DocumentStore, private readonly tokens: TokenCounter) {
    super();
  }

  async provideHover(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.Hover | undefined> {
    const current = await this.docs.current(doc);
    const offset = doc.offsetAt(pos);
    const model = current.result.model;
    const pair = pairAtOffset(model, offset);
    const range = (s: number, e: number) => new vscode.Range(doc.positionAt(s), doc.positionAt(e));
    // Values and keys of a pair's entries, or of the file's defaults.
    const fields = (pair ? pair.entries : [...model.defaults.values()]).map((f) => ({ f, spans: fieldSpans(pair?.base ?? 0, f) }));
    for (const { f, spans } of fields) {
      if (spans.value && offset >= spans.value.start && offset <= spans.value.end) {
        const meaning = valueMeaning(f.key, f.value, offset - spans.value.start + (f.value?.range?.[0] ?? 0));
        if (meaning) return new vscode.Hover(new vscode.MarkdownString(`**${f.key}: ${meaning.value}**\n\n${meaning.description}`), range(meaning.start + (pair?.base ?? 0), meaning.end + (pair?.base ?? 0)));
        if (f.key === 'id' && pair) return this.countsHover(pair, current, range(spans.value.start, spans.value.end));
      }
      if (offset >= spans.key.start && offset <= spans.key.end) {
        const text = fieldSpec(f.key, 'pair')?.meaning;
        if ((f.key === 'prompt' || f.key === 'response' || f.key === 'id') && pair) return this.countsHover(pair, current, range(spans.key.start, spans.key.end), text);
        if (text) return new vscode.Hover(new vscode.MarkdownString(`**${f.key}**: ${text}`), range(spans.key.start, spans.key.end));
      }
    }
    if (pair) {
      const span = pairSpan(pair);
      if (offset >= span.start && offset <= span.dash + 1) return this.countsHover(pair, current, range(span.dash, span.dash + 1));
    }
    return undefined;
  }

  private countsHover(pair: PairModel, current: CurrentLint, range: vscode.Range, lead?: string): vscode.Hover {
    const g = current.governedBy.loaded.guidelines;
    const counts = pairCounts(pair, g);
    const tokenizer = g.source ? g.response.tokenizer : settings().tokenizer;
    const tokens = pairTokens(pair, this.tokens, tokenizer);
    const md = new vscode.MarkdownString();
    if (lead) md.appendMarkdown(`${lead}\n\n`);
    md.appendMarkdown(`**Pair ${pair.id ?? `#${pair.index + 1}`}**\n\n`);
    md.appendMarkdown('| | words | tokens |\n|---|---:|---:|\n');
    md.appendMarkdown(`| prompt (all the model reads first) | ${counts.promptWords} | ${tokens.prompt} |\n`);
    md.appendMarkdown(`| response | ${counts.responseWords} | ${tokens.response} |\n\n`);
    md.appendMarkdown(`Length bucket: **${counts.bucket}** (short < ${plural(g.length.short, 'word')}, long > ${g.length.long}); tokens by ${tokenizer}.`);
    return new vscode.Hover(md, range);
  }
}

/** The annotation value under a node offset, with its meaning and node-offset span. */
function valueMeaning(key: string, node: Node | null, at: number): { value: string; description: string; start: number; end: number } | undefined {
  const one = (n: Node | null | undefined) => {
    if (!isScalar(n) || !n.range || typeof n.value !== 'string') return undefined;
    const description = describeValue(key, n.value);
    return description ? { value: n.value, description, start: n.range[0], end: n.range[1] } : undefined;
  };
  if (isScalar(node)) return one(node);
  if (isSeq(node)) {
    for (const item of node.items as Node[]) if (isScalar(item) && item.range && at >= item.range[0] && at <= item.range[1]) return one(item);
  }
  return undefined;
}
