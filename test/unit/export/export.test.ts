import * as assert from 'node:assert/strict';
import { parseSft } from '../../../src/core/parse/parse';
import {
  collectRecords,
  exportRecords,
  importRecords,
  recordsToSft,
  EXPORT_FORMATS,
} from '../../../src/core/export/index';
import { foldUser, unfoldUser } from '../../../src/core/export/layout';
import type { PairRecord } from '../../../src/core/export/record';

const FULL: PairRecord = {
  id: 'x-1',
  task: 'closed_qa',
  prompt_type: 'in_context',
  response_type: 'short_phrase',
  domain: 'science',
  language: 'en',
  traits: ['constraints'],
  status: 'review',
  prompt_length: 'short',
  author: 'a',
  reviewer: 'b',
  system: 'Be exact.',
  context: 'Water boils at 100 °C at sea level.\n\nIt freezes at 0 °C.',
  examples: [{ input: 'Freezing point?', output: '0 °C' }],
  labels: ['yes', 'no'],
  prompt: 'Boiling point?',
  response: '100 °C',
  review: [{ by: 'b', note: 'ok', resolved: true }],
  tags: ['t1'],
};

describe('export: layout', () => {
  it('folds context, examples and prompt, and unfolds exactly', () => {
    const folded = foldUser(FULL);
    assert.equal(
      folded,
      '<context>\nWater boils at 100 °C at sea level.\n\nIt freezes at 0 °C.\n</context>\n\n<examples>\n<example>\n<input>\nFreezing point?\n</input>\n<output>\n0 °C\n</output>\n</example>\n</examples>\n\nBoiling point?',
    );
    assert.deepEqual(unfoldUser(folded), {
      context: FULL.context,
      examples: FULL.examples,
      prompt: 'Boiling point?',
    });
    assert.equal(foldUser({ prompt: 'Just this.' }), 'Just this.');
  });

  it('a text that only looks folded stays one prompt', () => {
    for (const text of [
      '<context>\nno end tag',
      '<context>\n\n</context>\n\nq',
      '<examples>\njunk\n</examples>\n\nq',
      '<context>\nc\n</context>\n\n',
    ]) {
      assert.deepEqual(unfoldUser(text), { prompt: text });
    }
  });
});

describe('export: records', () => {
  it('reads effective annotations from defaults, trims block-scalar newlines, skips pairs without text', () => {
    const model = parseSft(
      'sft: 1\ndefaults:\n  language: en\n  traits: [persona]\npairs:\n  - id: a\n    language: hi\n    prompt: |\n      Hello\n    response: Hi\n  - id: b\n    prompt: only a prompt\n',
    );
    const { records, skipped } = collectRecords([{ path: 'f.sft.yaml', model }]);
    assert.deepEqual(records, [
      {
        id: 'a',
        language: 'hi',
        traits: ['persona'],
        prompt: 'Hello',
        response: 'Hi',
        file: 'f.sft.yaml',
      },
    ]);
    assert.deepEqual(skipped, ['f.sft.yaml: pair b has no prompt or response text; left out']);
  });

  it('jsonl keeps every field through export, import and back to .sft.yaml', () => {
    const text = exportRecords([FULL], 'jsonl');
    const back = importRecords(text, 'jsonl');
    assert.deepEqual(back.problems, []);
    assert.deepEqual(back.records, [FULL]);
    const sftText = recordsToSft(back.records, { idPrefix: 'p' });
    const again = collectRecords([{ path: 'x', model: parseSft(sftText) }]).records.map(
      ({ file: _f, ...r }) => r,
    );
    assert.deepEqual(again, [FULL]);
    assert.match(sftText, /\n {4}context: \|-\n {6}Water boils/);
    assert.match(sftText, /\n {4}traits: \[constraints\]\n/);
  });

  for (const format of EXPORT_FORMATS) {
    it(`${format}: bad input never throws and says what was skipped`, () => {
      for (const input of [
        '',
        '{',
        '[1, 2]',
        'null',
        '{"messages": 3}\n[]',
        '[{"conversations": [{"from": "gpt"}]}]',
      ]) {
        const r = importRecords(input, format);
        assert.deepEqual(r.records, []);
      }
      assert.ok(importRecords('{', format).problems.length > 0);
    });
  }

  it('writes strings YAML would misread with quotes, and ids without clashes', () => {
    const text = recordsToSft(
      [
        { id: 'p-0001', prompt: 'null', response: '- dash' },
        { prompt: '#hash', response: 'key: value' },
      ],
      { idPrefix: 'p' },
    );
    const model = parseSft(text);
    assert.deepEqual(
      collectRecords([{ path: 'x', model }]).records.map((r) => [r.id, r.prompt, r.response]),
      [
        ['p-0001', 'null', '- dash'],
        ['p-0002', '#hash', 'key: value'],
      ],
    );
  });
});

describe('export: plain scalars as written', () => {
  const text = [
    'sft: 1',
    'defaults:',
    '  author: 007',
    '  tags: [2024, true]',
    'pairs:',
    '  - id: 0001',
    '    prompt: Pi to two places?',
    '    response: 3.10',
    '    labels: [1.0, 01]',
    '    system: false',
    '    examples:',
    '      - input: 0x10',
    '        output: 1e3',
    '    review:',
    '      - by: 42',
    '        note: .5',
    '',
  ].join('\n');

  it('exports every string field as the text written, not the number or boolean YAML reads', () => {
    const { records } = collectRecords([{ path: 'n.sft.yaml', model: parseSft(text) }]);
    assert.deepEqual(records[0], {
      id: '0001',
      author: '007',
      system: 'false',
      examples: [{ input: '0x10', output: '1e3' }],
      labels: ['1.0', '01'],
      prompt: 'Pi to two places?',
      response: '3.10',
      review: [{ by: '42', note: '.5' }],
      tags: ['2024', 'true'],
      file: 'n.sft.yaml',
    });
    for (const format of EXPORT_FORMATS) {
      const out = exportRecords(records, format);
      assert.ok(out.includes('"3.10"'), `${format}: ${out}`);
      assert.equal(importRecords(out, format).records[0].response, '3.10');
    }
  });
});

describe('import: what a pair cannot carry is refused by name, never dropped', () => {
  const line = (o: unknown): string => JSON.stringify(o) + '\n';
  const user = { role: 'user', content: 'Hi?' };
  const assistant = { role: 'assistant', content: 'Hello.' };

  it('openai: weight 0, tools, the developer role and other message keys skip the record', () => {
    const text = [
      { messages: [user, { ...assistant, weight: 0 }] },
      { messages: [user, assistant], tools: [{ type: 'function' }] },
      { messages: [{ role: 'developer', content: 'Be brief.' }, user, assistant] },
      { messages: [user, { ...assistant, name: 'bot' }] },
      { messages: [user, { ...assistant, weight: 1 }], metadata: { batch: 3 } },
    ]
      .map(line)
      .join('');
    const { records, problems } = importRecords(text, 'openai');
    assert.deepEqual(problems, [
      'line 1: message 2 has "weight": 0 (not trained on), which a pair cannot carry; skipped',
      'line 2: "tools" (a conversation with tools) cannot be carried by a pair; skipped',
      'line 3: message 1 has role "developer", which a pair cannot carry (only "system"); skipped',
      'line 4: message 2 has "name", which a pair cannot carry; skipped',
      'line 5: unknown key "metadata"; left out',
    ]);
    assert.deepEqual(records, [{ prompt: 'Hi?', response: 'Hello.' }]);
  });

  it('alpaca: a history of earlier turns skips the record; an empty one is fine; other keys noted', () => {
    const item = { instruction: 'Hi?', input: '', output: 'Hello.' };
    const text = JSON.stringify([
      { ...item, history: [['Before?', 'Yes.']] },
      { ...item, history: [] },
      { ...item, category: 'greeting' },
    ]);
    const { records, problems } = importRecords(text, 'alpaca');
    assert.deepEqual(problems, [
      'item 1: "history" (earlier turns) cannot be carried by a pair; skipped',
      'item 3: unknown key "category"; left out',
    ]);
    assert.equal(records.length, 2);
  });
});
