import { strict as assert } from 'node:assert';
import { lint, sftFile, spans } from '../helpers';

const only = 'continuation-anchor';
const pair = (prompt: string) =>
  sftFile(`id: a\nprompt_type: continuation\nprompt: ${prompt}\nresponse: And so on.\n`);

describe('continuation-anchor', () => {
  const fires: Array<[string, string, string]> = [
    [
      'an instruction only',
      'Continue the story about a dragon.',
      'Continue the story about a dragon.',
    ],
    [
      'an instruction without a full stop',
      'Please continue the story',
      'Please continue the story',
    ],
    ['a colon with nothing after it', "'Continue this story:'", 'Continue this story:'],
    ['a literal block', '|\n  Write the next chapter.\n', 'Write the next chapter.'],
    ['a double-quoted instruction', '"Finish the poem.\\n"', 'Finish the poem.'],
  ];
  for (const [name, prompt, expected] of fires) {
    it(`fires: ${name}`, () => {
      const text = pair(prompt);
      const problems = lint(text, { only });
      assert.deepEqual(spans(text, problems), [expected]);
      assert.equal(problems[0].severity, 'warning');
    });
  }

  it('fires in CRLF files with the exact range', () => {
    const text = pair('|\n  Keep going with\n  the tale.\n').replace(/\n/g, '\r\n');
    assert.deepEqual(spans(text, lint(text, { only })), ['Keep going with\r\n      the tale.']);
  });

  const quiet: Array<[string, string]> = [
    ['ends mid-sentence', 'The old keeper opened the door and'],
    ['ends with an ellipsis', 'It was a dark night...'],
    ['ends with a dash', 'She turned around and —'],
    [
      'quotes an opening',
      'Continue: "It was a bright cold day in April, and the clocks were striking thirteen."',
    ],
    ['text after a colon line', '|\n  Continue the story:\n  The door creaked open.'],
    ['a label with text', 'Story: the ship left port at dawn.'],
    ['an instruction ending in the text', 'Write the next line of: Roses are red, violets are'],
    ['non-Latin text mid-sentence', 'مرحبا 🎉 كان يا ما كان في قديم الزمان'],
    ['CJK text trailing off', '昔々、ある村に……'],
  ];
  for (const [name, prompt] of quiet) {
    it(`does not fire: ${name}`, () => assert.deepEqual(lint(pair(prompt), { only }), []));
  }

  it('does not fire for other prompt types or with a context', () => {
    assert.deepEqual(
      lint(sftFile('id: a\nprompt_type: instructive\nprompt: Continue the story.\nresponse: x\n'), {
        only,
      }),
      [],
    );
    assert.deepEqual(
      lint(
        sftFile(
          'id: a\nprompt_type: continuation\ncontext: Once upon a time\nprompt: Continue the story.\nresponse: x\n',
        ),
        { only },
      ),
      [],
    );
  });
});
