import { strict as assert } from 'node:assert';
import { isMap, isScalar, parseDocument, type Scalar } from 'yaml';
import { applyEdits } from '../../../src/core/edit/apply';
import { scalarSite } from '../../../src/core/edit/scalar-site';
import { editScalarText, replaceScalarValue } from '../../../src/core/edit/scalar-edit';

/** Replace value[a, b) of `key`'s scalar (a path through maps and lists) and return the new text, checked to parse to `want`. */
function edit(
  text: string,
  path: (string | number)[],
  a: number,
  b: number,
  insert: string,
): string {
  const doc = parseDocument(text);
  const node = doc.getIn(path, true) as Scalar;
  assert.ok(isScalar(node));
  const site = scalarSite(text, doc.contents, node)!;
  const change = editScalarText(site, a, b, insert)!;
  const out = applyEdits(text, change.edits);
  const after = parseDocument(out);
  assert.deepEqual(after.errors, [], out);
  const value = node.value as string;
  assert.equal(after.getIn(path), value.slice(0, a) + insert + value.slice(b), out);
  // Everything else reads the same.
  const rest = (d: ReturnType<typeof parseDocument>) =>
    JSON.stringify(d.toJS(), (k, v) => (k === String(path[path.length - 1]) ? undefined : v));
  assert.equal(rest(after), rest(doc));
  return out;
}

const PHRASE = 'As an AI language model';

describe('scalar edits', () => {
  it('a plain scalar left starting with an indicator is quoted; one that stays plain is edited in place', () => {
    assert.equal(
      edit(`k: ${PHRASE}, I think\nn: 1\n`, ['k'], 0, PHRASE.length, ''),
      'k: ", I think"\nn: 1\n',
    );
    assert.equal(
      edit(`k: So ${PHRASE} I think # c\n`, ['k'], 2, 3 + PHRASE.length, ''),
      'k: So I think # c\n',
    );
    for (const left of [
      '- x',
      '? x',
      '[x]',
      '{x}',
      '&a',
      '*a',
      '!t',
      '|x',
      '>x',
      "'q'",
      '"q"',
      '%x',
      '@x',
      '`x`',
      '42',
      '0x1F',
      'yes',
      'null',
      '~',
      '2024-01-01',
      '',
    ]) {
      const out = edit(
        `k: ${PHRASE} ${left}\n`,
        ['k'],
        0,
        left ? PHRASE.length + 1 : PHRASE.length,
        '',
      );
      assert.match(out, /^k: "/, `${left} → ${out}`);
    }
  });

  it('inside a flow list, a value with a comma is quoted', () => {
    assert.equal(edit('k: [a b, c]\n', ['k', 0], 1, 2, ', '), 'k: ["a, b", c]\n');
  });

  it('quoted scalars keep their style, with escapes written for it', () => {
    assert.equal(
      edit(`k: '${PHRASE}, it''s'\n`, ['k'], 0, PHRASE.length + 2, "'"),
      "k: '''it''s'\n",
    );
    assert.equal(
      edit(`k: "${PHRASE}, \\"q\\"\\u00e9\\n"\n`, ['k'], 0, PHRASE.length + 2, '\\'),
      'k: "\\\\\\"q\\"\\u00e9\\n"\n',
    );
  });

  it('a block whose first line would start with a space gets an indentation indicator', () => {
    const out = edit(
      `m:\n  k: |\n    ${PHRASE}  two\n    three\n`,
      ['m', 'k'],
      0,
      PHRASE.length + 1,
      '',
    );
    assert.equal(out, 'm:\n  k: |2\n     two\n    three\n');
  });

  it('a folded block whose folding would change is rewritten as a literal block', () => {
    const out = edit(
      `m:\n  k: >\n    one\n    ${PHRASE}\n    three\n`,
      ['m', 'k'],
      4,
      4 + PHRASE.length,
      '',
    );
    assert.equal(parseDocument(out).getIn(['m', 'k']), 'one  three\n');
  });

  it('keeps CRLF and block chomping', () => {
    const out = edit(
      `m:\r\n  k: |-\r\n    ${PHRASE}\r\n    two\r\n`,
      ['m', 'k'],
      0,
      PHRASE.length + 1,
      '',
    );
    assert.equal(out, 'm:\r\n  k: |-\r\n    two\r\n');
  });

  it('a whole new annotation value: plain when it can be, quoted when not, a block on the key line', () => {
    const text = 'a: "open-qa"\nb: |\n  closd_qa\nc: x\n';
    const doc = parseDocument(text);
    const node = (k: string) =>
      (isMap(doc.contents) ? doc.contents.get(k, true) : undefined) as Scalar;
    const with_ = (k: string, v: string) =>
      applyEdits(text, replaceScalarValue(scalarSite(text, doc.contents, node(k))!, v)!.edits);
    assert.equal(with_('a', 'open_qa'), 'a: open_qa\nb: |\n  closd_qa\nc: x\n');
    assert.equal(with_('b', 'closed_qa'), 'a: "open-qa"\nb: closed_qa\nc: x\n');
    assert.equal(with_('c', 'yes'), 'a: "open-qa"\nb: |\n  closd_qa\nc: "yes"\n');
  });
});
