import { strict as assert } from 'node:assert';
import { computeCoverage } from '../../../src/core/coverage';
import { formatCoverageCsv } from '../../../src/core/coverage-format';
import { parseSft } from '../../../src/core/parse/parse';
import { WorkspaceIndex } from '../../../src/core/workspace/index';
import { guidelinesFrom } from '../helpers';

describe('coverage CSV', () => {
  it('quotes commas, quotes and line breaks, and never starts a cell with a formula', () => {
    const g = guidelinesFrom('sft-guidelines: 1\n');
    const ix = new WorkspaceIndex();
    ix.setFile(
      'a.sft.yaml',
      parseSft(
        'sft: 1\npairs:\n' +
          '  - id: a\n    author: \'=HYPERLINK("x")\'\n    prompt: Hi.\n    response: Yes.\n' +
          '  - id: b\n    author: "ann, \\"the\\"\\nwriter"\n    prompt: Hi.\n    response: Yes.\n',
      ),
      g,
    );
    const csv = formatCoverageCsv([
      { guidelines: 'g,1.yaml', files: ['a.sft.yaml'], coverage: computeCoverage(ix.pairs(), g) },
    ]);
    const rows = csv.split('\r\n').filter((l) => l.includes(',author,'));
    assert.deepEqual(rows, [
      '"g,1.yaml",author,"\'=HYPERLINK(""x"")",1,50.0%,,,',
      '"g,1.yaml",author,"ann, ""the""\nwriter",1,50.0%,,,',
    ]);
  });
});
