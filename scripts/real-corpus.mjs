// Builds a corpus of real, human-written text for `npm run bench -- --real DIR`: about 20
// `.sft.yaml` files of about 300 KB each, from public datasets you have checked out (or
// cloned bare). Nothing here downloads anything, and the corpus is written outside the repo.
//
//   node scripts/real-corpus.mjs OUT_DIR REPO...
//
// Each REPO is a checkout or a git directory of one of these public repositories; the script
// recognises them by the files they hold and skips what it does not know:
//   google-deepmind/xquad        xquad.<lang>.json: SQuAD passages and questions translated by
//                                people into 11 languages (ar de el es hi ro ru th tr vi zh) and en
//   yahoojapan/JGLUE            datasets/jsquad-*/valid-*.json: Japanese passages and questions
//   korquad/korquad.github.io   dataset/KorQuAD_v1.0_dev.json: Korean passages and questions
//   openai/grade-school-math    grade_school_math/data/{train,test}.jsonl: maths word problems
//                                with worked solutions (chain of thought)
//   yizhongw/self-instruct      human_eval/user_oriented_instructions.jsonl, data/seed_tasks.jsonl:
//                                instructions and answers written by people
//
// A passage dataset gives one pair per passage (its first question, the first answer; the
// passage as the context); a file stops at about 300 KB. With all five repositories: 20
// files, about 6 MB, in 14 languages. Deterministic: the same checkouts give the same bytes.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const FILE_BYTES = 300 * 1024;
const AUTHORS = ['priya', 'sam', 'lena', 'omar', 'yuki', 'raj'];
const STATUSES = ['draft', 'review', 'approved'];
const REVIEWERS = ['ana', 'ben', 'chen'];
const GUIDELINES = `sft-guidelines: 1
name: Real-text corpus
targets:
  task: { closed_qa: 30%, chain_of_thought: 20% }
rules:
  near-duplicate: { severity: warning, threshold: 0.85 }
`;

/** The files of a repository: a git directory (bare clone) or a checkout. */
export function repository(path) {
  const bare = existsSync(join(path, 'HEAD')) && existsSync(join(path, 'objects'));
  if (bare) {
    const files = execFileSync('git', ['--git-dir', path, 'ls-tree', '-r', '--name-only', 'HEAD'], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    })
      .split('\n')
      .filter(Boolean);
    return {
      files,
      read: (f) =>
        execFileSync('git', ['--git-dir', path, 'show', `HEAD:${f}`], {
          encoding: 'utf8',
          maxBuffer: 1 << 28,
        }),
    };
  }
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      if (name === '.git' || name === 'node_modules') continue;
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.push(relative(path, p).replace(/\\/g, '/'));
    }
  };
  walk(path);
  return { files: files.sort(), read: (f) => readFileSync(join(path, f), 'utf8') };
}

/** Text as writers keep it in a literal block: LF, no trailing spaces, no leading blank lines. */
export function clean(text) {
  return String(text)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[ \t]+$/, ''))
    .join('\n')
    .trim();
}

function block(key, text) {
  return `    ${key}: |\n${clean(text)
    .split('\n')
    .map((l) => (l ? `      ${l}` : ''))
    .join('\n')}\n`;
}

export function pairYaml(p, n) {
  let out = `  - id: ${p.id}\n    task: ${p.task}\n    prompt_type: instructive\n    response_type: ${p.responseType}\n`;
  const status = STATUSES[n % STATUSES.length];
  out += `    domain: ${p.domain}\n    language: ${p.language}\n    status: ${status}\n`;
  if (status !== 'draft') out += `    reviewer: ${REVIEWERS[n % REVIEWERS.length]}\n`;
  if (p.labels) out += `    labels: [${p.labels.map((l) => JSON.stringify(l)).join(', ')}]\n`;
  if (p.context) out += block('context', p.context);
  out += block('prompt', p.prompt);
  out += block('response', p.response);
  out += `    author: ${AUTHORS[n % AUTHORS.length]}\n`;
  return out;
}

/** The shape of a short answer. */
function responseType(answer) {
  const words = answer.trim().split(/\s+/).length;
  return words === 1 ? 'one_word' : words <= 5 ? 'short_phrase' : 'single_sentence';
}

/** SQuAD-format passages: one pair per passage. */
function* squad(json, language, prefix) {
  let n = 0;
  for (const article of JSON.parse(json).data) {
    for (const para of article.paragraphs) {
      const qa = para.qas.find((q) => q.answers?.length && clean(q.question));
      if (!qa || !clean(para.context)) continue;
      const answer = clean(qa.answers[0].text);
      yield {
        id: `${prefix}-${String(++n).padStart(4, '0')}`,
        task: n % 3 ? 'closed_qa' : 'extraction',
        responseType: responseType(answer),
        domain: 'general',
        language,
        context: para.context,
        prompt: qa.question,
        response: answer,
      };
    }
  }
}

export function* jsonl(text) {
  for (const line of text.split('\n')) if (line.trim()) yield JSON.parse(line);
}

/**
 * Grade-school maths with worked answers. The final line is rewritten to `The answer is N.`
 * unless `keepFinalLine` keeps the dataset's own `#### N` convention.
 */
export function* gsm8k(text, prefix, keepFinalLine = false) {
  let n = 0;
  for (const r of jsonl(text)) {
    // The dataset's calculator annotations (<<16-3-4=9>>) are for its own tooling, not for readers.
    const worked = r.answer.replace(/<<[^>]*>>/g, '');
    const response = keepFinalLine ? worked : worked.replace(/\n#### (.*)$/, '\nThe answer is $1.');
    yield {
      id: `${prefix}-${String(++n).padStart(5, '0')}`,
      task: 'chain_of_thought',
      responseType: 'descriptive',
      domain: 'education',
      language: 'en',
      prompt: r.question,
      response,
    };
  }
}

export function* selfInstruct(text, prefix) {
  let n = 0;
  for (const r of jsonl(text)) {
    for (const inst of r.instances) {
      if (!clean(inst.output)) continue;
      const prompt = clean(inst.input) ? `${r.instruction}\n\n${inst.input}` : r.instruction;
      yield {
        id: `${prefix}-${String(++n).padStart(4, '0')}`,
        task: 'generation',
        responseType: 'descriptive',
        domain: 'general',
        language: 'en',
        prompt,
        response: inst.output,
      };
    }
  }
}

/** Each repository path opened, with a test for the files it holds. */
export function* opened(repos) {
  for (const path of repos) {
    const repo = repository(resolve(path));
    yield { repo, has: (f) => repo.files.includes(f) };
  }
}

/** Every source of pairs the given repositories hold: [file name, pairs]. */
function sources(repos) {
  const out = [];
  for (const { repo, has } of opened(repos)) {
    for (const f of repo.files) {
      const m = /^xquad\.([a-z]{2})\.json$/.exec(f);
      if (m) out.push([`xquad-${m[1]}`, squad(repo.read(f), m[1], `xq-${m[1]}`)]);
    }
    const jsquad = repo.files
      .filter((f) => /^datasets\/jsquad-[^/]+\/valid-[^/]+\.json$/.test(f))
      .pop();
    if (jsquad) out.push(['jsquad-ja', squad(repo.read(jsquad), 'ja', 'js-ja')]);
    if (has('dataset/KorQuAD_v1.0_dev.json'))
      out.push(['korquad-ko', squad(repo.read('dataset/KorQuAD_v1.0_dev.json'), 'ko', 'kq-ko')]);
    for (const split of ['test', 'train']) {
      const f = `grade_school_math/data/${split}.jsonl`;
      if (has(f)) out.push([`gsm8k-${split}`, gsm8k(repo.read(f), `gsm-${split}`)]);
    }
    if (has('human_eval/user_oriented_instructions.jsonl'))
      out.push([
        'self-instruct-user',
        selfInstruct(repo.read('human_eval/user_oriented_instructions.jsonl'), 'si-user'),
      ]);
    if (has('data/seed_tasks.jsonl'))
      out.push(['self-instruct-seed', selfInstruct(repo.read('data/seed_tasks.jsonl'), 'si-seed')]);
  }
  return out.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/**
 * The command line `OUT_DIR REPO...`, with OUT_DIR created; refuses an output folder inside
 * the repository: the data is not ours to commit.
 */
export function corpusArgs(script) {
  const [outDir, ...repos] = process.argv.slice(2);
  if (!outDir || !repos.length) {
    console.error(`usage: node scripts/${script}.mjs OUT_DIR REPO...`);
    process.exit(2);
  }
  if (resolve(outDir).startsWith(resolve('.') + '/') || resolve(outDir) === resolve('.')) {
    console.error(
      `${script}: write the corpus outside the repository (the data is not ours to commit)`,
    );
    process.exit(2);
  }
  mkdirSync(outDir, { recursive: true });
  return { outDir, repos };
}

function main() {
  const { outDir, repos } = corpusArgs('real-corpus');
  let total = 0;
  let files = 0;
  for (const [name, pairs] of sources(repos)) {
    // grade-school-math's splits fill two files each, every other source one: 20 files, ~6 MB.
    for (let part = 1; part <= (name.startsWith('gsm8k') ? 2 : 1); part++) {
      let text = `# ${name}: real text from a public dataset (see scripts/real-corpus.mjs)\nsft: 1\npairs:\n`;
      let n = 0;
      for (let next = pairs.next(); !next.done; next = pairs.next()) {
        text += pairYaml(next.value, n++);
        if (Buffer.byteLength(text) >= FILE_BYTES) break;
      }
      if (!n) break;
      const file = `${name}${part > 1 ? `-${part}` : ''}.sft.yaml`;
      writeFileSync(join(outDir, file), text);
      total += Buffer.byteLength(text);
      files++;
      console.log(`${file}: ${n} pairs, ${(Buffer.byteLength(text) / 1024).toFixed(0)} KB`);
      if (Buffer.byteLength(text) < FILE_BYTES) break;
    }
  }
  writeFileSync(join(outDir, 'sft.guidelines.yaml'), GUIDELINES);
  console.log(`${files} files, ${(total / 1048576).toFixed(1)} MB in ${outDir}`);
}

// Run as a script, not when quality-corpus.mjs imports the converters.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
