import { strict as assert } from 'node:assert';
import { defaultGuidelines } from '../../../src/core/guidelines';
import { parseSft } from '../../../src/core/parse/parse';
import { indexFile } from '../../../src/core/workspace/index';
import {
  coverageProfile,
  coverageProfileAfter,
} from '../../../src/core/workspace/coverage-profile';
import { WorkspaceIndex } from '../../../src/core/workspace/index';
import { updateSft } from '../../../src/core/parse/parse';
import type { TextEdit } from '../../../src/core/types';
import { CorpusGenerator, prng } from '../../../bench/corpus';
import { writerEdit } from '../core/parse-fast-gen';
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

  it('after an edit, worked out from the pairs before it, is the profile counted afresh', () => {
    const g = defaultGuidelines();
    let text = new CorpusGenerator(9).file('c', 40);
    let model = parseSft(text);
    const ix = new WorkspaceIndex();
    ix.setFile('c', model, g);
    let profile = coverageProfile(ix.entry('c')!.pairs);
    const r = prng(3);
    const tasks = ['open_qa', 'extraction', 'rewriting', 'brainstorming'];
    let changed = 0;
    for (let step = 0; step < 200; step++) {
      // An annotation set (coverage counts it) or a word typed or deleted (only a length bucket).
      const pair = model.pairs[Math.floor(r() * model.pairs.length)];
      const task = pair.fields.get('task')?.value?.range;
      const e: TextEdit =
        r() < 0.4 && task
          ? {
              start: pair.base + task[0],
              end: pair.base + task[1],
              newText: tasks[Math.floor(r() * tasks.length)],
            }
          : writerEdit(r, model);
      text = text.slice(0, e.start) + e.newText + text.slice(e.end);
      const next = updateSft(model, [e], text) ?? parseSft(text);
      const before = ix.entry('c')!.pairs;
      ix.setFile('c', next, g, model);
      const after = ix.entry('c')!.pairs;
      const worked = coverageProfileAfter(before, profile, after);
      assert.equal(worked, coverageProfile(after), `step ${step}`);
      if (worked !== profile) changed++;
      profile = worked;
      model = next;
    }
    assert.ok(changed > 30, `${changed} edits changed the profile`);
  });
});
