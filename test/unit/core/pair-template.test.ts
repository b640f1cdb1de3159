import { strict as assert } from 'node:assert';
import { parseDocument } from 'yaml';
import { CLOSED_ANNOTATIONS, DEFAULT_DOMAINS, TRAITS } from '../../../src/core/annotations';
import { defaultGuidelines, type Guidelines } from '../../../src/core/guidelines';
import type { DocumentEdit } from '../../../src/core/edit/document-edit';
import { plan as planEdit } from '../../../src/core/edit/plan';
import { writePair } from '../../../src/core/edit/pair-writer';
import { insertPairIntent, newFileHeader, newPairFields } from '../../../src/core/pair-template';
import { parseSft } from '../../../src/core/parse/parse';
import { guidelinesFrom, lint } from '../helpers';

/** The editor's vocabulary, as far as these tests need it. */
function choicesOf(key: string): readonly string[] | undefined {
  if (key === 'domain') return DEFAULT_DOMAINS.map((d) => d.value);
  if (key === 'language') return ['en', 'hi'];
  if (key === 'traits') return TRAITS.map((t) => t.value);
  return (CLOSED_ANNOTATIONS as Record<string, readonly { value: string }[]>)[key]?.map(
    (v) => v.value,
  );
}

/** The text a snippet inserts when every tab stop keeps its default (a choice its first value). */
function resolve(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|((?:\\.|[^\\,|])*)(?:,(?:\\.|[^\\|])*)?\|\}/g, (_, first: string) => first)
    .replace(/\$\{\d+\}|\$0/g, '')
    .replace(/\\([\\$}])/g, '$1');
}

function plan(
  text: string,
  offset?: number,
  guidelines: Guidelines = defaultGuidelines(),
  id = 'new-0001',
): DocumentEdit {
  const model = parseSft(text);
  const p = planEdit(model, insertPairIntent(model, { offset, guidelines, id, choicesOf }));
  assert.ok(!p.refused, `refused: ${p.refused}`);
  assert.equal(p.edits.length, 1, 'one edit');
  return p.edits[0];
}

/**
 * The text after the plan, checking that the snippet and the plain text agree (but for the
 * snippet's caret lines in the empty texts) and that the text writes no line of spaces.
 */
function apply(text: string, p: DocumentEdit): string {
  assert.doesNotMatch(p.newText, /^[ \t]+\r?$/m, 'no line of only spaces');
  const caretLines = /\r?\n +(?=\r?\n|$)/g;
  assert.equal(resolve(p.snippet ?? '').replace(caretLines, ''), p.newText, 'snippet and text');
  return text.slice(0, p.start) + p.newText + text.slice(p.end);
}

const BODY = (indent: string) =>
  [
    `${indent}- id: new-0001`,
    `${indent}  task: generation`,
    `${indent}  prompt_type: instructive`,
    `${indent}  response_type: one_word`,
    `${indent}  domain: business`,
    `${indent}  language: en`,
    `${indent}  prompt: |`,
    `${indent}  response: |`,
    '',
  ].join('\n');

describe('pair template', () => {
  it('asks for every required annotation the defaults do not set, then prompt and response', () => {
    const keys = (defaults: string[], g = defaultGuidelines()) =>
      newPairFields('x-1', g, new Set(defaults), choicesOf).map((f) => `${f.key}:${f.kind}`);
    assert.deepEqual(keys([]), [
      'id:value',
      'task:choice',
      'prompt_type:choice',
      'response_type:choice',
      'domain:choice',
      'language:choice',
      'prompt:text',
      'response:text',
    ]);
    assert.deepEqual(keys(['domain', 'language']), [
      'id:value',
      'task:choice',
      'prompt_type:choice',
      'response_type:choice',
      'prompt:text',
      'response:text',
    ]);
    const g = guidelinesFrom(
      'sft-guidelines: 1\nannotations:\n  required: [id, task, status, author, prompt_length]\n',
    );
    assert.deepEqual(keys([], g), [
      'id:value',
      'task:choice',
      'status:choice',
      'prompt:text',
      'response:text',
      'author:free',
    ]);
  });

  it('numbers the tab stops in the order a writer fills a pair: annotations, prompt, response', () => {
    const g = guidelinesFrom('sft-guidelines: 1\nannotations:\n  required: [id, task, author]\n');
    const { snippet } = writePair(newPairFields('x-1', g, new Set(), choicesOf), {
      indent: 2,
      keyOffset: 2,
      eol: '\n',
    });
    assert.equal(
      snippet,
      [
        '  - id: x-1',
        `    task: \${1|${CLOSED_ANNOTATIONS.task.map((t) => t.value).join(',')}|}`,
        '    prompt: |',
        '      ${3}',
        '    response: |',
        '      ${4}$0',
        '    author: ${2}',
        '',
      ].join('\n'),
    );
  });

  it('in an empty file writes the header first, from line 1', () => {
    for (const text of ['', '\n', '  \n\n']) {
      const p = plan(text);
      assert.equal(apply(text, p), `sft: 1\npairs:\n${BODY('  ')}`);
    }
    // Comments only: they stay above.
    assert.equal(
      apply('# batch 4\n', plan('# batch 4\n')),
      `# batch 4\nsft: 1\npairs:\n${BODY('  ')}`,
    );
  });

  it('adds `pairs:` to a header without it, leaving out what defaults set', () => {
    const text = 'sft: 1\ndefaults:\n  language: en\n  domain: general';
    const out = apply(text, plan(text));
    assert.equal(out, `${text}\npairs:\n${BODY('  ').replace(/^ *(domain|language): .*\n/gm, '')}`);
  });

  it('fills an empty `pairs:` and replaces `[]`, keeping a comment on the line', () => {
    assert.equal(
      apply('sft: 1\npairs:\n', plan('sft: 1\npairs:\n')),
      `sft: 1\npairs:\n${BODY('  ')}`,
    );
    assert.equal(apply('sft: 1\npairs:', plan('sft: 1\npairs:')), `sft: 1\npairs:\n${BODY('  ')}`);
    const flow = 'sft: 1\npairs: []  # none yet\n';
    assert.equal(
      apply(flow, plan(flow)),
      `sft: 1\npairs:  # none yet\n${BODY('  ').slice(0, -1)}\n`,
    );
  });

  it('the new pair lints with nothing missing, only its empty prompt and response', () => {
    const out = apply('', plan(''));
    const pair = parseDocument(out).toJS().pairs[0];
    assert.deepEqual([pair.prompt, pair.response], ['', ''], 'empty blocks read as empty texts');
    assert.deepEqual(
      lint(out)
        .map((p) => p.rule)
        .sort(),
      ['empty-field', 'empty-field'],
    );
  });

  const FILE = [
    'sft: 1',
    'pairs:',
    '  - id: a-0001',
    '    prompt: One',
    '    response: Uno',
    '    # sft-ignore repetition: belongs to a-0001',
    '  # The next pair is about colours.',
    '  - id: a-0002',
    '    prompt: Two',
    '    response: Dos',
    '',
  ].join('\n');

  it('goes after the pair under the cursor, before the comment that leads the next pair', () => {
    const at = FILE.indexOf('Uno');
    const out = apply(FILE, plan(FILE, at));
    assert.equal(out, FILE.replace('  # The next pair', `${BODY('  ')}  # The next pair`));
    const model = parseSft(out);
    assert.deepEqual(
      model.pairs.map((p) => p.id),
      ['a-0001', 'new-0001', 'a-0002'],
    );
    // The cursor in the comment lines between two pairs counts as the pair above.
    assert.equal(apply(FILE, plan(FILE, FILE.indexOf('# The next'))), out);
  });

  it('after the last pair, and after the last pair when the cursor is in the header', () => {
    const end = `${FILE}${BODY('  ')}`;
    assert.equal(apply(FILE, plan(FILE, FILE.indexOf('Dos'))), end);
    assert.equal(apply(FILE, plan(FILE, 0)), end);
    assert.equal(apply(FILE, plan(FILE)), end);
  });

  it("keeps the writer's layout: blank lines between pairs, indentation, CRLF, no final line break", () => {
    const spaced =
      'sft: 1\npairs:\n- id: a-0001\n  prompt: One\n  response: Uno\n\n- id: a-0002\n  prompt: Two\n  response: Dos\n';
    assert.equal(
      apply(spaced, plan(spaced, 20)),
      spaced.replace('\n\n- id: a-0002', `\n\n${BODY('')}\n- id: a-0002`),
    );
    assert.equal(apply(spaced, plan(spaced)), `${spaced}\n${BODY('')}`);
    const crlf = FILE.replace(/\n/g, '\r\n');
    assert.equal(apply(crlf, plan(crlf)), `${crlf}${BODY('  ').replace(/\n/g, '\r\n')}`);
    const open = FILE.slice(0, -1);
    const p = plan(open);
    assert.equal(p.start, open.lastIndexOf('\n') + 1, 'rewrites the last line from its start');
    assert.equal(apply(open, p), `${FILE}${BODY('  ')}`);
  });

  it('a snippet escapes what it writes literally', () => {
    const text = 'sft: 1\npairs:\n  - id: a\n    prompt: costs $5 {x}\n    response: ok';
    const p = plan(text);
    assert.ok(p.snippet!.startsWith('    response: ok\n'), p.snippet!.slice(0, 30));
    const cost = 'sft: 1\npairs:\n  - id: a\n    response: costs $5 }';
    assert.ok(plan(cost).snippet!.startsWith('    response: costs \\$5 \\}\n'));
  });

  it('refuses pairs written as a flow list, or a `pairs:` that is no list', () => {
    for (const text of [
      'sft: 1\npairs: [{id: a, prompt: p, response: r}]\n',
      'sft: 1\npairs: none\n',
    ]) {
      const model = parseSft(text);
      const p = planEdit(
        model,
        insertPairIntent(model, { guidelines: defaultGuidelines(), id: 'x', choicesOf }),
      );
      assert.ok(p.refused && !p.edits.length, text);
    }
  });
});

describe('new file header', () => {
  it('sets the language in defaults when the guidelines allow one, then Insert Pair leaves it out', () => {
    assert.equal(newFileHeader(defaultGuidelines()), 'sft: 1\ndefaults:\n  language: en\npairs:\n');
    const hi = guidelinesFrom('sft-guidelines: 1\nannotations:\n  languages: [hi]\n');
    assert.equal(newFileHeader(hi), 'sft: 1\ndefaults:\n  language: hi\npairs:\n');
    const two = guidelinesFrom('sft-guidelines: 1\nannotations:\n  languages: [en, hi]\n');
    assert.equal(newFileHeader(two), 'sft: 1\npairs:\n');
    const header = newFileHeader(defaultGuidelines());
    const out = apply(header, plan(header));
    assert.doesNotMatch(out, /^ {4}language:/m);
    assert.deepEqual(
      lint(out).map((p) => p.rule),
      ['empty-field', 'empty-field'],
    );
  });
});

describe('a new pair with given values (a coverage work-list item)', () => {
  it('writes them in the format key order instead of asking, and leaves to defaults what they say', () => {
    const text = 'sft: 1\ndefaults:\n  language: en\n  domain: general\npairs:\n';
    const model = parseSft(text);
    const p = planEdit(
      model,
      insertPairIntent(model, {
        guidelines: defaultGuidelines(),
        id: 'new-0001',
        choicesOf,
        values: {
          task: 'summarization',
          prompt_length: 'long',
          traits: ['persona'],
          domain: 'general',
          language: 'hi',
        },
      }),
    );
    assert.ok(!p.refused, p.refused);
    const out = apply(text, p.edits[0]);
    assert.equal(
      out.slice(text.length),
      [
        '  - id: new-0001',
        '    task: summarization',
        '    prompt_type: instructive',
        '    response_type: one_word',
        '    language: hi',
        '    traits: [persona]',
        // Empty blocks, with no line of spaces (the snippet keeps its caret lines).
        '    prompt: |',
        '    response: |',
        '    prompt_length: long',
        '',
      ].join('\n'),
    );
    // The given values are not tab stops: only the choices still asked for and the texts are.
    assert.doesNotMatch(p.edits[0].snippet ?? '', /\$\{\d+\|summarization/);
  });
});
