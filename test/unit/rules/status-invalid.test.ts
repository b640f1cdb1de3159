import { strict as assert } from 'node:assert';
import { lint, sftFile, spans } from '../helpers';

const only = 'status-invalid';

describe('status-invalid', () => {
  it('fires on approved or rejected with no reviewer, at the status value', () => {
    const text = sftFile(
      'id: a\nstatus: approved\nprompt: p\nresponse: r\n',
      'id: b\nstatus: "rejected"\nprompt: p\nresponse: r\n',
    );
    const problems = lint(text, { only });
    assert.deepEqual(spans(text, problems), ['approved', '"rejected"']);
    assert.equal(
      problems[0].message,
      'The status is approved, but no reviewer is named; add reviewer: <name> to the pair or to defaults.',
    );
  });

  it('fires on changes_requested with no open review note', () => {
    const text = sftFile(
      'id: a\nstatus: changes_requested\nreviewer: sam\nprompt: p\nresponse: r\n',
      'id: b\nstatus: changes_requested\nprompt: p\nresponse: r\nreview:\n  - by: sam\n    note: done\n    resolved: true\n',
    ).replace(/\n/g, '\r\n');
    const problems = lint(text, { only });
    assert.deepEqual(spans(text, problems), ['changes_requested', 'changes_requested']);
    assert.match(problems[0].message, /no open review note/);
  });

  it('fires on a pair approved by its own author, at the reviewer', () => {
    const text = sftFile(
      'id: a\nstatus: approved\nauthor: Priya\nreviewer: priya \nprompt: |\n  שלום 🎉\nresponse: >\n  你好\n',
    );
    const problems = lint(text, { only });
    assert.deepEqual(spans(text, problems), ['priya']);
    assert.equal(
      problems[0].message,
      'This pair is approved by its own author (Priya); someone else must review it.',
    );
  });

  it("uses defaults, and points at the pair's first line when the status is inherited", () => {
    const text =
      'sft: 1\ndefaults:\n  status: approved\n  author: sam\n  reviewer: sam\npairs:\n  - id: a\n    prompt: p\n    response: r\n';
    assert.deepEqual(spans(text, lint(text, { only })), ['- id']);
  });

  it('does not fire when the status agrees with the record', () => {
    const text = sftFile(
      'id: a\nstatus: approved\nauthor: priya\nreviewer: sam\nprompt: p\nresponse: r\n',
      'id: b\nstatus: rejected\nauthor: sam\nreviewer: sam\nprompt: p\nresponse: r\n',
      'id: c\nstatus: changes_requested\nprompt: p\nresponse: r\nreview:\n  - by: sam\n    note: "fix \\"this\\""\n    resolved: false\n',
      'id: d\nstatus: draft\nprompt: p\nresponse: r\n',
      'id: e\nstatus: review\nprompt: p\nresponse: r\n',
    );
    assert.deepEqual(lint(text, { only }), []);
  });
});
