import type { LintRule } from '../rule';
import { scanRegex } from './support/phrase-matcher';
import { CONTENT_FIELDS, fieldLabel, fieldScalars, fieldSet } from './support/content-fields';

const BEFORE = '(?<![\\p{L}\\p{M}\\p{N}_])';
const AFTER = '(?![\\p{L}\\p{M}\\p{N}_])';
// What a bracketed placeholder starts with: "[insert a quote]", "<your answer here>", "{placeholder}".
const KEYWORD =
  '(?:insert|add|enter|fill\\s+in|placeholder|your\\s+(?:answer|response|text|content)|answer\\s+here|todo|tbd)(?![\\p{L}\\p{N}])';

/**
 * Every placeholder shape in one pass. Group 1 holds the markers that are only placeholders
 * in capitals: "todo" is Spanish and Portuguese for "all", "tbd" and "xxx" are rare
 * lowercase words, and "siglo XX" is a century, hence three X at least.
 */
const PLACEHOLDER = new RegExp(
  [
    `${BEFORE}(todo|tbd|x{3,})${AFTER}`,
    `${BEFORE}fixme${AFTER}`,
    `${BEFORE}lorem\\s+ipsum${AFTER}`,
    `\\[\\s*${KEYWORD}[^\\]\\n]{0,80}\\]`,
    `<\\s*${KEYWORD}[^>\\n]{0,80}>`,
    `\\{\\s*${KEYWORD}[^}\\n]{0,80}\\}`,
    // "???" standing alone; "What???" is a question, not a gap.
    '(?<![\\p{L}\\p{N}?])\\?{3,}',
    `${BEFORE}(?:answer|response|text|content)\\s+goes\\s+here${AFTER}`,
  ].join('|'),
  'giu',
);

/**
 * A cheap first look: most fields have none of these, and skip the full regex. Without the
 * `i` flag, a third faster over long fields: TODO, TBD and XXX only count in capitals, and
 * the other words take each letter in either case, as the full regex does.
 */
const MAYBE =
  /TODO|TBD|XXX|[Ff][Ii][Xx][Mm][Ee]|[Ll][Oo][Rr][Ee][Mm]|\?\?\?|[Gg][Oo][Ee][Ss]\s+[Hh][Ee][Rr][Ee]|[[<{]/;

const FIELDS = fieldSet(CONTENT_FIELDS);

/**
 * Whether a TODO/TBD/XXX marker is spoken of rather than left: inside a code comment (`# TODO`,
 * `// TODO`) or in quotes (`the "TODO" comment`), as in a task about code.
 */
function spokenOf(text: string, at: number, length: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const before = text.slice(lineStart, at);
  if (/(?:#|\/\/|\/\*|<!--|--)[ \t]*$/.test(before)) return true;
  const open = text.charAt(at - 1);
  const close = text.charAt(at + length);
  return /["'`“]/.test(open) && /["'`”]/.test(close);
}

/**
 * Whether the marker sits in a line written in capitals (`Title: ESTE LIBRO CONTIENE TODO`):
 * there it is a word of the shouted text, not a marker.
 */
function shouted(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  let lineEnd = text.indexOf('\n', at);
  if (lineEnd < 0) lineEnd = text.length;
  const words = text.slice(lineStart, lineEnd).match(/\p{L}+/gu) ?? [];
  // Only scripts with case can shout: Arabic, Chinese or Hebrew words have no capitals.
  const cased = words.filter((w) => w.toUpperCase() !== w.toLowerCase());
  const capitals = cased.filter((w) => w.length > 1 && w === w.toUpperCase()).length;
  return capitals >= 4 && capitals >= 0.75 * cased.length;
}

/** Placeholder text left in a pair: TODO, TBD, FIXME, lorem ipsum, [insert ...], "???". */
export const placeholder: LintRule = {
  meta: {
    id: 'placeholder',
    category: 'hhh',
    defaultSeverity: 'error',
    fixable: false,
    description: 'Placeholder text (TODO, TBD, lorem ipsum, [insert ...]) is left in the pair.',
  },
  checkPair(ctx) {
    for (const s of fieldScalars(ctx, FIELDS)) {
      if (!MAYBE.test(s.text)) continue;
      const quoted = s.field !== 'response' && s.field !== 'examples.output';
      scanRegex(PLACEHOLDER, s.text, 100, (m) => {
        if (m[1] !== undefined && m[1] !== m[1].toUpperCase()) return;
        if (
          m[1] !== undefined &&
          (spokenOf(s.text, m.index, m[0].length) || shouted(s.text, m.index))
        )
          return;
        const shown = m[0].replace(/\s+/g, ' ');
        // XXX in a prompt or passage is as often a redaction in quoted text ("Hi, XXX.") as
        // a gap: the rule cannot tell, so it says so quietly.
        const redaction = quoted && /^x+$/i.test(m[1] ?? '');
        ctx.report({
          ...ctx.span(s.node, m.index, m.index + m[0].length),
          message: redaction
            ? `"${shown}" in ${fieldLabel(s.field)}: a redaction in quoted text, or a gap to fill?`
            : `Placeholder "${shown}" in ${fieldLabel(s.field)}: write the real text.`,
          severity: redaction ? 'info' : undefined,
        });
      });
    }
  },
};
