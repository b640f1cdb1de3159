import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseSft } from '../../../src/core/parse/parse';
import {
  collectRecords,
  exportRecords,
  importRecords,
  recordsToSft,
  EXPORT_FORMATS,
} from '../../../src/core/export/index';
import type { PairRecord } from '../../../src/core/export/record';

/** Pieces that trip writers and readers: edge whitespace, NBSP, U+3000, CRLF, tabs, controls, emoji, RTL. */
const PIECES = [
  ' ',
  '  ',
  '\t',
  '\u00a0',
  '\u3000',
  '\n',
  '\n\n',
  '\r\n',
  '\r',
  '\u0001',
  '\u007f',
  '\u0085',
  '\u2028',
  '\ufeff',
  '😀',
  '👩‍💻',
  'مرحبا',
  'שלום',
  '\u200f',
  '#',
  ': ',
  '- ',
  '"',
  "'",
  '|',
  '>',
  '\\',
  'word',
  'Two words.',
  '3.10',
  'null',
  '<context>',
];

/** A non-empty text from the pieces (a text field with nothing in it is no pair). */
const tricky = fc
  .array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join(''))
  .filter((s) => s.trim() !== '');

/** Export `record` through `.sft.yaml` and a format and back: import, write, parse, export again. */
function viaSft(record: PairRecord, format: (typeof EXPORT_FORMATS)[number]): PairRecord {
  const first = importRecords(exportRecords([record], format), format);
  assert.deepEqual(first.problems, []);
  const sft = recordsToSft(first.records, { idPrefix: 'p' });
  const model = parseSft(sft);
  const { records } = collectRecords([{ path: 'x.sft.yaml', model }]);
  assert.equal(records.length, 1, sft);
  return records[0];
}

describe('export then import: every text field back byte for byte (property)', () => {
  for (const format of EXPORT_FORMATS)
    it(`${format}`, () => {
      fc.assert(
        fc.property(tricky, tricky, tricky, (prompt, response, system) => {
          const record: PairRecord = { prompt, response, system };
          const back = viaSft(record, format);
          assert.deepEqual(
            { prompt: back.prompt, response: back.response, system: back.system },
            record,
          );
        }),
        { seed: 9, numRuns: 200 },
      );
    });
});

describe('plain JSONL: every text of a full record back byte for byte (property)', () => {
  it('context, examples, review notes, labels', () => {
    fc.assert(
      fc.property(
        fc.array(tricky, { minLength: 8, maxLength: 8 }),
        ([prompt, response, context, input, output, note, label, system]) => {
          const record: PairRecord = {
            id: 'p-0001',
            system,
            context,
            examples: [{ input, output }],
            labels: [label],
            prompt,
            response,
            review: [{ by: 'kim', note }],
          };
          const { file: _file, ...back } = viaSft(record, 'jsonl');
          assert.deepEqual(back, record);
        },
      ),
      { seed: 9, numRuns: 200 },
    );
  });
});
