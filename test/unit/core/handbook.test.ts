import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { handbookSection } from '../../../src/core/handbook';

/** The demo workspace's handbook, as the annotations view reads it. */
const HANDBOOK = readFileSync('examples/docs/handbook.md', 'utf8');

describe('handbook sections', () => {
  const heading = (key: string, value: string, md = HANDBOOK) =>
    handbookSection(md, key, value)?.heading;

  it('finds the section that marks a value up, else the one named after the annotation', () => {
    assert.equal(heading('task', 'closed_qa'), 'Tasks');
    assert.equal(heading('task', 'chain_of_thought'), 'Tasks');
    assert.equal(heading('prompt_type', 'in_context'), 'Prompt types');
    assert.equal(heading('language', 'hi'), 'Languages');
    assert.equal(heading('status', 'approved'), 'Review');
    // A value the handbook does not mention: the annotation's own section.
    assert.equal(heading('task', 'brainstorming'), 'Tasks');
    assert.equal(heading('language', 'fr'), 'Languages');
    // Nothing about domains: no section.
    assert.equal(heading('domain', 'science'), undefined);
  });

  it('gives the heading line and its anchor', () => {
    const s = handbookSection(HANDBOOK, 'prompt_type', 'instructive')!;
    assert.equal(HANDBOOK.split('\n')[s.line], '## Prompt types');
    assert.equal(s.anchor, '#prompt-types');
  });

  it('prefers a heading that names the value; ignores headings in code fences and CRLF', () => {
    const md =
      '# Guide\r\n\r\n```md\r\n## closed qa\r\n```\r\n\r\n## Tasks\r\n\r\n### Closed QA\r\n\r\nOnly the passage.\r\n';
    const s = handbookSection(md, 'task', 'closed_qa')!;
    assert.equal(s.heading, 'Closed QA');
    assert.equal(s.line, 8);
    assert.equal(heading('task', 'extraction', md), 'Tasks');
    // `en` is a word inside "Often", never a match: only marked-up mentions count.
    assert.equal(heading('language', 'en', '# A\nOften used.\n# B\n'), undefined);
  });
});
