import type { Scalar } from 'yaml';
import type { LintRule, PairContext } from '../rule';
import type { Guidelines } from '../guidelines';
import type { ReportedSeverity, TextEdit } from '../types';
import { DEFAULT_BANNED_PHRASES } from './default-banned-phrases';
import { PhraseList, phraseSource } from './phrase-matcher';
import { fieldLabel, fieldScalars, fieldSet, mapsExactly } from './content-fields';

interface Entry {
  text: string;
  message: string;
  severity?: ReportedSeverity;
  source: string;
  fields: Set<string>;
}

interface Compiled {
  byField: Map<string, PhraseList<Entry>>;
  fields: Set<string>;
}

const compiled = new WeakMap<Guidelines, Compiled>();

function norm(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/’/g, "'");
}

/** Built-in phrases plus the guidelines' list, one regex per field; once per guidelines. */
function compile(g: Guidelines): Compiled {
  let c = compiled.get(g);
  if (c) return c;
  const entries: Entry[] = [];
  const own = new Set(g.bannedPhrases.map((p) => norm(p.text)));
  for (const d of DEFAULT_BANNED_PHRASES) {
    if (own.has(norm(d.text))) continue; // the guidelines' entry replaces (or turns off) it
    entries.push({ text: d.text, message: d.message, source: phraseSource(d.text) + (d.after ?? ''), fields: new Set(['response']) });
  }
  for (const p of g.bannedPhrases) {
    if (p.severity === 'off' || !p.text.trim()) continue;
    entries.push({ text: p.text, message: p.message ?? 'The guidelines ban this phrase.', severity: p.severity, source: phraseSource(p.text), fields: fieldSet(p.fields ?? ['response']) });
  }
  const fields = new Set(entries.flatMap((e) => [...e.fields]));
  const byField = new Map<string, PhraseList<Entry>>();
  for (const f of fields) byField.set(f, new PhraseList(entries.filter((e) => e.fields.has(f)), (e) => e.source));
  c = { byField, fields };
  compiled.set(g, c);
  return c;
}

/**
 * The edit that removes value[a, b) and one adjacent space (the one before when there is
 * one), so no double space remains. A phrase that is a whole line takes its line break
 * with it. Undefined when the scalar cannot be mapped exactly.
 */
function removal(ctx: PairContext, node: Scalar, text: string, a: number, b: number): TextEdit | undefined {
  if (!mapsExactly(ctx, node)) return undefined;
  const before = a > 0 ? text[a - 1] : '';
  const after = b < text.length ? text[b] : '';
  let from = a;
  let to = b;
  if (before === ' ') from--;
  else if (after === ' ') to++;
  else if ((before === '\n' || !before) && (after === '\n' || !after)) {
    if (before) from--; else if (after) to++;
  }
  const start = ctx.span(node, from, from + 1).start;
  // Up to where the next character starts, so a folded line's indentation goes too.
  const end = to < text.length ? ctx.span(node, to, to).start : ctx.span(node, to - 1, to).end;
  return { start, end, newText: '' };
}

/** Phrases the responses must not contain: the built-in list plus the guidelines' `banned_phrases`. */
export const bannedPhrase: LintRule = {
  meta: {
    id: 'banned-phrase', category: 'hhh', scope: 'pair', defaultSeverity: 'warning', fixable: true,
    description: 'A banned phrase ("As an AI language model", the guidelines\' list) is in the text.',
  },
  checkPair(ctx) {
    const c = compile(ctx.guidelines);
    for (const s of fieldScalars(ctx, c.fields)) {
      const list = c.byField.get(s.field);
      if (!list) continue;
      for (const m of list.find(s.text)) {
        const span = ctx.span(s.node, m.start, m.end);
        const shown = s.text.slice(m.start, m.end).replace(/\s+/g, ' ');
        const edit = removal(ctx, s.node, s.text, m.start, m.end);
        ctx.report({
          ...span,
          message: `Banned phrase "${shown}" in ${fieldLabel(s.field)}: ${m.entry.message}`,
          severity: m.entry.severity,
          fixes: edit ? [{ title: `Remove "${shown}"`, edits: [edit], preferred: true }] : undefined,
        });
      }
    }
  },
};
