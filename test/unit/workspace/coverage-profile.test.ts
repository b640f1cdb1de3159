import { strict as assert } from 'node:assert';
import { defaultGuidelines } from '../../../src/core/guidelines';
import { parseSft } from '../../../src/core/parse/parse';
import { indexFile } from '../../../src/core/workspace/index';
import { coverageProfile } from '../../../src/core/workspace/coverage-profile';
import { cleanPair, sftFile } from '../helpers';

const profileOf = (text: string) =>
  coverageProfile(indexFile('f.sft.yaml', parseSft(text), defaultGuidelines()).pairs);

describe('coverage profile', () => {
  const base = sftFile(cleanPair('a-1'), cleanPair('a-2', 'traits: [persona]\n'));

  it('does not change with text coverage does not count: prompts, ids, comments', () => {
    const edited = base
      .replace('Why is the sky blue', 'Why is the sea blue')
      .replace('a-2', 'b-9')
      .replace('pairs:\n', 'pairs:\n  # batch 3\n');
    assert.notEqual(edited, base);
    assert.equal(profileOf(edited), profileOf(base));
  });

  it('changes with every coverage value: an annotation, a trait, the defaults, a counted bucket', () => {
    const variants = [
      base.replace('task: open_qa', 'task: extraction'),
      base.replace('traits: [persona]', 'traits: [persona, constraints]'),
      base.replace('sft: 1\n', 'sft: 1\ndefaults:\n  author: priya\n'),
      base.replace('Why is the sky blue on a clear day?', `${'word '.repeat(120)}?`),
      base.replace('status: draft', 'status: approved'),
    ];
    const profiles = new Set([profileOf(base), ...variants.map(profileOf)]);
    assert.equal(profiles.size, variants.length + 1);
  });

  it('tells apart the same values in other pairs, keys or numbers of pairs', () => {
    const one = sftFile(cleanPair('a-1', 'author: sam\n'), cleanPair('a-2'));
    const other = sftFile(cleanPair('a-1'), cleanPair('a-2', 'author: sam\n'));
    assert.notEqual(profileOf(one), profileOf(other));
    assert.notEqual(
      profileOf(sftFile(cleanPair('a-1'))),
      profileOf(sftFile(cleanPair('a-1'), cleanPair('a-2'))),
    );
    assert.equal(coverageProfile([]), 0x811c9dc5);
  });
});
