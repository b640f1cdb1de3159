import { strict as assert } from 'node:assert';
import { applyEdits, lint, sftFile, spans } from '../helpers';

const only = 'missing-id';

describe('missing-id', () => {
  it('fires on a pair without an id, at its first line; the fix continues the numbering', () => {
    const text = sftFile(
      'id: hc-0007\nprompt: p\nresponse: r\n',
      'task: open_qa\nprompt: |\n  q\nresponse: r\n',
    );
    const problems = lint(text, { only });
    assert.deepEqual(spans(text, problems), ['- task']);
    assert.equal(problems[0].severity, 'error');
    assert.equal(
      applyEdits(text, problems[0].fixes![0].edits),
      text.replace('  - task: open_qa\n', '  - id: hc-0008\n    task: open_qa\n'),
    );
  });

  it('gives distinct ids to several pairs, so fixing all at once stays unique', () => {
    const text = sftFile(
      'id: a-01\nprompt: p\nresponse: r\n',
      'prompt: p\nresponse: r\n',
      'prompt: q\nresponse: r\n',
      'id: a-02\nprompt: p\nresponse: r\n',
    );
    const problems = lint(text, { only });
    const fixed = applyEdits(
      text,
      problems.flatMap((p) => p.fixes![0].edits),
    );
    assert.deepEqual(
      [...fixed.matchAll(/id: (\S+)/g)].map((m) => m[1]),
      ['a-01', 'a-03', 'a-04', 'a-02'],
    );
  });

  it('fires on an empty id and fills it; starts at pair-0001 in a file without ids', () => {
    const text = sftFile('id:\nprompt: p\nresponse: r\n');
    const [p] = lint(text, { only });
    assert.equal(p.message, "This pair's id is empty.");
    assert.equal(applyEdits(text, p.fixes![0].edits), text.replace('id:\n', 'id: pair-0001\n'));
  });

  it('keeps CRLF, and works on flow-map pairs and pairs with non-Latin text', () => {
    const text = sftFile(
      'id: x-9\nprompt: p\nresponse: r\n',
      'prompt: "שלום \\"🎉\\"\\n"\nresponse: >\n  你好\n',
    ).replace(/\n/g, '\r\n');
    const [p] = lint(text, { only });
    assert.equal(
      applyEdits(text, p.fixes![0].edits),
      text.replace('  - prompt', '  - id: x-10\r\n    prompt'),
    );
    const flow = 'sft: 1\npairs:\n  - {prompt: p, response: r}\n';
    const [f] = lint(flow, { only });
    assert.deepEqual(spans(flow, [f]), ['- {prompt']);
    assert.equal(
      applyEdits(flow, f.fixes![0].edits),
      'sft: 1\npairs:\n  - {id: pair-0001, prompt: p, response: r}\n',
    );
  });

  it('does not fire on pairs with ids, or on items that are not maps (schema reports those)', () => {
    assert.deepEqual(
      lint(sftFile('id: a\nprompt: p\nresponse: r\n', 'id: "0001"\nprompt: p\nresponse: r\n'), {
        only,
      }),
      [],
    );
    assert.deepEqual(lint('sft: 1\npairs:\n  - text\n  -\n', { only }), []);
  });
});
