import * as assert from 'node:assert/strict';
import { exportRecords, importRecords, EXPORT_FORMATS } from '../../../src/core/export/index';
import type { PairRecord } from '../../../src/core/export/record';
import { defaultIdPrefix, guessFormat } from '../../../src/core/export/guess';

const RECORDS: PairRecord[] = [
  { id: 'g-1', task: 'open_qa', system: 'Be brief.', prompt: 'Why?', response: 'Because.' },
];

describe('export: guessFormat', () => {
  it('recognises what each format writes', () => {
    for (const format of EXPORT_FORMATS) {
      const name = `data${format === 'alpaca' || format === 'sharegpt' ? '.json' : '.jsonl'}`;
      assert.equal(guessFormat(name, exportRecords(RECORDS, format)), format, format);
    }
  });

  it('falls back on the file name, and gives up on text that says nothing', () => {
    assert.equal(guessFormat('x.jsonl', 'not json\n'), 'openai');
    assert.equal(guessFormat('x.json', '{ broken'), undefined);
    assert.equal(guessFormat('x.json', ''), undefined);
    assert.equal(guessFormat('x.json', '\uFEFF[{"instruction": "a", "output": "b"}]'), 'alpaca');
  });
});

describe('export: defaultIdPrefix', () => {
  it('takes the stem of a file name, or "pair"', () => {
    assert.equal(defaultIdPrefix('/w/batch-3.sft.yaml'), 'batch-3');
    assert.equal(defaultIdPrefix('C:\\data\\My Set.jsonl'), 'My-Set');
    assert.equal(defaultIdPrefix('.sft.yaml'), 'pair');
    assert.equal(defaultIdPrefix('???.json'), 'pair');
  });
});

describe('export: JSON errors', () => {
  it('name the line and column instead of a character offset', () => {
    const text = '[{"instruction": "Say hi", "output": "Hi"},\n  {"instruction": "broken"\n';
    const { records, problems } = importRecords(text, 'alpaca');
    assert.equal(records.length, 0);
    assert.equal(problems.length, 1);
    assert.match(problems[0], /^not valid JSON: .* at line 3, column 1$/);
    assert.doesNotMatch(problems[0], /position/);
  });
});
