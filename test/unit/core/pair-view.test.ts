import { strict as assert } from 'node:assert';
import { isMap, isSeq } from 'yaml';
import { defaultGuidelines } from '../../../src/core/guidelines';
import { parseSft, updateSft, type SftFileModel } from '../../../src/core/parse/parse';
import {
  pairView,
  defaultFieldViews,
  pairViewAt,
  pairViews,
  type PairView,
} from '../../../src/core/parse/pair-view';

const g = defaultGuidelines();

const FILE = [
  'sft: 1',
  'defaults:',
  '  language: en',
  '  task: open_qa',
  'pairs:',
  '  - id: a-1',
  '    task: closed_qa',
  '    traits: [persona, constraints]',
  '    context: |',
  '      The leaflet says two tablets.',
  '    prompt: |',
  '',
  '      How many tablets   does the leaflet give?',
  '      Say it briefly.',
  '    response: Two.',
  '    prompt_length: short',
  '    # sft-ignore repetition: quoted on purpose',
  '',
  '  # a comment before the next pair',
  '  - prompt: "Name a river"',
  '    response: The Tagus.',
  '',
].join('\n');

/** What a view says, as plain data with every range read back as text (functions evaluated). */
function readable(text: string, v: PairView): unknown {
  const at = (s: { start: number; end: number } | undefined) =>
    s ? text.slice(s.start, s.end) : undefined;
  return {
    index: v.index,
    id: v.id,
    name: v.name,
    range: at(v.range),
    dash: text[v.dash],
    idRange: at(v.idRange),
    annotations: v.annotations,
    traits: v.traits,
    declaredLength: v.declaredLength,
    preview: v.preview,
    promptRange: at(v.promptRange),
    silenced: v.silenced,
    contentHash: v.contentHash,
    promptText: v.promptText(),
    counts: v.counts(g),
    fields: v.fields.map((f) => ({
      key: at(f.keyRange),
      value: at(f.valueRange),
      entry: at(f.entryRange),
      items: f.items.map((i) => [i.text, at(i.range)]),
    })),
  };
}

/** Views and header of a model, compared between an incremental update and a whole parse. */
function snapshot(m: SftFileModel): unknown {
  const root = m.doc.contents;
  return {
    views: pairViews(m).map((v) => readable(m.text, v)),
    offsets: pairViews(m).map((v) => [
      v.range,
      v.dash,
      v.idRange,
      v.promptRange,
      v.fields.map((f) => [f.keyRange, f.valueRange, f.entryRange, f.items.map((i) => i.range)]),
    ]),
    header: m.header.map((f) => [f.key, f.span, f.keyNode.range]),
    pairsField: m.pairsField?.span,
    seqRange: m.pairsSeq?.range,
    rootRange: root?.range,
    kinds: [isMap(root), isSeq(m.pairsSeq), isSeq(m.pairsField?.value)],
    docRange: m.doc.range,
  };
}

describe('pair view', () => {
  it('projects each pair in document offsets: id, place, effective annotations, preview, fields', () => {
    const m = parseSft(FILE);
    const [a, b] = pairViews(m);
    assert.deepEqual(readable(FILE, a), {
      index: 0,
      id: 'a-1',
      name: 'a-1',
      dash: '-',
      idRange: 'a-1',
      // Comment lines up to the next pair are the pair's (as its slice, and pairSpan, have them).
      range: FILE.slice(
        FILE.indexOf('- id: a-1') - 2,
        FILE.indexOf('next pair') + 'next pair'.length,
      ),
      annotations: { task: 'closed_qa', language: 'en' },
      traits: ['persona', 'constraints'],
      declaredLength: 'short',
      preview: 'How many tablets does the leaflet give?',
      promptRange: FILE.slice(FILE.indexOf('|\n\n      How'), FILE.indexOf('    response: Two.')),
      silenced: ['repetition'],
      contentHash: a.contentHash,
      promptText: '\nHow many tablets   does the leaflet give?\nSay it briefly.\n',
      counts: { promptWords: 15, bucket: 'short', responseWords: 1 },
      fields: [
        { key: 'id', value: 'a-1', entry: 'id: a-1', items: [['a-1', 'a-1']] },
        {
          key: 'task',
          value: 'closed_qa',
          entry: 'task: closed_qa',
          items: [['closed_qa', 'closed_qa']],
        },
        {
          key: 'traits',
          value: '[persona, constraints]',
          entry: 'traits: [persona, constraints]',
          items: [
            ['persona', 'persona'],
            ['constraints', 'constraints'],
          ],
        },
        {
          key: 'context',
          value: '|\n      The leaflet says two tablets.\n',
          entry: 'context: |\n      The leaflet says two tablets.\n',
          items: [['The leaflet says two tablets.\n', '|\n      The leaflet says two tablets.\n']],
        },
        {
          key: 'prompt',
          value: FILE.slice(FILE.indexOf('|\n\n      How'), FILE.indexOf('    response: Two.')),
          entry: FILE.slice(FILE.indexOf('prompt: |'), FILE.indexOf('    response: Two.')),
          items: [
            [
              '\nHow many tablets   does the leaflet give?\nSay it briefly.\n',
              FILE.slice(FILE.indexOf('|\n\n      How'), FILE.indexOf('    response: Two.')),
            ],
          ],
        },
        { key: 'response', value: 'Two.', entry: 'response: Two.', items: [['Two.', 'Two.']] },
        {
          key: 'prompt_length',
          value: 'short',
          entry: 'prompt_length: short',
          items: [['short', 'short']],
        },
      ],
    });
    assert.equal(b.name, '(pair 2, no id)');
    assert.deepEqual(
      b.annotations,
      { task: 'open_qa', language: 'en' },
      'defaults apply where the pair sets nothing',
    );
    assert.equal(FILE.slice(b.idRange.start, b.idRange.end), '-');
    assert.equal(FILE.slice(b.promptRange!.start, b.promptRange!.end), '"Name a river"');
    assert.equal(b.preview, 'Name a river');
    assert.deepEqual(
      defaultFieldViews(m).map((f) => [
        FILE.slice(f.keyRange.start, f.keyRange.end),
        f.items.map((i) => i.text),
      ]),
      [
        ['language', ['en']],
        ['task', ['open_qa']],
      ],
    );
  });

  it('is built once per parse', () => {
    const m = parseSft(FILE);
    assert.equal(pairViews(m), pairViews(m));
  });

  it('finds the pair at an offset; after the last pair, the last', () => {
    const m = parseSft(FILE);
    assert.equal(pairViewAt(m, FILE.indexOf('closed_qa'))?.id, 'a-1');
    assert.equal(pairViewAt(m, FILE.indexOf('The Tagus'))?.index, 1);
    assert.equal(pairViewAt(m, FILE.length)?.index, 1);
    assert.equal(pairViewAt(m, FILE.indexOf('defaults')), undefined);
  });

  it('after incremental updates, views, header and document read as a whole parse of the new text', () => {
    const edits = [
      { find: 'closed_qa', newText: 'extraction' },
      { find: 'two tablets', newText: 'three tablets, or four on a bad day' },
      { find: 'Two.', newText: 'T' },
      { find: 'The Tagus.', newText: 'The Douro, which runs through Porto.' },
      { find: 'persona, ', newText: '' },
    ];
    let m = parseSft(FILE);
    pairViews(m);
    for (const e of edits) {
      const start = m.text.indexOf(e.find);
      const next = updateSft(m, [{ start, end: start + e.find.length, newText: e.newText }]);
      assert.ok(next, `"${e.find}" is re-parsed incrementally`);
      m = next;
      assert.deepEqual(snapshot(m), snapshot(parseSft(m.text)), `after replacing "${e.find}"`);
    }
  });

  it('an incremental update refuses a file with a top-level key after the pairs (it would move)', () => {
    const text = `${FILE}extra: 1\n`;
    const m = parseSft(text);
    const start = text.indexOf('Two.');
    assert.equal(updateSft(m, [{ start, end: start + 1, newText: 'T' }]), undefined);
  });

  it("a preview is the prompt's first line with text, spaces folded, at most 60 characters", () => {
    const previews = (...prompts: string[]) =>
      pairViews(
        parseSft(`sft: 1\npairs:\n${prompts.map((p) => `  - prompt: ${p}\n`).join('')}`),
      ).map((v) => v.preview);
    assert.deepEqual(previews('|\n\n      Hello   there\n      second', 'x'.repeat(80), '""'), [
      'Hello there',
      `${'x'.repeat(59)}…`,
      '',
    ]);
    assert.deepEqual(
      pairViews(parseSft('sft: 1\npairs:\n  - id: a\n')).map((v) => v.preview),
      [''],
      'no prompt',
    );
  });

  it("one pair's view is the object the list of views holds, whichever is asked for first", () => {
    const text = 'sft: 1\npairs:\n  - id: a\n    prompt: A?\n  - id: b\n    prompt: B?\n';
    const first = parseSft(text);
    const b = pairView(first, first.pairs[1]);
    assert.equal(b.id, 'b');
    assert.equal(pairViews(first)[1], b, 'the list takes the view made before it');
    assert.equal(pairView(first, first.pairs[0]), pairViews(first)[0]);
    const second = parseSft(text);
    const all = pairViews(second);
    assert.equal(pairView(second, second.pairs[1]), all[1], 'and the view takes the list');
  });
});
