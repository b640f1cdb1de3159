import { strict as assert } from 'node:assert';
import { applyEdits, cleanPair, lint, sftFile, spans } from '../helpers';

const only = 'invalid-value';

describe('invalid-value', () => {
  it('fires on closed annotations outside their lists, with did-you-mean fixes', () => {
    const text = sftFile(
      'id: a\ntask: open-qa\nprompt_type: "Instructive"\nresponse_type: sentence\nstatus: aproved\nprompt_length: mediun\ntraits: [persona, contraints, mood]\nprompt: p\nresponse: r\n',
    );
    const problems = lint(text, { only });
    assert.deepEqual(spans(text, problems), [
      'open-qa',
      '"Instructive"',
      'sentence',
      'aproved',
      'mediun',
      'contraints',
      'mood',
    ]);
    assert.equal(problems[0].message, '"open-qa" is not a task; did you mean "open_qa"?');
    assert.equal(
      problems[2].message,
      '"sentence" is not a response type. Use one of: one_word, short_phrase, single_sentence, descriptive.',
    );
    assert.equal(problems[0].severity, 'error');
    const fixed = applyEdits(
      text,
      problems.flatMap((p) => p.fixes?.[0].edits ?? []),
    );
    assert.equal(
      fixed,
      text
        .replace('open-qa', 'open_qa')
        .replace('"Instructive"', 'instructive')
        .replace('aproved', 'approved')
        .replace('mediun', 'medium')
        .replace('contraints', 'constraints'),
    );
  });

  it('fires on a language that is not a BCP 47 tag; fixes names and underscores', () => {
    const text = sftFile(
      'id: a\nlanguage: English\nprompt: p\nresponse: r\n',
      'id: b\nlanguage: pt_BR\nprompt: p\nresponse: r\n',
      'id: c\nlanguage: klingon\nprompt: p\nresponse: r\n',
    );
    const problems = lint(text, { only });
    assert.deepEqual(spans(text, problems), ['English', 'pt_BR', 'klingon']);
    assert.equal(applyEdits(text, problems[0].fixes![0].edits), text.replace('English', 'en'));
    assert.equal(applyEdits(text, problems[1].fixes![0].edits), text.replace('pt_BR', 'pt-BR'));
    assert.equal(problems[2].fixes, undefined);
  });

  it('checks defaults once, in the header', () => {
    const text = `sft: 1\ndefaults:\n  task: summarisation\n  traits:\n    - persona\n    - setting\npairs:\n${sftFile(cleanPair('a'), cleanPair('b')).split('pairs:\n')[1]}`;
    const problems = lint(text, { only });
    assert.deepEqual(spans(text, problems), ['summarisation', 'setting']);
    assert.equal(
      applyEdits(text, problems[0].fixes![0].edits),
      text.replace('summarisation', 'summarization'),
    );
  });

  it('works in CRLF files and flow-map pairs', () => {
    const text = sftFile(
      'id: a\nstatus: Draft\nprompt: |\n  שלום 🎉\nresponse: >\n  你好\n',
    ).replace(/\n/g, '\r\n');
    const [p] = lint(text, { only });
    assert.equal(applyEdits(text, p.fixes![0].edits), text.replace('Draft', 'draft'));
    const flow = 'sft: 1\npairs: [{id: a, task: extration, prompt: p, response: r}]\n';
    assert.equal(
      applyEdits(flow, lint(flow, { only })[0].fixes![0].edits),
      flow.replace('extration', 'extraction'),
    );
  });

  it('does not fire on valid values and tags, or on open fields', () => {
    const text = sftFile(
      cleanPair('a', 'traits: [scene_setting, constraints, persona]\nprompt_length: short\n'),
      'id: b\nlanguage: zh-Hant-TW\ndomain: anything goes\nauthor: "Ана"\nprompt: p\nresponse: r\n',
      'id: c\nlanguage: EN\nprompt: p\nresponse: r\n',
    );
    assert.deepEqual(lint(text, { only }), []);
  });
});
