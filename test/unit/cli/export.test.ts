import * as assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, REPO_ROOT, sft, tempDir } from './run-cli';

const EXAMPLES = join(REPO_ROOT, 'examples');
const FORMATS = ['openai', 'alpaca', 'sharegpt', 'jsonl'] as const;

describe('cli: sft export and import', function () {
  // Each test starts the CLI as a child process; machines under load start node slowly.
  this.timeout(60_000);
  let t: ReturnType<typeof tempDir>;
  beforeEach(() => {
    t = tempDir();
  });
  afterEach(() => t.cleanup());

  /** Export `inputs` from `from`, import the output into `to/name`, export that again. */
  function roundTrip(
    format: string,
    from: string,
    inputs: string[],
    to: string,
    name: string,
  ): { first: string; again: string } {
    mkdirSync(to, { recursive: true });
    const first = sft(['export', '--format', format, '--force', ...inputs], { cwd: from });
    assert.equal(first.code, 0, first.stderr);
    assert.ok(first.stdout.length > 100);
    writeFileSync(join(t.dir, `data.${format}`), first.stdout);
    const imported = sft(
      ['import', '--format', format, join(t.dir, `data.${format}`), '--out', name],
      { cwd: to },
    );
    assert.equal(imported.code, 0, imported.stderr);
    const again = sft(['export', '--format', format, '--force', name], { cwd: to });
    assert.equal(again.code, 0, again.stderr);
    return { first: first.stdout, again: again.stdout };
  }

  for (const format of FORMATS) {
    it(`${format}: import then export gives the original export back (all examples)`, function () {
      this.timeout(120_000);
      const { first, again } = roundTrip(
        format,
        REPO_ROOT,
        ['examples'],
        join(t.dir, format),
        'all.sft.yaml',
      );
      // Only plain JSONL names the source file, and the pairs now live in one file.
      const dropFile = (text: string): string =>
        format === 'jsonl'
          ? text
              .split('\n')
              .filter(Boolean)
              .map((l) => {
                const o = JSON.parse(l) as Record<string, unknown>;
                delete o.file;
                return JSON.stringify(o);
              })
              .join('\n')
          : text;
      assert.equal(dropFile(again), dropFile(first));
    });
  }

  it('jsonl round trip is exact, file included, when the file keeps its name', function () {
    this.timeout(120_000);
    const a = join(t.dir, 'a');
    mkdirSync(a);
    copyFileSync(join(EXAMPLES, 'review-queue.sft.yaml'), join(a, 'review-queue.sft.yaml'));
    const { first, again } = roundTrip(
      'jsonl',
      a,
      ['review-queue.sft.yaml'],
      join(t.dir, 'b'),
      'review-queue.sft.yaml',
    );
    assert.equal(again, first);
  });

  it('jsonl keeps every annotation, defaults included, and the review notes', () => {
    const r = sft(['export', '--format', 'jsonl', '--force', 'examples/review-queue.sft.yaml']);
    assert.equal(r.code, 0, r.stderr);
    const records = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const approved = records.find((x) => x.id === 'rq-0006')!;
    assert.deepEqual(Object.keys(approved), [
      'id',
      'task',
      'prompt_type',
      'response_type',
      'domain',
      'language',
      'status',
      'author',
      'reviewer',
      'prompt',
      'response',
      'review',
      'file',
    ]);
    assert.equal(approved.language, 'en');
    assert.equal(approved.author, 'priya');
    assert.deepEqual(approved.review, [
      {
        by: 'sam',
        note: 'Offer the store-credit alternative from the returns policy before approving.',
        resolved: false,
      },
    ]);
    assert.equal(approved.file, 'examples/review-queue.sft.yaml');
  });

  it('openai folds context and examples into the user message in the documented layout', () => {
    const r = sft([
      'export',
      '--format',
      'openai',
      'examples/reading-and-reasoning.sft.yaml',
      '--force',
    ]);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { messages: { role: string; content: string }[] });
    const extraction = lines.find((l) => l.messages[1]?.content.includes('amlodipine'))!;
    assert.deepEqual(
      extraction.messages.map((m) => m.role),
      ['user', 'assistant'],
    );
    assert.equal(
      extraction.messages[0].content,
      [
        '<context>\nFollow-up visit: blood pressure is still high, so the doctor increased amlodipine to 10 mg once daily and advised a low-salt diet.\n</context>',
        '<examples>\n<example>\n<input>\nPatient started on metformin 500 mg twice daily for type 2 diabetes.\n</input>\n<output>\nmetformin, 500 mg\n</output>\n</example>\n<example>\n<input>\nPrescribed amoxicillin 250 mg three times a day for seven days.\n</input>\n<output>\namoxicillin, 250 mg\n</output>\n</example>\n</examples>',
        'Like the examples, extract the medicine and its new dose from the clinical note.',
      ].join('\n\n'),
    );
    assert.equal(extraction.messages[1].content, 'amlodipine, 10 mg');
    const persona = lines.find((l) => l.messages[0].role === 'system')!;
    assert.deepEqual(
      persona.messages.map((m) => m.role),
      ['system', 'user', 'assistant'],
    );
  });

  it('refuses to export while errors remain (exit 1), unless --force', () => {
    const mixed = join(FIXTURES, 'mixed');
    const refused = sft(['export', '--format', 'jsonl'], { cwd: mixed });
    assert.equal(refused.code, 1);
    assert.equal(refused.stdout, '');
    assert.equal(
      refused.stderr,
      'sft: export refused: 1 error in 1 file (run sft lint to see them, or pass --force)\n',
    );
    const forced = sft(
      ['export', '--format', 'jsonl', '--force', '--out', join(t.dir, 'out.jsonl')],
      { cwd: mixed },
    );
    assert.equal(forced.code, 0, forced.stderr);
    assert.equal(readFileSync(join(t.dir, 'out.jsonl'), 'utf8').trim().split('\n').length, 2);
  });

  it('--status keeps only those pairs, and errors in other pairs do not block', () => {
    const r = sft([
      'export',
      '--format',
      'jsonl',
      '--status',
      'approved',
      'examples/general-knowledge.sft.yaml',
      'examples/hindi.sft.yaml',
      'examples/reading-and-reasoning.sft.yaml',
      '--force',
    ]);
    const statuses = new Set(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { status: string }).status),
    );
    assert.deepEqual([...statuses], ['approved']);
    const hindi = sft([
      'export',
      '--format',
      'alpaca',
      '--status',
      'approved,review',
      'examples/hindi.sft.yaml',
    ]);
    assert.equal(hindi.code, 0, hindi.stderr);
    assert.equal((JSON.parse(hindi.stdout) as unknown[]).length, 8);
  });

  it('import: generated ids, block scalars, quoting; skipped records reported, exit 1', () => {
    const input = [
      JSON.stringify({
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Yes or no: is 7 prime?' },
          { role: 'assistant', content: 'yes' },
        ],
      }),
      'not json',
      JSON.stringify({
        messages: [
          { role: 'user', content: 'Write two lines.' },
          { role: 'assistant', content: 'Line one\nline two: done' },
        ],
      }),
    ].join('\n');
    writeFileSync(join(t.dir, 'in.jsonl'), input);
    const r = sft(['import', '--format', 'openai', 'in.jsonl', '--id-prefix', 'imp'], {
      cwd: t.dir,
    });
    assert.equal(r.code, 1);
    assert.equal(r.stderr, 'sft: in.jsonl: line 2: not valid JSON; skipped\n');
    assert.equal(
      r.stdout,
      [
        '# Imported by sft import from in.jsonl (openai).',
        '',
        'sft: 1',
        'pairs:',
        '  - id: imp-0001',
        '    system: Be brief.',
        '    prompt: "Yes or no: is 7 prime?"',
        '    response: "yes"', // quoted: YAML 1.1 readers (PyYAML) take a plain yes for true
        '',
        '  - id: imp-0002',
        '    prompt: Write two lines.',
        '    response: |-',
        '      Line one',
        '      line two: done',
        '',
      ].join('\n'),
    );
  });

  it('import does not overwrite an existing file without --force', () => {
    writeFileSync(join(t.dir, 'in.jsonl'), JSON.stringify({ prompt: 'p?', response: 'r.' }) + '\n');
    writeFileSync(join(t.dir, 'keep.sft.yaml'), 'mine');
    const r = sft(['import', '--format', 'jsonl', 'in.jsonl', '--out', 'keep.sft.yaml'], {
      cwd: t.dir,
    });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /keep\.sft\.yaml exists; pass --force/);
    assert.equal(readFileSync(join(t.dir, 'keep.sft.yaml'), 'utf8'), 'mine');
    assert.equal(
      sft(['import', '--format', 'jsonl', 'in.jsonl', '--out', 'keep.sft.yaml', '--force'], {
        cwd: t.dir,
      }).code,
      0,
    );
    assert.match(readFileSync(join(t.dir, 'keep.sft.yaml'), 'utf8'), /id: keep-0001/);
  });
});
