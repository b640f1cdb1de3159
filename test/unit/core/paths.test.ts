import { strict as assert } from 'node:assert';
import { sftStem, withSftExtension } from '../../../src/core/paths';
import { defaultIdPrefix } from '../../../src/core/export/guess';

describe('paths: pairs file names', () => {
  it('end in exactly one .sft.yaml, whatever a save dialog appended', () => {
    const cases: Array<[string, string]> = [
      ['/w/name.sft.yaml', '/w/name.sft.yaml'],
      ['/w/name.sft.yaml.sft.yaml', '/w/name.sft.yaml'],
      ['/w/name.sft.yaml.yaml', '/w/name.sft.yaml'],
      ['/w/name.yaml', '/w/name.sft.yaml'],
      ['/w/name.sft', '/w/name.sft.yaml'],
      ['/w/name.SFT.YML', '/w/name.sft.yaml'],
      ['/w/name', '/w/name.sft.yaml'],
      ['/w.sft.yaml/name', '/w.sft.yaml/name.sft.yaml'],
      ['/w/data.jsonl', '/w/data.jsonl.sft.yaml'],
      ['/w/my.sftish', '/w/my.sftish.sft.yaml'],
      ['C:\\data\\batch.sft.yaml.sft.yaml', 'C:\\data\\batch.sft.yaml'],
    ];
    for (const [path, want] of cases) assert.equal(withSftExtension(path), want, path);
  });

  it('the stem, and the id prefix from it, leave every .sft.yaml out', () => {
    assert.equal(sftStem('/w/name.sft.yaml.sft.yaml'), 'name');
    assert.equal(defaultIdPrefix('/w/name.sft.yaml.sft.yaml'), 'name');
    assert.equal(defaultIdPrefix('name.yaml.sft.yaml'), 'name');
  });
});
