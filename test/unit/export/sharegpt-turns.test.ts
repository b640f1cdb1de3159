/** ShareGPT import: what a turn carries besides `from` and `value` is refused or noted by name. */
import { strict as assert } from 'node:assert';
import { importRecords } from '../../../src/core/export/index';

const human = { from: 'human', value: 'Hi?' };
const gpt = { from: 'gpt', value: 'Hello.' };
const read = (...conversations: unknown[][]) =>
  importRecords(JSON.stringify(conversations.map((c) => ({ conversations: c }))), 'sharegpt');

describe('import: ShareGPT turn keys', () => {
  it('a training mark that changes what is trained on skips the record, naming turn and key', () => {
    const { records, problems } = read(
      [human, { ...gpt, weight: 0 }],
      [{ ...human, weight: 1 }, gpt],
      [{ from: 'system', value: 'Be brief.', training: true }, human, gpt],
      [human, { ...gpt, training: false }],
      [human, { ...gpt, weight: 0.5 }],
    );
    assert.deepEqual(problems, [
      'item 1: turn 2 has "weight": 0 (not trained on), which a pair cannot carry; skipped',
      'item 2: turn 1 has "weight": 1 (trained on), which a pair cannot carry; skipped',
      'item 3: turn 1 has "training": true (trained on), which a pair cannot carry; skipped',
      'item 4: turn 2 has "training": false (not trained on), which a pair cannot carry; skipped',
      'item 5: turn 2 has "weight": 0.5, which a pair cannot carry; skipped',
    ]);
    assert.deepEqual(records, []);
  });

  it('tool calls on a turn skip the record', () => {
    const call = [{ type: 'function', function: { name: 'f', arguments: '{}' } }];
    const { records, problems } = read(
      [human, { ...gpt, tool_calls: call }],
      [human, { ...gpt, function_call: { name: 'f' } }],
    );
    assert.deepEqual(problems, [
      'item 1: turn 2 has "tool_calls" (tool use), which a pair cannot carry; skipped',
      'item 2: turn 2 has "function_call" (tool use), which a pair cannot carry; skipped',
    ]);
    assert.deepEqual(records, []);
  });

  it('marks that agree with a pair are kept quietly; other turn keys are noted and left out', () => {
    const { records, problems } = read(
      [
        { ...human, weight: 0 },
        { ...gpt, weight: 1, training: true },
      ],
      [
        { ...human, name: 'priya' },
        { ...gpt, name: 'bot', loss: true },
      ],
    );
    assert.deepEqual(problems, [
      'item 2, turn 1: unknown key "name"; left out',
      'item 2, turn 2: unknown key "name"; left out',
      'item 2, turn 2: unknown key "loss"; left out',
    ]);
    assert.deepEqual(records, [
      { prompt: 'Hi?', response: 'Hello.' },
      { prompt: 'Hi?', response: 'Hello.' },
    ]);
  });
});
