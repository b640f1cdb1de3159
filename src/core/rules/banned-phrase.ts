import type { Scalar } from 'yaml';
import type { LintRule, PairContext } from '../rule';
import type { Guidelines } from '../guidelines';
import type { Fix, ReportedSeverity } from '../types';
import { pairHome } from '../edit/scalar-site';
import { textFix } from '../edit/scalar-fix';
import { phraseRemoval } from '../text/phrase-removal';
import { DEFAULT_BANNED_PHRASES } from './support/default-banned-phrases';
import { PhraseList } from './support/phrase-matcher';
import { fieldLabel, fieldScalars, fieldSet } from './support/content-fields';

interface Entry {
  text: string;
  message: string;
  severity?: ReportedSeverity;
  /** A lookahead where the phrase ends (built-in entries only). */
  after?: string;
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

/** Built-in phrases plus the guidelines' list, one phrase list per field; once per guidelines. */
function compile(g: Guidelines): Compiled {
  let c = compiled.get(g);
  if (c) return c;
  const entries: Entry[] = [];
  const own = new Set(g.bannedPhrases.map((p) => norm(p.text)));
  for (const d of DEFAULT_BANNED_PHRASES) {
    if (own.has(norm(d.text))) continue; // the guidelines' entry replaces (or turns off) it
    entries.push({
      text: d.text,
      message: d.message,
      after: d.after,
      fields: new Set(['response']),
    });
  }
  for (const p of g.bannedPhrases) {
    if (p.severity === 'off' || !p.text.trim()) continue;
    entries.push({
      text: p.text,
      message: p.message ?? 'The guidelines ban this phrase.',
      severity: p.severity,
      fields: fieldSet(p.fields ?? ['response']),
    });
  }
  const fields = new Set(entries.flatMap((e) => [...e.fields]));
  const byField = new Map<string, PhraseList<Entry>>();
  for (const f of fields)
    byField.set(
      f,
      new PhraseList(
        entries.filter((e) => e.fields.has(f)),
        (e) => e.after,
      ),
    );
  c = { byField, fields };
  compiled.set(g, c);
  return c;
}

/** The fix that removes text[a, b) of a scalar as a writer would (see phraseRemoval), keeping the YAML valid. */
function removal(
  ctx: PairContext,
  node: Scalar,
  text: string,
  a: number,
  b: number,
  title: string,
): Fix | undefined {
  const r = phraseRemoval(text, a, b);
  return textFix(pairHome(ctx.pair), node, r.start, r.end, r.insert, title);
}

/** Phrases the responses must not contain: the built-in list plus the guidelines' `banned_phrases`. */
export const bannedPhrase: LintRule = {
  meta: {
    id: 'banned-phrase',
    category: 'hhh',
    defaultSeverity: 'warning',
    fixable: true,
    description:
      'A banned phrase ("As an AI language model", the guidelines\' list) is in the text.',
  },
  checkPair(ctx) {
    const c = compile(ctx.guidelines);
    for (const s of fieldScalars(ctx, c.fields)) {
      const list = c.byField.get(s.field);
      if (!list) continue;
      for (const m of list.find(s.text)) {
        const span = ctx.span(s.node, m.start, m.end);
        const shown = s.text.slice(m.start, m.end).replace(/\s+/g, ' ');
        const fix = removal(ctx, s.node, s.text, m.start, m.end, `Remove "${shown}"`);
        ctx.report({
          ...span,
          message: `Banned phrase "${shown}" in ${fieldLabel(s.field)}: ${m.entry.message}`,
          severity: m.entry.severity,
          fixes: fix ? [fix] : undefined,
        });
      }
    }
  },
};
