import { strict as assert } from 'node:assert';
import { parseDocument } from 'yaml';
import { applyEdits } from '../../../src/core/edit/apply';
import type { EditIntent } from '../../../src/core/edit/intent';
import { planEdits } from '../../../src/core/edit/plan';
import { parseSft } from '../../../src/core/parse/parse';

/** The text after planning `intent` on `text`; it must read as YAML without errors. */
function run(text: string, intent: EditIntent): string {
  const out = applyEdits(text, planEdits(parseSft(text), intent));
  assert.deepEqual(parseDocument(out).errors, [], out);
  return out;
}

const BLOCK = `sft: 1
pairs:
  - id: a
    prompt_type: in_context
    examples:
      - input: |
          dog
          (a pet)
        output: chien   # French
      # the second one is harder
      - input: cat
        output: chat
    prompt: horse
    response: cheval
`;

const FLOW = `sft: 1
pairs:
  - id: f
    examples: [{input: dog, output: chien}, {input: cat, output: chat}]
    prompt: horse
`;

const NONE = `sft: 1
pairs:
  - id: n
    task: open_qa   # kept
    prompt: horse
    response: cheval
`;

describe('in-context examples through the edit layer', () => {
  it('adds an example: at the end of a block list at its column (a text of lines a block), to a flow list as a flow map, else as a new list', () => {
    const crlf = BLOCK.replace(/\n/g, '\r\n');
    const cases: [string, string, string, string, string, string][] = [
      [
        BLOCK,
        'a',
        'bird\nsmall',
        'oiseau',
        'output: chat\n',
        '      - input: |-\n          bird\n          small\n        output: oiseau\n',
      ],
      [crlf, 'a', 'x', 'why', 'output: chat\r\n', '      - input: x\r\n        output: why\r\n'],
      [FLOW, 'f', 'a, b', 'c', 'output: chat}', ', {input: "a, b", output: c}'],
      [NONE, 'n', 'dog', 'chien', 'cheval\n', ''],
    ];
    for (const [text, id, input, output, after, added] of cases) {
      const out = run(text, { kind: 'addExample', pair: { id }, input, output });
      if (text === NONE)
        assert.equal(
          out,
          NONE.replace(
            '    prompt:',
            '    examples:\n      - input: dog\n        output: chien\n    prompt:',
          ),
        );
      else assert.equal(out, text.replace(after, `${after}${added}`));
    }
  });

  it("edits one example's input or output in its own style, its comment and the others kept", () => {
    const cases: [string, string, number, 'input' | 'output', string, string][] = [
      [BLOCK, 'a', 0, 'input', 'dog\n(a good pet)', BLOCK.replace('(a pet)', '(a good pet)')],
      [BLOCK, 'a', 0, 'output', 'le chien', BLOCK.replace(': chien   #', ': le chien   #')],
      [FLOW, 'f', 1, 'output', 'le chat', FLOW.replace('output: chat}', 'output: le chat}')],
      // An example that is not there: nothing to change.
      [BLOCK, 'a', 5, 'input', 'x', BLOCK],
    ];
    for (const [text, id, index, key, value, want] of cases)
      assert.equal(run(text, { kind: 'setExample', pair: { id }, index, key, value }), want);
  });

  it('removes an example with its lines; the comment leading the next one stays', () => {
    assert.equal(
      run(BLOCK, { kind: 'removeExample', pair: { id: 'a' }, index: 0 }),
      BLOCK.replace(
        '      - input: |\n          dog\n          (a pet)\n        output: chien   # French\n',
        '',
      ),
    );
    assert.equal(
      run(BLOCK, { kind: 'removeExample', pair: { id: 'a' }, index: 1 }),
      BLOCK.replace('      - input: cat\n        output: chat\n', ''),
    );
    assert.equal(
      run(FLOW, { kind: 'removeExample', pair: { id: 'f' }, index: 0 }),
      FLOW.replace('{input: dog, output: chien}, ', ''),
    );
    assert.equal(
      run(FLOW, { kind: 'removeExample', pair: { id: 'f' }, index: 1 }),
      FLOW.replace(', {input: cat, output: chat}', ''),
    );
  });

  it('removing the only example removes `examples:` (an empty key would read as null)', () => {
    const one = run(FLOW, { kind: 'removeExample', pair: { id: 'f' }, index: 0 });
    assert.equal(
      run(one, { kind: 'removeExample', pair: { id: 'f' }, index: 0 }),
      FLOW.replace('    examples: [{input: dog, output: chien}, {input: cat, output: chat}]\n', ''),
    );
  });
});
