import * as z from 'zod/mini';
import type { LintRule, PairContext } from '../rule';
import type { Guidelines } from '../guidelines';
import type { ReportedSeverity } from '../types';
import { DEFAULT_PROFANITY } from './support/default-profanity';
import { PhraseList } from './support/phrase-matcher';
import { FIELD_NAMES, fieldLabel, fieldScalars, fieldSet } from './support/content-fields';

interface Entry {
  text: string;
  message: string;
  severity?: ReportedSeverity;
}

interface Compiled {
  list: PhraseList<Entry>;
  fields: Set<string>;
}

const PROFANITY = 'Profanity: a demonstration answer stays civil.';
const compiled = new WeakMap<Guidelines, Compiled>();

function stringList(v: unknown): string[] | undefined {
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined;
}

/** The guidelines' lexicon plus the built-in profanity list, compiled once per guidelines. */
function compile(g: Guidelines, options: Readonly<Record<string, unknown>>): Compiled {
  let c = compiled.get(g);
  if (c) return c;
  const entries: Entry[] = [];
  const own = new Set(g.harmfulTerms.map((t) => t.text.trim().toLowerCase()));
  if (options.builtin !== false) {
    for (const word of DEFAULT_PROFANITY)
      if (!own.has(word)) entries.push({ text: word, message: PROFANITY });
  }
  for (const t of g.harmfulTerms) {
    if (t.severity === 'off' || !t.text.trim()) continue;
    entries.push({
      text: t.text,
      message: t.message ?? 'The guidelines list this as a harmful term.',
      severity: t.severity,
    });
  }
  c = {
    list: new PhraseList(entries),
    fields: fieldSet(stringList(options.fields) ?? ['response']),
  };
  compiled.set(g, c);
  return c;
}

/** The prompt and context the response answers, lower case, whitespace collapsed. */
function quotedFrom(ctx: PairContext): string {
  return ['prompt', 'context']
    .map((f) => ctx.text(f)?.text ?? '')
    .join('\n')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/** Terms from the guidelines' harmful-terms lexicon, and standard profanity, in the response. */
export const harmfulTerm: LintRule = {
  meta: {
    id: 'harmful-term',
    category: 'hhh',
    defaultSeverity: 'warning',
    fixable: false,
    description:
      'A term from the harmful-terms lexicon or the built-in profanity list is in the response.',
    options: () => ({
      fields: z.optional(z.array(z.enum(FIELD_NAMES))),
      builtin: z.optional(z.boolean()),
    }),
  },
  checkPair(ctx) {
    const c = compile(ctx.guidelines, ctx.options);
    let given: string | undefined;
    for (const s of fieldScalars(ctx, c.fields)) {
      for (const m of c.list.find(s.text)) {
        const shown = s.text.slice(m.start, m.end).replace(/\s+/g, ' ');
        // The term quoted from the prompt or passage ("find the toxic word", an option picked
        // from a list, a news quote in a summary) is the answer's subject, not its voice.
        if (s.field === 'response') {
          given ??= quotedFrom(ctx);
          if (given.includes(shown.toLowerCase())) continue;
        }
        ctx.report({
          ...ctx.span(s.node, m.start, m.end),
          message: `"${shown}" in ${fieldLabel(s.field)}: ${m.entry.message}`,
          severity: m.entry.severity,
        });
      }
    }
  },
};
