import { strict as assert } from 'node:assert';
import { applyEdits } from '../../../src/core/edit/apply';
import type { EditIntent } from '../../../src/core/edit/intent';
import { plan, planAllEdits, planEdits } from '../../../src/core/edit/plan';
import { parseSft } from '../../../src/core/parse/parse';

/** The text after planning `intent` on `text`, checking that planning it again there changes nothing when `again`. */
function run(text: string, intent: EditIntent, again = true): string {
  const out = applyEdits(text, planEdits(parseSft(text), intent));
  if (again)
    assert.deepEqual(
      planEdits(parseSft(out), intent).map((e) => e.newText),
      [],
      'planning again changes nothing',
    );
  return out;
}

const BLOCKS = `sft: 1
pairs:
  - id: a
    prompt: |
      Line one
      Line two
    response: Hi.   # trailing
  - id: b
    prompt: |-
      Keep strip
    response: >
      Folded
      text
`;

describe('planEdits', () => {
  describe("setField keeps the field's style", () => {
    it("a | block prompt set to two lines stays a | block (the issue's example)", () => {
      const out = run(BLOCKS, {
        kind: 'setField',
        pair: { id: 'a' },
        key: 'prompt',
        value: 'Line one\nLine two edited',
      });
      assert.equal(out, BLOCKS.replace('      Line two\n', '      Line two edited\n'));
    });

    it("keeps strip chomping, folded style and a plain value's comment", () => {
      assert.equal(
        run(BLOCKS, { kind: 'setField', pair: { id: 'b' }, key: 'prompt', value: 'Keep\nstrip' }),
        BLOCKS.replace('      Keep strip\n', '      Keep\n      strip\n'),
      );
      assert.equal(
        run(BLOCKS, {
          kind: 'setField',
          pair: { id: 'b' },
          key: 'response',
          value: 'Folded more text\n',
        }),
        BLOCKS.replace('      text\n', '      more text\n'),
      );
      assert.equal(
        run(BLOCKS, { kind: 'setField', pair: { id: 'a' }, key: 'response', value: 'Hello.' }),
        BLOCKS.replace('Hi.   #', 'Hello.   #'),
      );
    });

    it('keeps quotes when the text fits them, and changes style no more than it must', () => {
      const text = `sft: 1\npairs:\n  - id: a\n    prompt: 'It''s here'\n    response: "Tab\\tthere"\n`;
      assert.equal(
        run(text, { kind: 'setField', pair: { id: 'a' }, key: 'prompt', value: "It's there" }),
        text.replace("'It''s here'", "'It''s there'"),
      );
      assert.equal(
        run(text, {
          kind: 'setField',
          pair: { id: 'a' },
          key: 'response',
          value: 'Tab\tand "more"',
        }),
        text.replace('"Tab\\tthere"', '"Tab\\tand \\"more\\""'),
      );
      const plain = 'sft: 1\npairs:\n  - id: a\n    prompt: plain\n';
      assert.equal(
        run(plain, { kind: 'setField', pair: { id: 'a' }, key: 'prompt', value: 'a: b' }),
        plain.replace('plain', '"a: b"'),
      );
    });

    it("a new field takes the file's style for texts: | blocks in a file that writes them", () => {
      const text =
        'sft: 1\npairs:\n  - id: a\n    prompt: |\n      One\n      Two\n    response: r\n';
      assert.equal(
        run(text, { kind: 'setField', pair: { id: 'a' }, key: 'context', value: 'Some\ncontext' }),
        text.replace('    prompt: |', '    context: |-\n      Some\n      context\n    prompt: |'),
      );
      const quoted = 'sft: 1\npairs:\n  - id: a\n    prompt: "One\\nTwo"\n    response: r\n';
      assert.equal(
        run(quoted, {
          kind: 'setField',
          pair: { id: 'a' },
          key: 'context',
          value: 'Some\ncontext',
        }),
        quoted.replace('    prompt:', '    context: "Some\\ncontext"\n    prompt:'),
      );
    });

    it('keeps CRLF inside a rewritten block', () => {
      const text = BLOCKS.replace(/\n/g, '\r\n');
      const out = run(text, {
        kind: 'setField',
        pair: { index: 0 },
        key: 'prompt',
        value: 'New\nlines here',
      });
      assert.equal(
        out,
        text.replace('      Line one\r\n      Line two\r\n', '      New\r\n      lines here\r\n'),
      );
    });

    it('removes a field with undefined, and sets a list', () => {
      assert.equal(
        run(BLOCKS, { kind: 'setField', pair: { id: 'b' }, key: 'response', value: undefined }),
        BLOCKS.replace('    response: >\n      Folded\n      text\n', ''),
      );
      assert.equal(
        run(BLOCKS, {
          kind: 'setAnnotation',
          pair: { id: 'a' },
          key: 'traits',
          value: ['persona'],
        }),
        BLOCKS.replace('  - id: a\n', '  - id: a\n    traits: [persona]\n'),
      );
    });
  });

  describe('setDefault', () => {
    it('sets, lists and removes defaults', () => {
      const text = 'sft: 1\ndefaults:\n  language: en\npairs:\n  - id: a\n';
      assert.equal(
        run(text, { kind: 'setDefault', key: 'domain', value: 'law' }),
        text.replace('  language: en\n', '  domain: law\n  language: en\n'),
      );
      assert.equal(
        run(text, { kind: 'setDefault', key: 'traits', value: ['persona'] }),
        text.replace('  language: en\n', '  language: en\n  traits: [persona]\n'),
      );
      assert.equal(
        run(text, { kind: 'setDefault', key: 'language', value: undefined }),
        'sft: 1\ndefaults:\npairs:\n  - id: a\n',
      );
      assert.equal(
        run('sft: 1\npairs: []\n', { kind: 'setDefault', key: 'language', value: 'hi' }),
        'sft: 1\ndefaults:\n  language: hi\npairs: []\n',
      );
    });
  });

  describe('pairs', () => {
    const SPACED =
      'sft: 1\npairs:\n  - id: a\n    prompt: A\n\n  # leads b\n  - id: b\n    prompt: B\n\n  - id: c\n    prompt: C\n';

    it('adds a pair after the one named, with a blank line as the file has them', () => {
      const out = run(
        SPACED,
        {
          kind: 'addPair',
          after: { id: 'a' },
          entries: [
            { key: 'id', kind: 'value', value: 'n1' },
            { key: 'prompt', kind: 'value', value: 'New\ntext' },
          ],
        },
        false,
      );
      assert.equal(
        out,
        SPACED.replace(
          '\n  # leads b',
          '\n  - id: n1\n    prompt: |-\n      New\n      text\n\n  # leads b',
        ),
      );
    });

    it('duplicates a pair with a new id, right after it', () => {
      assert.equal(
        run(SPACED, { kind: 'duplicatePair', pair: { id: 'c' }, id: 'c2' }, false),
        `${SPACED}\n  - id: c2\n    prompt: C\n`,
      );
      assert.equal(
        run(
          'sft: 1\npairs:\n  - id: p-0001\n    prompt: A',
          { kind: 'duplicatePair', pair: { index: 0 } },
          false,
        ),
        'sft: 1\npairs:\n  - id: p-0001\n    prompt: A\n  - id: p-0002\n    prompt: A',
      );
    });

    it('removes a pair with the comment that leads it and one gap', () => {
      assert.equal(
        run(SPACED, { kind: 'removePair', pair: { id: 'b' } }, false),
        'sft: 1\npairs:\n  - id: a\n    prompt: A\n\n  - id: c\n    prompt: C\n',
      );
      assert.equal(
        run(SPACED, { kind: 'removePair', pair: { id: 'c' } }, false),
        'sft: 1\npairs:\n  - id: a\n    prompt: A\n\n  # leads b\n  - id: b\n    prompt: B\n',
      );
      assert.equal(
        run(
          'sft: 1\npairs:\n  - id: a\n  - id: b',
          { kind: 'removePair', pair: { id: 'b' } },
          false,
        ),
        'sft: 1\npairs:\n  - id: a',
      );
    });

    it('moves a pair with its leading comment, keeping the gaps', () => {
      assert.equal(
        run(SPACED, { kind: 'movePair', pair: { id: 'b' }, to: 0 }, false),
        'sft: 1\npairs:\n  # leads b\n  - id: b\n    prompt: B\n\n  - id: a\n    prompt: A\n\n  - id: c\n    prompt: C\n',
      );
      assert.equal(
        run(SPACED, { kind: 'movePair', pair: { id: 'a' }, to: 2 }, false),
        'sft: 1\npairs:\n  # leads b\n  - id: b\n    prompt: B\n\n  - id: c\n    prompt: C\n\n  - id: a\n    prompt: A\n',
      );
      assert.deepEqual(
        planEdits(parseSft(SPACED), { kind: 'movePair', pair: { id: 'a' }, to: 0 }),
        [],
      );
    });

    it('refuses pairs in a flow list, and a pair that is not there', () => {
      const flow = parseSft('sft: 1\npairs: [{id: a}]\n');
      assert.ok(plan(flow, { kind: 'removePair', pair: { id: 'a' } }).refused);
      assert.ok(plan(parseSft(SPACED), { kind: 'removePair', pair: { id: 'zz' } }).refused);
    });
  });

  describe('review notes and silences', () => {
    it('adds a note to a block list, a flow list, or a new list', () => {
      const block =
        'sft: 1\npairs:\n  - id: a\n    review:\n      - by: sam\n        note: Old.\n    tags: [x]\n';
      assert.equal(
        run(
          block,
          { kind: 'addReviewNote', pair: { id: 'a' }, by: 'kim', note: 'Check: dose' },
          false,
        ),
        block.replace(
          '    tags:',
          '      - by: kim\n        note: "Check: dose"\n        resolved: false\n    tags:',
        ),
      );
      const flow = 'sft: 1\npairs:\n  - id: a\n    review: [{by: sam, note: x}]\n';
      assert.equal(
        run(flow, { kind: 'addReviewNote', pair: { id: 'a' }, by: 'kim', note: 'ok' }, false),
        flow.replace('x}]', 'x}, {by: kim, note: ok, resolved: false}]'),
      );
      const none = 'sft: 1\npairs:\n  - id: a\n    prompt: p\n';
      assert.equal(
        run(
          none,
          { kind: 'addReviewNote', pair: { id: 'a' }, by: 'kim', note: 'Two\nlines' },
          false,
        ),
        `${none}    review:\n      - by: kim\n        note: |-\n          Two\n          lines\n        resolved: false\n`,
      );
    });

    it('resolves a note, and planning it again changes nothing', () => {
      const text =
        'sft: 1\npairs:\n  - id: a\n    review:\n      - by: sam\n        note: Old.\n        resolved: false\n';
      assert.equal(
        run(text, { kind: 'resolveReviewNote', pair: { id: 'a' }, note: 0 }),
        text.replace('resolved: false', 'resolved: true'),
      );
    });

    it('silences a rule for a pair with a reason', () => {
      assert.equal(
        run(
          BLOCKS,
          { kind: 'silence', pair: { id: 'b' }, rules: 'pii', reason: 'public figure' },
          false,
        ),
        BLOCKS.replace('  - id: b\n', '  - id: b\n    # sft-ignore pii: public figure\n'),
      );
    });
  });

  it('plans several intents as one change (Generate Ids)', () => {
    const text = 'sft: 1\npairs:\n  - prompt: A\n  - prompt: B\n';
    const model = parseSft(text);
    const edits = planAllEdits(
      model,
      [0, 1].map((index) => ({
        kind: 'setField',
        pair: { index },
        key: 'id',
        value: `p-${index}`,
      })),
    );
    assert.equal(
      applyEdits(text, edits),
      'sft: 1\npairs:\n  - id: p-0\n    prompt: A\n  - id: p-1\n    prompt: B\n',
    );
  });
});
