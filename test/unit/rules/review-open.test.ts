import { strict as assert } from 'node:assert';
import { applyEdits, lint, sftFile, spans } from '../helpers';

const only = 'review-open';

describe('review-open', () => {
  it('fires on each open note of an approved pair, at the note text', () => {
    const text = sftFile(`id: a
status: approved
reviewer: sam
prompt: p
response: r
review:
  - by: sam
    note: The dose is wrong.
    resolved: false
  - by: lee
    note: |
      Cite the source.
      And the year.
  - by: kim
    note: "Say \\"mg\\",\\nnot grams"
    resolved: true
  - by: ana
    note: ملاحظة 🎉 备注
`);
    const problems = lint(text, { only });
    assert.deepEqual(spans(text, problems), [
      'The dose is wrong.',
      '|\n          Cite the source.\n          And the year.',
      'ملاحظة 🎉 备注',
    ]);
    assert.match(problems[0].message, /still open \(resolved: false\)/);
    assert.match(problems[1].message, /still open \(no resolved: true\)/);
    assert.equal(problems[0].severity, 'warning');
  });

  it('offers to mark a note resolved (not preferred), setting or inserting resolved: true', () => {
    const text = sftFile(
      'id: a\nstatus: approved\nprompt: p\nresponse: r\nreview:\n  - by: sam\n    note: Fix it.\n    resolved: false\n  - {by: lee, note: Also this.}\n',
    ).replace(/\n/g, '\r\n');
    const problems = lint(text, { only });
    assert.deepEqual(spans(text, problems), ['Fix it.', 'Also this.']);
    assert.equal(problems[0].fixes![0].preferred, undefined);
    assert.equal(
      applyEdits(text, problems[0].fixes![0].edits),
      text.replace('resolved: false', 'resolved: true'),
    );
    assert.equal(
      applyEdits(text, problems[1].fixes![0].edits),
      text.replace('note: Also this.}', 'note: Also this., resolved: true}'),
    );
  });

  it('inserts resolved after the note when the note has none', () => {
    const text = sftFile(
      'id: a\nstatus: approved\nprompt: p\nresponse: r\nreview:\n  - by: sam\n    note: Fix it.\n',
    );
    const [p] = lint(text, { only });
    assert.equal(applyEdits(text, p.fixes![0].edits), `${text}        resolved: true\n`);
  });

  it('takes the status from defaults', () => {
    const text = `sft: 1\ndefaults:\n  status: approved\npairs:\n  - id: a\n    prompt: p\n    response: r\n    review:\n      - by: sam\n        note: Open.\n`;
    assert.deepEqual(spans(text, lint(text, { only })), ['Open.']);
  });

  it('does not fire when every note is resolved, or the pair is not approved', () => {
    const text = sftFile(
      'id: a\nstatus: approved\nprompt: p\nresponse: r\nreview:\n  - by: sam\n    note: ok\n    resolved: true\n',
      'id: b\nstatus: changes_requested\nprompt: p\nresponse: r\nreview:\n  - by: sam\n    note: open\n',
      'id: c\nstatus: approved\nprompt: p\nresponse: r\n',
    );
    assert.deepEqual(lint(text, { only }), []);
  });
});
