import * as z from 'zod/mini';
import type { LintRule, PairContext } from '../rule';
import type { Guidelines } from '../guidelines';
import type { ReportedSeverity } from '../types';
import { DEFAULT_PROFANITY } from './support/default-profanity';
import { PhraseList } from './support/phrase-matcher';
import { FIELD_NAMES, fieldLabel, fieldScalars, fieldsOption } from './support/content-fields';

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
    fields: fieldsOption(options.fields, ['response']),
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

const SPEECH_VERB =
  /\b(?:said|says|say|called|calls|calling|told|tells|tweeted|wrote|writes|shouted|yelled|described|labell?ed|dubbed|referred\s+to|quoted|chanted)\b[^.!?\n"“”]{0,40}$/i;

/**
 * Whether text[start, end) is inside a quotation that a speech verb introduces, on one line:
 * `Duterte previously called Obama a "son of a bitch,"` reports someone's words, which a
 * faithful news summary keeps; the answer's own voice is outside quotes.
 */
function reportedSpeech(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let open = -1;
  let straight = 0;
  for (let i = lineStart; i < start; i++) {
    const c = text[i];
    if (c === '"') {
      straight++;
      if (straight % 2) open = i;
    } else if (c === '“') open = i;
    else if (c === '”') open = -1;
  }
  // Inside: an odd number of straight quotes, or a curly quote left open.
  if (open < 0 || (text[open] === '"' && straight % 2 === 0)) return false;
  const close = text.slice(end, end + 300).search(text[open] === '"' ? /["\n]/ : /[”\n]/);
  if (close < 0 || text[end + close] === '\n') return false;
  return SPEECH_VERB.test(text.slice(Math.max(0, open - 80), open));
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
          if (given.includes(shown.toLowerCase()) || reportedSpeech(s.text, m.start, m.end))
            continue;
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
