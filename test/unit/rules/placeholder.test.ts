import { strict as assert } from 'node:assert';
import { lint, sftFile, spans } from '../helpers';

const only = 'placeholder';
const crlf = (t: string) => t.replace(/\n/g, '\r\n');

describe('placeholder', () => {
  const fires: Array<[string, string, string[]]> = [
    ['TODO in a plain response', 'response: TODO write the answer', ['TODO']],
    ['TBD and FIXME in any case', 'response: The date is TBD, fixme later.', ['TBD', 'fixme']],
    ['XXX and more X', 'response: Call XXXX-XXX now', ['XXXX', 'XXX']],
    [
      'lorem ipsum across a folded line',
      'response: >\n  Lorem\n  ipsum dolor sit amet.',
      ['Lorem\n      ipsum'],
    ],
    [
      'bracketed inserts',
      'response: Dear [insert name], see <your answer here> and {placeholder}.',
      ['[insert name]', '<your answer here>', '{placeholder}'],
    ],
    ['a lone ???', 'response: The capital is ???.', ['???']],
    ['"answer goes here"', 'response: |\n  Intro.\n  Answer goes here', ['Answer goes here']],
    ['double-quoted with escapes', 'response: "Say \\"hi\\".\\nTODO: finish"', ['TODO']],
    [
      'non-Latin text around it',
      'response: 🎉 مرحبا TODO 你好 שלום [insert שם]',
      ['TODO', '[insert שם]'],
    ],
  ];
  for (const [name, body, expected] of fires) {
    it(`fires: ${name}`, () => {
      const text = sftFile(`id: a\nprompt: Hi\n${body}\n`);
      assert.deepEqual(spans(text, lint(text, { only })), expected);
    });
    it(`fires: ${name} (CRLF)`, () => {
      const text = crlf(sftFile(`id: a\nprompt: Hi\n${body}\n`));
      assert.deepEqual(
        spans(text, lint(text, { only })),
        expected.map((e) => e.replace(/\n/g, '\r\n')),
      );
    });
  }

  it('checks every text field, examples and labels, as errors', () => {
    const text = sftFile(
      'id: a\nsystem: TODO\ncontext: TBD\nexamples:\n  - input: FIXME\n    output: "???"\nlabels: [good, TODO]\nprompt: "[insert question]"\nresponse: lorem ipsum\n',
    );
    const problems = lint(text, { only });
    assert.deepEqual(spans(text, problems), [
      'TODO',
      'TBD',
      'FIXME',
      '???',
      'TODO',
      '[insert question]',
      'lorem ipsum',
    ]);
    assert.ok(problems.every((p) => p.severity === 'error'));
    assert.match(problems[2].message, /Placeholder "FIXME" in an example input/);
  });

  it('does not fire on ordinary words', () => {
    const text = sftFile(
      [
        'id: a',
        'language: es',
        'prompt: ¿Todo bien? What???',
        'response: |',
        '  Todo el mundo sabe que el siglo XX fue largo. Mis todos, TODOs y todoist.',
        '  Add [1] to the list; the <input> tag; {name}; the answer here is 4.',
        '',
      ].join('\n'),
    );
    assert.deepEqual(spans(text, lint(text, { only })), []);
  });

  it('leaves a TODO spoken of in a task about code, and shouted text; a redaction in quoted text is info', () => {
    const code = sftFile(
      'id: a\nprompt: |\n  Using the comment as a guide, replace the "TODO" comment in the code.\n  def greet(name):\n      # TODO: assert name is a string\n      print(name)\nresponse: |\n  def greet(name):\n      assert isinstance(name, str)\n      print(name)\n',
    );
    assert.deepEqual(lint(code, { only }), []);
    const shouted = sftFile(
      'id: a\nprompt: |\n  Title: ESTE LIBRO CONTIENE TODO\n  Is the review positive or negative?\nresponse: Positive\n',
    );
    assert.deepEqual(lint(shouted, { only }), []);
    const email = sftFile(
      'id: a\nprompt: |\n  Is this email spam?\n  Hi, XXX. The transaction made on your account exceeded $0.00.\nresponse: XXX\n',
    );
    const problems = lint(email, { only });
    assert.deepEqual(spans(email, problems), ['XXX', 'XXX']);
    assert.deepEqual(
      problems.map((p) => p.severity),
      ['info', 'error'],
    );
    // A TODO left in the writer's own text is still an error.
    const left = sftFile('id: a\nprompt: Explain loops.\nresponse: TODO finish this\n');
    assert.deepEqual(spans(left, lint(left, { only })), ['TODO']);
  });
});
