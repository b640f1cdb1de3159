import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSft, updateSft } from '../../../src/core/parse/parse';
import { defaultGuidelines } from '../../../src/core/guidelines';
import { WorkspaceIndex, indexFile } from '../../../src/core/workspace/index';
import { estimatedJaccard, minhash } from '../../../src/core/workspace/minhash';
import { cleanPair as cleanPairWithSky, guidelinesFrom, sftFile } from '../helpers';
import { REPO_ROOT } from '../cli/run-cli';

/** A clean pair whose prompt is too short for a signature, so only the prompts a test sets can be near-duplicates. */
const cleanPair = (id: string, extra = ''): string =>
  cleanPairWithSky(id, extra).replace(
    'prompt: Why is the sky blue on a clear day?',
    `prompt: Tell me about ${id}.`,
  );
const withPrompt = (id: string, prompt: string): string =>
  cleanPairWithSky(id).replace('prompt: Why is the sky blue on a clear day?', `prompt: ${prompt}`);

const g = defaultGuidelines();
const guidelinesFor = (): typeof g => g;

function index(files: Record<string, string>): WorkspaceIndex {
  const ix = new WorkspaceIndex();
  for (const [file, text] of Object.entries(files)) ix.setFile(file, parseSft(text), g);
  return ix;
}

/** A pair of `task` whose block prompt is `prompt` (lines joined by "\n  ") and whose response is `answer`. */
const taskPair = (id: string, task: string, prompt: string, answer: string): string =>
  withPrompt(id, `|\n  ${prompt}`)
    .replace('task: open_qa', `task: ${task}`)
    .replace(/response: .*/, `response: ${answer}`);

/** The ids of the pairs of one file that near-duplicate reports. */
const nearDuplicateIds = (text: string): (string | undefined)[] =>
  index({ 'a.sft.yaml': text })
    .problemsFor('a.sft.yaml', guidelinesFor)
    .filter((p) => p.rule === 'near-duplicate')
    .map((p) => p.pairId);

/** Deterministic prose over a large made-up vocabulary, so unrelated prompts share almost no shingles. */
function words(seed: number, n: number): string {
  let s = seed * 7919 + 1;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff;
    out.push(`w${(s >>> 8) % 5000}`);
  }
  return out.join(' ');
}

const LONG =
  'Write a short story about a lighthouse keeper who finds a message in a bottle that was sent fifty years ago by her own grandmother, and describe the storm that night.';

describe('workspace rules', () => {
  it('duplicate-id: across two files, with related places pointing at the other pair', () => {
    const a = sftFile(cleanPair('hc-1'), cleanPair('hc-2'));
    const b = sftFile(cleanPair('x-9'), cleanPair('hc-2'));
    const ix = index({ 'a.sft.yaml': a, 'b.sft.yaml': b });
    const pa = ix.problemsFor('a.sft.yaml', guidelinesFor).filter((p) => p.rule === 'duplicate-id');
    assert.equal(pa.length, 1);
    assert.equal(a.slice(pa[0].start, pa[0].end), 'hc-2');
    assert.equal(pa[0].severity, 'error');
    assert.equal(pa[0].pairId, 'hc-2');
    assert.equal(pa[0].related?.length, 1);
    const rel = pa[0].related![0];
    assert.equal(rel.file, 'b.sft.yaml');
    assert.equal(b.slice(rel.start, rel.end), 'hc-2');
    assert.equal(b.split('\n')[rel.line].slice(rel.character, rel.character + 4), 'hc-2');
    assert.match(pa[0].message, /b\.sft\.yaml:\d+/);
    const pb = ix.problemsFor('b.sft.yaml', guidelinesFor).filter((p) => p.rule === 'duplicate-id');
    assert.equal(pb.length, 1);
    assert.equal(pb[0].related![0].file, 'a.sft.yaml');
  });

  it('duplicate-id: names the other pairs in place order, whatever order the files were read in', () => {
    const files = {
      'a.sft.yaml': sftFile(cleanPair('x-1'), cleanPair('dup')),
      'b.sft.yaml': sftFile(cleanPair('dup')),
      'c.sft.yaml': sftFile(cleanPair('dup'), cleanPair('dup')),
    };
    const messages = (ix: WorkspaceIndex) =>
      Object.keys(files).map((f) =>
        ix.problemsFor(f, guidelinesFor).map((p) => [p.message, p.related?.map((r) => r.file)]),
      );
    const inOrder = index(files);
    // Read in another order, and b read again (as an edit does): the same messages and links.
    const shuffled = index({
      'c.sft.yaml': files['c.sft.yaml'],
      'b.sft.yaml': files['b.sft.yaml'],
    });
    shuffled.setFile('a.sft.yaml', parseSft(files['a.sft.yaml']), g);
    shuffled.setFile('b.sft.yaml', parseSft(files['b.sft.yaml']), g);
    assert.deepEqual(messages(shuffled), messages(inOrder));
    assert.match(messages(inOrder)[2][0][0] as string, /also used at a\.sft\.yaml:\d+ and 2 more/);
    assert.deepEqual(messages(inOrder)[2][0][1], ['a.sft.yaml', 'b.sft.yaml', 'c.sft.yaml']);
  });

  it('duplicate-id: within one file, each pair links to the other', () => {
    const a = sftFile(cleanPair('dup'), cleanPair('ok'), cleanPair('dup'));
    const ix = index({ 'a.sft.yaml': a });
    const ps = ix.problemsFor('a.sft.yaml', guidelinesFor).filter((p) => p.rule === 'duplicate-id');
    assert.equal(ps.length, 2);
    assert.notEqual(ps[0].start, ps[1].start);
    assert.equal(ps[0].related![0].start, ps[1].start);
    assert.equal(ps[1].related![0].start, ps[0].start);
    assert.equal(ps[0].related![0].file, 'a.sft.yaml');
  });

  it('duplicate-id: severity from the guidelines, off turns it off, a reasoned silence applies', () => {
    const a = sftFile(cleanPair('dup'), cleanPair('dup'));
    const ix = index({ 'a.sft.yaml': a });
    const warn = guidelinesFrom('sft-guidelines: 1\nrules:\n  duplicate-id: warning\n');
    assert.deepEqual(
      ix
        .problemsFor('a.sft.yaml', () => warn)
        .filter((p) => p.rule === 'duplicate-id')
        .map((p) => p.severity),
      ['warning', 'warning'],
    );
    const off = guidelinesFrom('sft-guidelines: 1\nrules:\n  duplicate-id: off\n');
    assert.equal(
      ix.problemsFor('a.sft.yaml', () => off).filter((p) => p.rule === 'duplicate-id').length,
      0,
    );
    const silenced = sftFile(
      cleanPair('dup', '# sft-ignore duplicate-id: kept for the A/B comparison\n'),
      cleanPair('dup'),
    );
    const ix2 = index({ 's.sft.yaml': silenced });
    assert.equal(
      ix2.problemsFor('s.sft.yaml', guidelinesFor).filter((p) => p.rule === 'duplicate-id').length,
      1,
    );
  });

  it('near-duplicate: finds a lightly edited prompt in another file, not an unrelated one', () => {
    const a = sftFile(withPrompt('a1', `${LONG}`), cleanPair('a2'));
    // Case and punctuation changes do not count; one added word changes one of ~31 shingles.
    const edited = `${LONG.replace('Write', 'write').replace(',', ';').replace(/\.$/, '')} tonight.`;
    const b = sftFile(withPrompt('b1', `"${edited}"`));
    const c = sftFile(withPrompt('c1', `${words(1, 40)}`));
    const ix = index({ 'a.sft.yaml': a, 'b.sft.yaml': b, 'c.sft.yaml': c });
    const pa = ix
      .problemsFor('a.sft.yaml', guidelinesFor)
      .filter((p) => p.rule === 'near-duplicate');
    assert.equal(pa.length, 1);
    assert.equal(pa[0].severity, 'warning');
    assert.equal(pa[0].pairId, 'a1');
    assert.equal(a.slice(pa[0].start, pa[0].end), LONG);
    assert.equal(pa[0].related![0].file, 'b.sft.yaml');
    assert.equal(b.slice(pa[0].related![0].start, pa[0].related![0].end), 'b1');
    const pb = ix
      .problemsFor('b.sft.yaml', guidelinesFor)
      .filter((p) => p.rule === 'near-duplicate');
    assert.equal(pb.length, 1);
    assert.equal(b.slice(pb[0].start, pb[0].end), `"${edited}"`);
    assert.equal(ix.problemsFor('c.sft.yaml', guidelinesFor).length, 0);
  });

  it('near-duplicate: one passage, different questions and answers, is not a duplicate; the same request twice is', () => {
    const passage =
      'Melanie Ballard arrives by train at a Mars mining camp that has cut all communication links with the company headquarters, with a group of fellow police officers, and finds the camp deserted except for one prisoner.';
    const qa = (id: string, task: string, question: string, answer: string): string =>
      taskPair(id, task, `${passage}\n  ${question}`, answer);
    const text = sftFile(
      // Reading comprehension: the same passage, different questions, different answers.
      qa('rc-1', 'closed_qa', 'Question: How did the police arrive?', 'By train.'),
      qa('rc-2', 'closed_qa', 'Question: Who is left in the camp?', 'One prisoner'),
      // The same article submitted twice for summarization: the same answer.
      qa('sum-1', 'summarization', 'Summarize this.', 'Police find a Mars camp deserted.'),
      qa('sum-2', 'summarization', 'Summarise this:', 'Police find a Mars camp deserted.'),
      // The same passage labelled twice: a label answers whatever its wording.
      qa('cls-1', 'closed_classification', 'Is this sci-fi?', 'Yes'),
      qa('cls-2', 'closed_classification', 'Is this sci-fi or not?', 'science fiction'),
      // One passage, the same question twice, the same answer.
      qa('ex-1', 'extraction', 'Question: Who arrives by train?', 'Melanie Ballard'),
      qa('ex-2', 'extraction', 'Question: Who arrives by train here?', 'Melanie Ballard.'),
    );
    assert.deepEqual(nearDuplicateIds(text), ['sum-1', 'sum-2', 'cls-1', 'cls-2', 'ex-1', 'ex-2']);
  });

  it('near-duplicate: over one quoted plot, the question decides: another question with the same short answer is not a duplicate; the same question is, whatever the answers', () => {
    const plot =
      "Movie plot title: Mortal Kombat\n  Movie plot: The film is centered on Mortal Kombat, a fighting tournament between the representatives of the realms of Earth and Outworld. Shaolin monk Liu Kang and his comrades, movie star Johnny Cage and military officer Sonya Blade, were handpicked by Raiden, the god of thunder. Despite Sonya's warning, Cage comes to Tsung to request a fight with Goro. The sorcerer accepts, and takes Sonya hostage to force Liu to fight in the place of Cage.";
    const rc = (id: string, question: string, answer: string): string =>
      taskPair(
        id,
        'closed_qa',
        `Please answer the following question about this movie plot. If it's un-answerable, please output "No answer".\n\n  Question: ${question}\n  ${plot}`,
        answer,
      );
    const text = sftFile(
      // Different questions that share a short answer (a name): not one request.
      rc('mk-1', 'Who does Tsung take hostage?', 'Sonya'),
      rc('mk-2', 'Who warns Cage about Tsung?', 'Sonya'),
      // The same question twice, answered in other words: one request (or a contradiction).
      rc('mk-3', 'Who fights in the place of Cage?', 'Liu Kang'),
      rc('mk-4', 'Who fights in the place of Cage?', 'The Shaolin monk'),
      // The question narrowed by a word, the same answer: one request.
      rc('mk-5', 'Who handpicked the fighters?', 'Raiden'),
      rc('mk-6', 'Who handpicked the fighters of Earth?', 'Raiden.'),
    );
    assert.deepEqual(nearDuplicateIds(text), ['mk-3', 'mk-4', 'mk-5', 'mk-6']);
  });

  it('near-duplicate: real pairs over one passage: a question reworded with a kinship word (parent, mother) and the same answer is reported; different questions sharing an answer are not', () => {
    const file = join(REPO_ROOT, 'test/fixtures/near-duplicate/reworded-questions.sft.yaml');
    const ix = index({ 'reworded-questions.sft.yaml': readFileSync(file, 'utf8') });
    const near = ix
      .problemsFor('reworded-questions.sft.yaml', guidelinesFor)
      .filter((p) => p.rule === 'near-duplicate');
    const q = 't0-adversarial-qa-dbidaf-answer-the-following-q-';
    // "Who was the parent of Emperor He?" / "Who was He's mother?", both "Consort Liang".
    assert.deepEqual(
      near.map((p) => p.pairId),
      [`${q}142`, `${q}146`],
    );
    // Each links the other alone: not 147/148 (child, husband: other facts, both "Emperor He"),
    // not quoref 163/168 (who pretends to be Hillary's date, who saves her: both "Nick Rivers").
    const linked = near.map((p) => (p.related ?? []).map((r) => r.start));
    const idStart = (id: string): number => ix.pairsWithId(id)[0].idSpan.start;
    assert.deepEqual(linked, [[idStart(`${q}146`)], [idStart(`${q}142`)]]);
  });

  it('near-duplicate: the threshold comes from the guidelines', () => {
    const base = words(7, 60);
    const ws = base.split(' ');
    for (let i = 0; i < 60; i += 6) ws[i] = `changed${i}`; // ~10 of 58 shingles x3 → Jaccard well below 0.85
    const a = sftFile(withPrompt('a', `${base}`), withPrompt('b', `${ws.join(' ')}`));
    const ix = index({ 'a.sft.yaml': a });
    const sim = estimatedJaccard(
      ix.entry('a.sft.yaml')!.pairs[0].signature!,
      ix.entry('a.sft.yaml')!.pairs[1].signature!,
    );
    assert.ok(sim < 0.85, `similarity ${sim}`);
    assert.equal(ix.problemsFor('a.sft.yaml', guidelinesFor).length, 0);
    const loose = guidelinesFrom(
      `sft-guidelines: 1\nrules:\n  near-duplicate: { threshold: ${Math.max(0.05, sim - 0.1).toFixed(2)} }\n`,
    );
    // Candidates come from LSH, which is tuned for 0.85: a loose threshold only sees pairs that share a band.
    const found = ix
      .problemsFor('a.sft.yaml', () => loose)
      .filter((p) => p.rule === 'near-duplicate');
    assert.ok(found.length === 0 || found.length === 2);
  });

  it('near-duplicate: 2,000 unrelated prompts verify few candidates (no all-pairs comparison)', () => {
    const ix = new WorkspaceIndex();
    for (let f = 0; f < 20; f++) {
      const pairs = Array.from({ length: 100 }, (_, i) =>
        withPrompt(`p-${f}-${i}`, `${words(f * 100 + i + 1, 30 + ((f * 7 + i) % 50))}`),
      );
      ix.setFile(`f${f}.sft.yaml`, parseSft(sftFile(...pairs)), g);
    }
    assert.equal(ix.size, 2000);
    let near = 0;
    for (const f of ix.files())
      near += ix.problemsFor(f, guidelinesFor).filter((p) => p.rule === 'near-duplicate').length;
    assert.equal(near, 0);
    // All pairs would be ~2,000,000 comparisons; LSH buckets give next to none.
    assert.ok(ix.verifiedCandidates < 200, `verified ${ix.verifiedCandidates}`);
  });

  it('near-duplicate: 10,000 copies of one prompt stay linear: each is linked to others, with bounded lists', () => {
    const ix = new WorkspaceIndex();
    const affected: string[][] = [];
    ix.onDidChange((c) => affected.push(c.affected));
    const n = 10_000;
    const text = sftFile(...Array.from({ length: n }, (_, i) => withPrompt(`p-${i}`, LONG)));
    ix.setFile('a.sft.yaml', parseSft(text), g);
    ix.setFile('b.sft.yaml', parseSft(sftFile(withPrompt('b-1', LONG))), g);
    // The files near a change are found walking each bucket once, not once per pair in it.
    assert.deepEqual(affected, [['a.sft.yaml'], ['b.sft.yaml', 'a.sft.yaml']]);
    const problems = ix
      .problemsFor('a.sft.yaml', guidelinesFor)
      .filter((p) => p.rule === 'near-duplicate');
    assert.equal(problems.length, n);
    const at = new Set<string>();
    for (const [i, p] of problems.entries()) {
      assert.equal(p.pairId, `p-${i}`);
      assert.equal(text.slice(p.start, p.end), LONG);
      at.add(`${p.start}`);
      assert.equal(p.related!.length, 20);
      const linked = p.related!.map((r) => r.message.slice(r.message.lastIndexOf(' ') + 1));
      assert.ok(!linked.includes(`"p-${i}"`), `p-${i} linked to itself`);
      assert.equal(new Set(linked).size, 20);
      assert.match(
        p.message,
        /^Prompt is nearly the same as "p-\d+"'s at a\.sft\.yaml:\d+ \(100% similar\) \(and at least 199 more: a prompt is compared with 200 others at most\); vary it or drop one\.$/,
      );
    }
    assert.equal(at.size, n);
    // Comparisons per prompt are capped: 10,000 x 200 at most, not 10,000².
    assert.ok(ix.verifiedCandidates <= n * 200, `verified ${ix.verifiedCandidates}`);
    // The one copy in b.sft.yaml is linked to copies in a.sft.yaml.
    const b = ix.problemsFor('b.sft.yaml', guidelinesFor);
    assert.equal(b.length, 1);
    assert.ok(b[0].related!.every((r) => r.file === 'a.sft.yaml'));
  });

  it('near-duplicate: a file of 10,000 identical prompts is indexed again (an edit) or dropped walking each bucket once', () => {
    const ix = new WorkspaceIndex();
    const n = 10_000;
    const pairs = Array.from({ length: n }, (_, i) => withPrompt(`p-${i}`, LONG));
    const first = parseSft(sftFile(...pairs));
    ix.setFile('a.sft.yaml', first, g);
    ix.setFile('b.sft.yaml', parseSft(sftFile(withPrompt('b-1', LONG))), g);
    // An edit of one pair: the file's old pairs leave the buckets, its new ones go in.
    pairs[n / 2] = withPrompt(`p-${n / 2}`, `${LONG} Twice.`);
    ix.setFile('a.sft.yaml', parseSft(sftFile(...pairs)), g);
    // Each of the 16 bands' buckets walked once (n + 1 entries), not once per pair removed (n² / 2).
    assert.ok(ix.removalSteps <= 16 * (n + 1), `walked ${ix.removalSteps} bucket entries`);
    const near = (f: string) =>
      ix.problemsFor(f, guidelinesFor).filter((p) => p.rule === 'near-duplicate');
    assert.equal(near('a.sft.yaml').length, n);
    assert.equal(near('b.sft.yaml').length, 1);
    ix.deleteFile('a.sft.yaml');
    assert.deepEqual(near('b.sft.yaml'), [], 'no pair of the dropped file is left in a bucket');
    ix.setFile('a.sft.yaml', first, g);
    assert.equal(near('b.sft.yaml').length, 1, 'and the freed places are used again');
  });

  it('an edit of one pair re-indexes that pair only: the others keep their place in the buckets, moved, and the problems are those of a fresh index', () => {
    const pairs = Array.from({ length: 200 }, (_, i) => withPrompt(`p-${i}`, `${words(i, 30)}`));
    pairs[150] = withPrompt('p-150', LONG);
    const other = sftFile(withPrompt('o-1', LONG), cleanPair('p-7'));
    const ix = index({ 'a.sft.yaml': sftFile(...pairs), 'b.sft.yaml': other });
    const stored = ix.entry('a.sft.yaml')!.pairs;
    const changes: string[][] = [];
    ix.onDidChange((c) => changes.push(c.affected.sort()));
    const steps = ix.removalSteps;
    // Pair 20's prompt grows by a line: every pair after it moves.
    pairs[20] = withPrompt('p-20', `${words(20, 30)} and a little more`);
    const text = sftFile(...pairs);
    ix.setFile('a.sft.yaml', parseSft(text), g);
    const now = ix.entry('a.sft.yaml')!.pairs;
    assert.equal(now[19], stored[19], 'a pair before the edit is kept');
    assert.equal(now[150], stored[150], 'a pair after it is kept, moved');
    assert.notEqual(now[20], stored[20], 'the edited pair is indexed again');
    assert.ok(ix.removalSteps - steps <= 16 * 3, `walked ${ix.removalSteps - steps} entries`);
    assert.equal(ix.size, 202);
    // Moved as a fresh index places them, and problems as a fresh index finds them.
    const fresh = index({ 'a.sft.yaml': text, 'b.sft.yaml': other });
    assert.deepEqual(now, fresh.entry('a.sft.yaml')!.pairs);
    for (const f of ['a.sft.yaml', 'b.sft.yaml'])
      assert.deepEqual(ix.problemsFor(f, guidelinesFor), fresh.problemsFor(f, guidelinesFor));
    assert.ok(
      ix.problemsFor('a.sft.yaml', guidelinesFor).some((p) => p.rule === 'duplicate-id'),
      'p-7 is in both files',
    );
    assert.deepEqual(changes, [['a.sft.yaml']], 'only the file itself: pair 20 shares nothing');
  });

  it('signatures estimate Jaccard similarity without bias and with the spread of 128 permutations, short prompts too', () => {
    // Seeded words, each distinct, so every 3-word shingle is distinct and the true Jaccard
    // similarity of two prompts is known exactly.
    let seed = 7;
    const rand = (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const word = (): string =>
      Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(rand() * 26))).join('');
    const shingles = (ws: string[]): Set<string> =>
      new Set(ws.slice(2).map((_, i) => ws.slice(i, i + 3).join(' ')));
    for (const n of [12, 60, 200]) {
      for (const changes of [1, 2, 4]) {
        const errors: number[] = [];
        let variance = 0;
        for (let trial = 0; trial < 300; trial++) {
          const a = Array.from({ length: n }, word);
          const b = [...a];
          for (let c = 0; c < Math.max(1, Math.round((changes * n) / 60)); c++)
            b[Math.floor(rand() * n)] = word();
          const sa = shingles(a);
          const sb = shingles(b);
          const shared = [...sa].filter((x) => sb.has(x)).length;
          const j = shared / (sa.size + sb.size - shared);
          errors.push(estimatedJaccard(minhash(a.join(' '))!, minhash(b.join(' '))!) - j);
          variance += (j * (1 - j)) / 128;
        }
        const bias = errors.reduce((x, y) => x + y, 0) / errors.length;
        const rms = Math.sqrt(errors.reduce((x, y) => x + y * y, 0) / errors.length);
        const textbook = Math.sqrt(variance / errors.length);
        assert.ok(Math.abs(bias) < 0.01, `n ${n}, ${changes} changes: bias ${bias.toFixed(4)}`);
        assert.ok(
          rms <= 1.25 * textbook + 0.002,
          `n ${n}, ${changes} changes: rms ${rms.toFixed(4)} against ${textbook.toFixed(4)} for 128 permutations`,
        );
      }
    }
  });

  it('signatures: short prompts get none; CJK text is shingled by characters', () => {
    assert.equal(minhash('Translate: good morning'), undefined);
    const ja =
      '東京は日本の首都であり、世界で最も人口の多い都市の一つです。多くの人が電車で通勤しています。';
    const ja2 = ja.replace('多くの人', '多数の人');
    const s1 = minhash(ja)!;
    const s2 = minhash(ja2)!;
    assert.ok(s1 && s2);
    assert.ok(estimatedJaccard(s1, s2) > 0.6);
    assert.ok(estimatedJaccard(s1, minhash(words(3, 30))!) < 0.1);
    // Case, punctuation and spacing do not matter.
    assert.equal(
      estimatedJaccard(minhash(LONG)!, minhash(`  ${LONG.toUpperCase().replace(/,/g, ' ;')}!! `)!),
      1,
    );
    // One character of a script written without spaces (Thai, Han, astral Han, halfwidth
    // Katakana) anywhere shingles the whole prompt by characters, as the segmenter check says;
    // other letters, and a high surrogate without its pair, keep word shingles.
    for (const ch of ['ก', '中', '\u{20000}', 'ｱ', 'ဿ']) {
      const mixed = `${LONG} ${ch} and more words here`;
      assert.ok(estimatedJaccard(minhash(mixed)!, minhash(LONG)!) < 0.2, ch);
      assert.ok(estimatedJaccard(minhash(`${ch}${LONG}`)!, minhash(mixed)!) > 0.6, ch);
    }
    for (const ch of ['é', 'Ж', '\ud840', '\u{1F600}'])
      assert.ok(estimatedJaccard(minhash(`${LONG} ${ch}`)!, minhash(LONG)!) > 0.9, ch);
  });

  it('indexFile: effective annotations with defaults, counts, id place, prompt span', () => {
    const text = `sft: 1\ndefaults:\n  language: hi\n  author: priya\n  traits: [persona]\npairs:\n  - id: a\n    task: open_qa\n    language: en\n    prompt: ${LONG}\n    response: Fine.\n  - task: rewriting\n    prompt: Hi\n    response: Hello.\n`;
    const entry = indexFile('f.sft.yaml', parseSft(text), g);
    const [a, b] = entry.pairs;
    assert.equal(a.language, 'en');
    assert.equal(a.author, 'priya');
    assert.deepEqual(a.traits, ['persona']);
    assert.equal(a.task, 'open_qa');
    assert.equal(a.bucket, 'short');
    assert.ok(a.promptWords > 20);
    assert.equal(a.responseWords, 1);
    assert.equal(text.slice(a.idSpan.start, a.idSpan.end), 'a');
    assert.deepEqual([a.line, a.character], [6, 8]);
    assert.ok(a.signature);
    assert.equal(text.slice(a.promptSpan!.start, a.promptSpan!.end), LONG);
    assert.equal(b.id, undefined);
    assert.equal(b.language, 'hi');
    assert.equal(b.signature, undefined);
  });

  it('indexFile after an edit signs only the edited prompt again', () => {
    const text = `sft: 1\npairs:\n  - id: a\n    prompt: ${LONG}\n    response: Fine.\n  - id: b\n    prompt: Another ${LONG}\n    response: Fine.\n`;
    const model = parseSft(text);
    const entry = indexFile('f.sft.yaml', model, g);
    const before = entry.pairs;
    const at = text.indexOf('Another');
    const edited = updateSft(model, [{ start: at, end: at + 7, newText: 'One more' }])!;
    const after = indexFile('f.sft.yaml', edited, g, { previous: entry }).pairs;
    assert.equal(after[0].signature, before[0].signature, 'the untouched pair keeps its signature');
    assert.notEqual(after[1].signature, before[1].signature);
    assert.deepEqual(after[1].signature, minhash(`One more ${LONG}`));
  });

  it('indexFile for a one-shot pass (not updatable): no content hashes, everything else the same', () => {
    const text = `sft: 1\npairs:\n  - id: a\n    prompt: ${LONG}\n    response: Fine.\n`;
    const kept = indexFile('f.sft.yaml', parseSft(text), g);
    const once = indexFile('f.sft.yaml', parseSft(text), g, { updatable: false });
    assert.equal(typeof kept.pairs[0].contentHash, 'number');
    assert.ok(once.pairs.every((p) => p.contentHash === undefined));
    const { contentHash: _, ...rest } = kept.pairs[0];
    assert.deepEqual(once.pairs[0], rest);
  });

  it('indexFile of a file changed on disk keeps the counts and signatures of pairs whose text did not change', () => {
    const text = `sft: 1\npairs:\n  - id: a\n    prompt: ${LONG}\n    response: Fine.\n  - id: b\n    prompt: Another ${LONG}\n    response: Fine.\n`;
    const before = indexFile('f.sft.yaml', parseSft(text), g);
    const changed = text.replace('Another', 'One more').replace('id: a', 'id: a2');
    const after = indexFile('f.sft.yaml', parseSft(changed), g, { previous: before }).pairs;
    // Pair a's text changed (its id), so it is counted and signed again: equal values, new arrays.
    assert.notEqual(after[0].signature, before.pairs[0].signature);
    assert.deepEqual(after[0].signature, before.pairs[0].signature);
    assert.deepEqual(after[1].signature, minhash(`One more ${LONG}`));
    const again = indexFile('f.sft.yaml', parseSft(changed), g, {
      previous: { file: 'f.sft.yaml', pairs: after },
    }).pairs;
    assert.equal(
      again[0].signature,
      after[0].signature,
      'an unchanged pair takes the signature over',
    );
    assert.equal(again[1].signature, after[1].signature);
    assert.deepEqual(
      again.map((p) => [p.promptWords, p.responseWords, p.bucket]),
      after.map((p) => [p.promptWords, p.responseWords, p.bucket]),
    );
  });
});
