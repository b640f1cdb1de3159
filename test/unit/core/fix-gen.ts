/**
 * Generated `.sft.yaml` files for the fix property test: pairs whose fields carry what the
 * rules fix (banned phrases, personal data, doubled words, trailing spaces, invisible and
 * look-alike characters, near-miss
 * annotation values and keys, missing ids, misspelt silences...) in every scalar style, with
 * comments, unicode and CRLF. Each scalar is written so the file parses; the test checks the
 * generated file parses before it trusts it.
 */
import fc from 'fast-check';
import { parseDocument } from 'yaml';

/** Pieces of prose, chosen to put indicators, escapes and rule triggers where fixes cut. */
const PIECES = [
  'the',
  'mitochondria',
  'makes',
  'energy',
  'a cell uses',
  'I think',
  'so',
  'Yes',
  'no',
  '42',
  'null',
  'true',
  'As an AI language model',
  'As an AI language model,',
  'as an AI,',
  'I hope this helps',
  'I hope this helps!',
  'Certainly! Here is',
  'I cannot browse the internet.',
  'my knowledge cutoff',
  'jane.doe@acme.io',
  'call 555-867-5309',
  '4539 1488 0343 6467',
  'GB82 WEST 1234 5698 7654 32',
  '93.184.216.34',
  'the the',
  'very very',
  'x, y',
  'a: b',
  'a:b',
  'a #b',
  'a#b',
  '- dash',
  '? q',
  ': c',
  '[x]',
  '{y}',
  '&anchor',
  '*star',
  '!bang',
  '|pipe',
  '>gt',
  "'quote'",
  '"dq"',
  '%pct',
  '@at',
  '`tick`',
  'back\\slash',
  'tab\there',
  '😀',
  'שלום',
  'مرحبا',
  '日本語の文',
  'é',
  'Café\u0301',
  'for\u200becast',
  'soft\u00adhyphen',
  'p\u0430ypal',
  'one\u2028two',
  'rtl\u202eoverride',
  '...',
  '—',
  ',',
  '.',
  ':',
  '#',
];

const WORD_JOIN = [' ', ' ', ' ', ', ', '. ', ': ', ' - '];

/** A line of prose (no line breaks). */
export const proseLine = fc
  .tuple(
    fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 7 }),
    fc.array(fc.constantFrom(...WORD_JOIN), { minLength: 7, maxLength: 7 }),
  )
  .map(([words, joins]) => words.map((w, i) => (i ? joins[i] : '') + w).join(''));

/** Lines of prose for block scalars, some indented further, some blank, some with trailing spaces. */
const blockLines = fc
  .array(fc.tuple(proseLine, fc.constantFrom('', '', '', '  ', 'blank', 'trail')), {
    minLength: 1,
    maxLength: 4,
  })
  .map((lines) =>
    lines.map(([l, kind]) => (kind === 'blank' ? '' : kind === 'trail' ? `${l}   ` : kind + l)),
  );

/** Whether `key: <source>` (at the given indentation) parses to a string, with no errors. */
function parsesAsString(source: string, indent: string): boolean {
  const doc = parseDocument(`${indent}k: ${source}\n`);
  if (doc.errors.length || doc.warnings.length) return false;
  try {
    return typeof (doc.toJS() as Record<string, unknown> | null)?.k === 'string';
  } catch {
    return false;
  }
}

/** `text` double-quoted, with é as the `\u00e9` escape, so escapes sit where fixes cut. */
function dq(text: string): string {
  return JSON.stringify(text)
    .replace(/\\u00e9/g, 'é')
    .replace(/é/g, '\\u00e9');
}

/** A text value in some style, as YAML source after `key:` (with the leading space), for a key at column `col`. */
export function textValue(col: number): fc.Arbitrary<string> {
  const I = ' '.repeat(col + 2);
  const pad = ' '.repeat(col);
  return fc.oneof(
    proseLine.map((l) => (parsesAsString(l, pad) ? ` ${l}` : ` ${dq(l)}`)),
    fc.tuple(proseLine, proseLine).map(([a, b]) => {
      const src = `${a}\n${I}${b}`;
      return parsesAsString(src, pad) ? ` ${src}` : ` ${dq(`${a} ${b}`)}`;
    }),
    proseLine.map((l) => (/[\t]/.test(l) ? ` ${dq(l)}` : ` '${l.replace(/'/g, "''")}'`)),
    fc.tuple(proseLine, proseLine).map(([a, b]) => ` ${dq(`${a}\n${b}`)}`),
    fc
      .tuple(proseLine, proseLine)
      .map(([a, b]) => ` "${dq(a).slice(1, -1)}\n${I}${dq(b).slice(1, -1)}"`),
    fc
      .tuple(fc.constantFrom('|', '>', '|-', '>-', '|+', '>+', '|2', '>2-'), blockLines)
      .map(([header, lines]) => {
        const explicit = /\d/.test(header);
        // Only an explicit indentation indicator lets the first line start with spaces.
        const body = lines
          .map((l, i) =>
            l
              ? `${I}${i === 0 ? (explicit ? ' ' : '') : ''}${(i === 0 && !explicit ? l.trimStart() : l).replace(/\t/g, ' ')}`
              : '',
          )
          .join('\n');
        return ` ${header}\n${body}${header.includes('+') ? '\n' : ''}`;
      }),
  );
}

/** An annotation value, sometimes a near miss, sometimes quoted or a block. */
function annotation(good: string[], near: string[], col: number): fc.Arbitrary<string> {
  const I = ' '.repeat(col + 2);
  return fc
    .tuple(
      fc.constantFrom(...good, ...near),
      fc.constantFrom('plain', 'plain', 'plain', 'dq', 'sq', 'block'),
      fc.boolean(),
    )
    .map(([v, style, comment]) => {
      const written =
        style === 'dq'
          ? `"${v}"`
          : style === 'sq'
            ? `'${v}'`
            : style === 'block'
              ? `|-\n${I}${v}`
              : v;
      return ` ${written}${comment && style !== 'block' ? ' # note' : ''}`;
    });
}

interface PairParts {
  lines: string[];
}

/** One pair's `- ...` item, keys at column 4. */
const pair: fc.Arbitrary<PairParts> = fc
  .record({
    id: fc.constantFrom(' hc-0001', ' hc-0002', '', ' ""', ' 0007', ' hc 01', 'none'),
    task: annotation(
      ['open_qa', 'closed_classification', 'summarization'],
      ['closd_qa', 'open-qa'],
      4,
    ),
    promptType: annotation(['instructive'], ['Instructive', 'instructiv'], 4),
    responseType: annotation(['descriptive', 'one_word'], ['sentence'], 4),
    domain: annotation(['science', 'healthcare'], ['helthcare', 'Science', 'astrology'], 4),
    language: annotation(['en', 'pt-BR'], ['English', 'pt_BR', 'fr', 'pt-PT'], 4),
    status: fc.constantFrom('approved', 'draft'),
    promptLength: fc.constantFrom('', ' short', ' long', ' mediun'),
    traits: fc.constantFrom(
      '',
      ' [persona, contraints]',
      '\n      - persona\n      - scene_seting',
      ' persona',
    ),
    tags: fc.constantFrom('', ' a, b', ' "one, two"', ' batch-3', ' 42'),
    labels: fc.constantFrom(
      '',
      ' [positive, negative]',
      ' [positive, very negative, "very, very"]',
      '\n      - positive\n      - "very negative"',
      '\n      - very\n      - negative',
    ),
    prompt: textValue(4),
    // Some answers a closed_classification fix can map onto a label, in several styles.
    response: fc.oneof(
      { weight: 4, arbitrary: textValue(4) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          ' Very negative!',
          ' "POSITIVE"',
          " 'Positive!'",
          ' |\n      Very negative!',
          ' >-\n      very  Negative',
          ' "  positive.  "',
        ),
      },
    ),
    system: fc.option(textValue(4), { nil: undefined }),
    example: fc.option(fc.tuple(textValue(8), textValue(8)), { nil: undefined }),
    review: fc.constantFrom(
      '',
      ' [{by: sam, note: fix it}]',
      '\n      - by: sam\n        note: The dose is wrong.\n        resolved: yes',
      '\n      - by: sam\n        note: |\n          Check this.\n',
    ),
    // Misspelt keys: a rename is offered only when the key it suggests is not there already.
    unknown: fc.constantFrom(
      '',
      '    promt: extra\n',
      '    autor: priya\n',
      '    reviwer: "sam"\n',
      '    tgs: [x]\n',
    ),
    comment: fc.constantFrom(
      '',
      '    # a comment line\n',
      '    # sft-ignore repetiton: the quote repeats on purpose\n',
      '    # sft-ignore formating: reason\n',
    ),
    order: fc.boolean(),
  })
  .map((p) => {
    const lines: string[] = [];
    const add = (key: string, v: string | undefined) => {
      if (v !== undefined && v !== 'none') lines.push(`${key}:${v}`);
    };
    if (p.id !== 'none') add('id', p.id);
    add('task', p.task);
    add('prompt_type', p.promptType);
    if (p.order) add('response_type', p.responseType);
    add('domain', p.domain);
    add('language', p.language);
    add('status', ` ${p.status}`);
    if (p.promptLength) add('prompt_length', p.promptLength);
    if (p.traits) add('traits', p.traits);
    if (p.tags) add('tags', p.tags);
    if (p.labels) add('labels', p.labels);
    if (p.system !== undefined) add('system', p.system);
    if (p.example)
      lines.push(`examples:\n      - input:${p.example[0]}\n        output:${p.example[1]}`);
    add('prompt', p.prompt);
    add('response', p.response);
    if (!p.order) add('response_type', p.responseType);
    if (p.review) add('review', p.review.replace(/\n$/, ''));
    const body = lines.map((l, i) => (i === 0 ? `  - ${l}` : `    ${l}`)).join('\n');
    return { lines: [`${body}\n${p.comment}${p.unknown}`] };
  });

/** A pair written as one flow map, with a flow list of examples: plain values there cannot hold `,[]{}`. */
const flowPair: fc.Arbitrary<PairParts> = fc
  .record({
    id: fc.constantFrom('id: fl-1, ', ''),
    prompt: proseLine,
    response: proseLine,
    input: proseLine,
    task: fc.constantFrom('open_qa', 'closd_qa'),
  })
  .map((p) => {
    const value = (t: string) => (parsesAsString(`[${t}]`, '') && !/[,[\]{}#]/.test(t) ? t : dq(t));
    return {
      lines: [
        `  - {${p.id}task: ${p.task}, prompt: ${value(p.prompt)}, examples: [{input: ${value(p.input)}, output: ok}], response: ${value(p.response)}}\n`,
      ],
    };
  });

/** A whole file: header (sometimes with defaults, sometimes without `sft: 1`), 1 or 2 pairs, LF or CRLF. */
export const sftFileText: fc.Arbitrary<string> = fc
  .record({
    header: fc.constantFrom('sft: 1\n', 'sft: 1 # version\n', '# no version\n', 'sft: "1"\n'),
    defaults: fc.constantFrom(
      '',
      'defaults:\n  language: en\n  domain: science\n',
      'defaults:\n  language: English\n  domain: helthcare\n',
      'defualts:\n  language: en\n',
    ),
    pairs: fc.array(fc.oneof({ weight: 5, arbitrary: pair }, { weight: 1, arbitrary: flowPair }), {
      minLength: 1,
      maxLength: 2,
    }),
    crlf: fc.boolean(),
    finalBreak: fc.boolean(),
  })
  .map((f) => {
    let text = `${f.header}${f.defaults}pairs:\n${f.pairs.map((p) => p.lines.join('')).join('')}`;
    if (!f.finalBreak) text = text.replace(/\n$/, '');
    return f.crlf ? text.replace(/\n/g, '\r\n') : text;
  });
