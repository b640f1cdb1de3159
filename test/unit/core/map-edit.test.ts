import { strict as assert } from 'node:assert';
import { parseSft, updateSft } from '../../../src/core/parse/parse';
import {
  generateId,
  insertComment,
  removeField,
  setAnnotation,
  setDefault,
  setList,
  silencePair,
  toDocument,
} from '../../../src/core/edit/map-edit';
import { yamlScalar } from '../../../src/core/edit/scalar-write';
import type { TextEdit } from '../../../src/core/types';
import { applyEdits } from '../helpers';

/** Apply an edit function to pair `index` of `text` and return the new text (document offsets). */
function edit(
  text: string,
  index: number,
  fn: (pair: ReturnType<typeof parseSft>['pairs'][number]) => TextEdit[],
): string {
  const pair = parseSft(text).pairs[index];
  return applyEdits(text, toDocument(pair, fn(pair)));
}

const FILE = `sft: 1
pairs:
  - id: hc-0001
    # keep this comment
    prompt: |
      Hello
    response: Hi.   # trailing
  - id: hc-0002
    task: open_qa
    prompt: Second
    response: >
      Folded
      text
`;

describe('edits', () => {
  describe('setAnnotation', () => {
    it('replaces an existing value and nothing else', () => {
      assert.equal(
        edit(FILE, 1, (p) => setAnnotation(p, 'task', 'closed_qa')),
        FILE.replace('task: open_qa', 'task: closed_qa'),
      );
    });

    it('returns no edit when the value is already set', () => {
      const pair = parseSft(FILE).pairs[1];
      assert.deepEqual(setAnnotation(pair, 'task', 'open_qa'), []);
    });

    it('inserts after id, in canonical key order, at the key indent', () => {
      assert.equal(
        edit(FILE, 0, (p) => setAnnotation(p, 'task', 'open_qa')),
        FILE.replace('  - id: hc-0001\n', '  - id: hc-0001\n    task: open_qa\n'),
      );
      assert.equal(
        edit(FILE, 1, (p) => setAnnotation(p, 'domain', 'science')),
        FILE.replace('    task: open_qa\n', '    task: open_qa\n    domain: science\n'),
      );
    });

    it('inserts after a block scalar and after a value with a trailing comment', () => {
      assert.equal(
        edit(FILE, 1, (p) => setAnnotation(p, 'reviewer', 'sam')),
        `${FILE}    reviewer: sam\n`,
      );
      assert.equal(
        edit(FILE, 0, (p) => setAnnotation(p, 'prompt_length', 'short')),
        FILE.replace('# trailing\n', '# trailing\n    prompt_length: short\n'),
      );
    });

    it('inserts at the end of a file without a final line break', () => {
      const text = 'sft: 1\npairs:\n  - id: a\n    prompt: p\n    response: r';
      assert.equal(
        edit(text, 0, (p) => setAnnotation(p, 'author', 'priya')),
        `${text}\n    author: priya`,
      );
    });

    it('inserts id first, before the key on the dash line', () => {
      const text = 'sft: 1\npairs:\n  - task: open_qa\n    prompt: p\n';
      assert.equal(
        edit(text, 0, (p) => setAnnotation(p, 'id', 'a-1')),
        'sft: 1\npairs:\n  - id: a-1\n    task: open_qa\n    prompt: p\n',
      );
    });

    it('keeps CRLF line endings', () => {
      const text = FILE.replace(/\n/g, '\r\n');
      assert.equal(
        edit(text, 0, (p) => setAnnotation(p, 'task', 'open_qa')),
        text.replace('  - id: hc-0001\r\n', '  - id: hc-0001\r\n    task: open_qa\r\n'),
      );
    });

    it('fills an empty value and keeps its comment', () => {
      const text = 'sft: 1\npairs:\n  - id: a\n    task:\n    domain:   # pick one\n';
      assert.equal(
        edit(text, 0, (p) => setAnnotation(p, 'task', 'open_qa')),
        text.replace('task:\n', 'task: open_qa\n'),
      );
      assert.equal(
        edit(text, 0, (p) => setAnnotation(p, 'domain', 'law')),
        text.replace('domain:   # pick one', 'domain: law # pick one'),
      );
    });

    it('replaces a block scalar or a block list value on the key line', () => {
      const text =
        'sft: 1\npairs:\n  - id: a\n    author: |\n      priya\n    task:\n      - x\n    prompt: p\n';
      assert.equal(
        edit(text, 0, (p) => setAnnotation(p, 'author', 'sam')),
        text.replace('author: |\n      priya', 'author: sam'),
      );
      assert.equal(
        edit(text, 0, (p) => setAnnotation(p, 'task', 'open_qa')),
        text.replace('task:\n      - x', 'task: open_qa'),
      );
    });

    it('quotes values YAML would read as something else', () => {
      assert.equal(yamlScalar('open_qa'), 'open_qa');
      assert.equal(yamlScalar('Priya Śarma'), 'Priya Śarma');
      assert.equal(yamlScalar('0007'), '"0007"');
      assert.equal(yamlScalar('no'), '"no"');
      assert.equal(yamlScalar('a: b'), '"a: b"');
      assert.equal(yamlScalar('say "hi" # now'), '"say \\"hi\\" # now"');
      assert.equal(yamlScalar('@sam'), '"@sam"');
      assert.equal(yamlScalar(''), '""');
    });

    it('edits inside a flow-map pair', () => {
      const text = 'sft: 1\npairs:\n  - {id: a, prompt: p, response: r}\n';
      assert.equal(
        edit(text, 0, (p) => setAnnotation(p, 'task', 'open_qa')),
        'sft: 1\npairs:\n  - {id: a, task: open_qa, prompt: p, response: r}\n',
      );
      assert.equal(
        edit(text, 0, (p) => setAnnotation(p, 'prompt', 'q')),
        'sft: 1\npairs:\n  - {id: a, prompt: q, response: r}\n',
      );
      const noId = 'sft: 1\npairs: [{prompt: p}]\n';
      assert.equal(
        edit(noId, 0, (p) => setAnnotation(p, 'id', 'x')),
        'sft: 1\npairs: [{id: x, prompt: p}]\n',
      );
      assert.equal(
        edit('sft: 1\npairs:\n  - {}\n', 0, (p) => setAnnotation(p, 'id', 'x')),
        'sft: 1\npairs:\n  - {id: x}\n',
      );
    });

    it('gives no edit for a pair that is not a map', () => {
      const pair = parseSft('sft: 1\npairs:\n  - just text\n').pairs[0];
      assert.deepEqual(setAnnotation(pair, 'task', 'open_qa'), []);
    });

    it('works on a pair re-parsed incrementally (node offsets + base)', () => {
      const model = parseSft(FILE);
      const at = FILE.indexOf('Hello') + 5;
      const next = updateSft(model, [{ start: at, end: at, newText: '!' }])!;
      const pair = next.pairs[1];
      assert.ok(pair.base > 0);
      const out = applyEdits(
        next.text,
        toDocument(pair, setAnnotation(pair, 'task', 'extraction')),
      );
      assert.equal(out, next.text.replace('task: open_qa', 'task: extraction'));
      const first = next.pairs[0];
      assert.equal(
        first.src.length < next.text.length,
        true,
        'the edited pair was parsed from its slice',
      );
      assert.equal(
        applyEdits(next.text, toDocument(first, setAnnotation(first, 'status', 'draft'))),
        next.text.replace('  - id: hc-0001\n', '  - id: hc-0001\n    status: draft\n'),
      );
    });
  });

  describe('setList', () => {
    it('writes a flow list when the key is new or a flow list', () => {
      assert.equal(
        edit(FILE, 0, (p) => setList(p, 'traits', ['persona', 'constraints'])),
        FILE.replace('  - id: hc-0001\n', '  - id: hc-0001\n    traits: [persona, constraints]\n'),
      );
      const text = 'sft: 1\npairs:\n  - id: a\n    traits: [persona]\n';
      assert.equal(
        edit(text, 0, (p) => setList(p, 'traits', ['persona', 'scene_setting'])),
        text.replace('[persona]', '[persona, scene_setting]'),
      );
      assert.equal(
        edit(text, 0, (p) => setList(p, 'traits', [])),
        text.replace('[persona]', '[]'),
      );
    });

    it('keeps a block list a block list, at its indent', () => {
      const text =
        'sft: 1\npairs:\n  - id: a\n    tags:\n      - one\n      - two\n    prompt: p\n';
      assert.equal(
        edit(text, 0, (p) => setList(p, 'tags', ['one', 'three', 'no'])),
        text.replace('- two', '- three\n      - "no"'),
      );
      assert.equal(
        edit(text, 0, (p) => setList(p, 'tags', [])),
        text.replace('tags:\n      - one\n      - two', 'tags: []'),
      );
      const crlf = text.replace(/\n/g, '\r\n');
      assert.equal(
        edit(crlf, 0, (p) => setList(p, 'tags', ['one', 'three'])),
        crlf.replace('- two', '- three'),
      );
    });
  });

  describe('removeField', () => {
    it('removes whole lines, block scalars included', () => {
      assert.equal(
        edit(FILE, 1, (p) => removeField(p, 'task')),
        FILE.replace('    task: open_qa\n', ''),
      );
      assert.equal(
        edit(FILE, 1, (p) => removeField(p, 'response')),
        FILE.replace('    response: >\n      Folded\n      text\n', ''),
      );
      assert.equal(
        edit(FILE, 0, (p) => removeField(p, 'response')),
        FILE.replace('    response: Hi.   # trailing\n', ''),
      );
    });

    it('keeps the dash when removing the key on the dash line', () => {
      assert.equal(
        edit(FILE, 1, (p) => removeField(p, 'id')),
        FILE.replace('  - id: hc-0002\n    task', '  - task'),
      );
    });

    it('removes every repeat of a key', () => {
      const text = 'sft: 1\npairs:\n  - id: a\n    task: x\n    prompt: p\n    task: y\n';
      assert.equal(
        edit(text, 0, (p) => removeField(p, 'task')),
        'sft: 1\npairs:\n  - id: a\n    prompt: p\n',
      );
    });

    it('removes an item and its comma from a flow map', () => {
      const text = 'sft: 1\npairs:\n  - {id: a, task: x, prompt: p}\n';
      assert.equal(
        edit(text, 0, (p) => removeField(p, 'task')),
        'sft: 1\npairs:\n  - {id: a, prompt: p}\n',
      );
      assert.equal(
        edit(text, 0, (p) => removeField(p, 'prompt')),
        'sft: 1\npairs:\n  - {id: a, task: x}\n',
      );
      assert.equal(
        edit(text, 0, (p) => removeField(p, 'id')),
        'sft: 1\npairs:\n  - {task: x, prompt: p}\n',
      );
      assert.equal(
        edit('sft: 1\npairs:\n  - {a: 1, b: 2, a: 3}\n', 0, (p) => removeField(p, 'a')),
        'sft: 1\npairs:\n  - {b: 2}\n',
      );
    });

    it('returns no edit for an absent key', () => {
      assert.deepEqual(removeField(parseSft(FILE).pairs[0], 'labels'), []);
    });
  });

  describe('insertComment and silencePair', () => {
    it('adds a silence after the id line at the key indent', () => {
      assert.equal(
        edit(FILE, 1, (p) => silencePair(p, 'response-type-mismatch', 'a list answer')),
        FILE.replace(
          '  - id: hc-0002\n',
          '  - id: hc-0002\n    # sft-ignore response-type-mismatch: a list answer\n',
        ),
      );
    });

    it('the silence it writes is read back and applies', () => {
      const text = edit(FILE, 0, (p) => silencePair(p, ['pii', 'repetition'], 'public\nfigure'));
      const pair = parseSft(text).pairs[0];
      assert.deepEqual(
        pair.silences.map((s) => [s.rules, s.reason]),
        [[['pii', 'repetition'], 'public figure']],
      );
    });

    it('keeps CRLF and works without an id', () => {
      const text = 'sft: 1\r\npairs:\r\n  - prompt: p\r\n    response: r\r\n';
      assert.equal(
        edit(text, 0, (p) => insertComment(p, 'note')),
        'sft: 1\r\npairs:\r\n  - prompt: p\r\n    # note\r\n    response: r\r\n',
      );
    });

    it('without an id, goes after the first entry, never inside a block value below the dash line', () => {
      const text =
        'sft: 1\npairs:\n  - prompt: |\n      Line one\n      Line two\n    response: r\n';
      const out = edit(text, 0, (p) => silencePair(p, 'pii', 'public figure'));
      assert.equal(
        out,
        'sft: 1\npairs:\n  - prompt: |\n      Line one\n      Line two\n    # sft-ignore pii: public figure\n    response: r\n',
      );
      assert.equal(
        parseSft(out).pairs[0].fields.get('prompt')?.value?.toString(),
        'Line one\nLine two\n',
      );
    });

    it('goes after a flow-map pair, and not into a flow pairs list', () => {
      const text = 'sft: 1\npairs:\n  - {id: a, prompt: p}\n';
      assert.equal(
        edit(text, 0, (p) => insertComment(p, 'x')),
        'sft: 1\npairs:\n  - {id: a, prompt: p}\n    # x\n',
      );
      assert.deepEqual(insertComment(parseSft('sft: 1\npairs: [{id: a}]\n').pairs[0], 'x'), []);
    });
  });

  describe('setDefault', () => {
    it('sets a value in defaults, or creates defaults after sft', () => {
      const withDefaults = 'sft: 1\ndefaults:\n  language: en\npairs: []\n';
      assert.equal(
        applyEdits(withDefaults, setDefault(parseSft(withDefaults), 'domain', 'law')),
        'sft: 1\ndefaults:\n  domain: law\n  language: en\npairs: []\n',
      );
      assert.equal(
        applyEdits(withDefaults, setDefault(parseSft(withDefaults), 'language', 'hi')),
        withDefaults.replace('en', 'hi'),
      );
      const bare = 'sft: 1\r\npairs: []\r\n';
      assert.equal(
        applyEdits(bare, setDefault(parseSft(bare), 'language', 'en')),
        'sft: 1\r\ndefaults:\r\n  language: en\r\npairs: []\r\n',
      );
      const empty = 'sft: 1\ndefaults:\npairs: []\n';
      assert.equal(
        applyEdits(empty, setDefault(parseSft(empty), 'language', 'en')),
        'sft: 1\ndefaults:\n  language: en\npairs: []\n',
      );
    });
  });

  describe('generateId', () => {
    it('continues a prefix-number pattern with its zero padding', () => {
      assert.equal(generateId(['hc-0006', 'hc-0007'], 'hc-0007'), 'hc-0008');
      assert.equal(generateId(['hc-0007', 'hc-0012'], 'hc-0007'), 'hc-0013');
      assert.equal(generateId(['q9'], 'q9'), 'q10');
      assert.equal(generateId(['a-0099'], 'a-0099'), 'a-0100');
    });

    it('takes the pattern from the ids when there is no hint, else pair-0001', () => {
      assert.equal(generateId(['intro', 'med-017']), 'med-018');
      assert.equal(generateId([]), 'pair-0001');
      assert.equal(generateId(['pair-0001']), 'pair-0002');
      assert.equal(generateId(['intro'], 'intro'), 'intro-0001');
      assert.equal(generateId(['x-0001'], 'hc-'), 'hc-0001');
    });
  });
});
