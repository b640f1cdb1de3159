import { strict as assert } from 'node:assert';
import { defaultExportName, EXPORT_FORMATS, isExportFormat } from '../../../src/core/export/index';

describe('export format names', () => {
  it('isExportFormat accepts exactly the format ids', () => {
    assert.deepEqual(EXPORT_FORMATS.filter(isExportFormat), [...EXPORT_FORMATS]);
    assert.deepEqual(
      ['OpenAI', 'csv', '', ' jsonl', undefined, 3, ['jsonl']].filter(isExportFormat),
      [],
    );
  });

  it("defaultExportName is <folder>-<format> with the format's extension, the folder made file-safe", () => {
    assert.equal(defaultExportName('batch-3', 'openai'), 'batch-3-openai.jsonl');
    assert.equal(
      defaultExportName('Acme health / batch 3', 'alpaca'),
      'Acme-health-batch-3-alpaca.json',
    );
    assert.equal(defaultExportName(undefined, 'sharegpt'), 'sft-sharegpt.json');
    assert.equal(defaultExportName('', 'jsonl'), 'sft-jsonl.jsonl');
    assert.equal(defaultExportName('données', 'jsonl'), 'donn-es-jsonl.jsonl');
  });
});
