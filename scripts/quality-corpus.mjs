// Builds the corpus `npm run quality` lints: about 5,500 real, human-written pairs as `.sft.yaml`
// files, one file per source, from public datasets you have checked out (or cloned bare).
// Nothing here downloads anything, and the corpus is written outside the repo.
//
//   node scripts/quality-corpus.mjs OUT_DIR REPO...
//
// Sources (each recognised by the files it holds, skipped when absent):
//   openai/grade-school-math   the test split's 1,319 maths word problems with worked answers
//                              that end in the dataset's own `#### N` line (chain_of_thought)
//   yizhongw/self-instruct     the seed tasks and user-oriented instructions written by people
//                              (generation, response_type from the answer's shape), and 200 pairs from each of a set of its T0 prompt
//                              templates: news, review and encyclopedia classification with the
//                              template's label set, headline and multi-document summarization,
//                              and reading comprehension (duorc, cosmos_qa, quoref, adversarial_qa)
//                              whose passage is quoted in the prompt, as the templates write it.
// Every pair is annotated and in review with a reviewer, so the per-pair QA facts stay out of the
// way of the content rules. Deterministic: the same checkouts give the same bytes.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { clean, corpusArgs, gsm8k, jsonl, opened, pairYaml, selfInstruct } from './real-corpus.mjs';

const T0_DIR = 'data/finetuning/t0_train_50k/data_per_template';
const GUIDELINES = `sft-guidelines: 1
name: Quality corpus (real pairs from public datasets)
`;

/** T0 templates: [template, task]. Classification label sets are read from the answers. */
const T0_TEMPLATES = [
  ['ag_news_classify', 'closed_classification'],
  ['amazon_polarity_Is_this_review', 'closed_classification'],
  ['imdb_Movie_Expressed_Sentiment', 'closed_classification'],
  ['imdb_Reviewer_Enjoyment_Yes_No', 'closed_classification'],
  ['dbpedia_14_pick_one_category_for_the_following_text', 'closed_classification'],
  ['dbpedia_14_given_list_what_category_does_the_paragraph_belong_to', 'closed_classification'],
  ['gigaword_generate_summary_for_this', 'summarization'],
  ['gigaword_TLDR', 'summarization'],
  ['multi_news_summarize', 'summarization'],
  ['multi_news_what_are_the_key_points', 'summarization'],
  ['cnn_dailymail_3_0_0_news_summary', 'summarization'],
  ['duorc_SelfRC_answer_question', 'closed_qa'],
  ['duorc_ParaphraseRC_answer_question', 'closed_qa'],
  ['cosmos_qa_context_question_description_answer_text', 'closed_qa'],
  ['quoref_Answer_Question_Given_Context', 'closed_qa'],
  ['quoref_Find_Answer', 'closed_qa'],
  ['adversarial_qa_dbert_answer_the_following_q', 'closed_qa'],
  ['adversarial_qa_dbidaf_answer_the_following_q', 'closed_qa'],
  ['adversarial_qa_droberta_answer_the_following_q', 'closed_qa'],
];

/** The shape of an answer, as a writer would annotate it. */
function responseType(answer) {
  const words = answer.trim().split(/\s+/).length;
  if (answer.includes('\n') || /[a-z]{2}[.!?]["')\]]*\s+[A-Z]/.test(answer) || words > 40)
    return 'descriptive';
  return words === 1 ? 'one_word' : words <= 5 ? 'short_phrase' : 'single_sentence';
}

const DOMAINS = {
  ag_news: 'general',
  amazon: 'business',
  imdb: 'entertainment',
  dbpedia: 'general',
};

/** Pairs with their response_type annotated from the answer's shape, as a writer would. */
function* annotated(pairs) {
  for (const p of pairs) yield { ...p, responseType: responseType(p.response) };
}

/** One T0 template's prompt/completion records as pairs. */
function* t0(text, template, task) {
  const records = [...jsonl(text)].map((r) => ({
    prompt: clean(r.prompt),
    response: clean(r.completion.replace(/<\|endoftext\|>$/, '')),
  }));
  const labels =
    task === 'closed_classification' ? [...new Set(records.map((r) => r.response))].sort() : null;
  const source = template.split('_')[0];
  let n = 0;
  for (const r of records) {
    if (!r.prompt || !r.response) continue;
    yield {
      id: `t0-${template.replace(/_/g, '-').toLowerCase()}-${String(++n).padStart(3, '0')}`,
      task,
      responseType: responseType(r.response),
      domain: DOMAINS[source] ?? (task === 'closed_qa' ? 'literature' : 'general'),
      language: 'en',
      labels,
      prompt: r.prompt,
      response: r.response,
    };
  }
}

/** Every source the given repositories hold: [file name, pairs]. */
function sources(repos) {
  const out = [];
  for (const { repo, has } of opened(repos)) {
    const test = 'grade_school_math/data/test.jsonl';
    if (has(test)) out.push(['gsm8k-test', gsm8k(repo.read(test), 'gsm-test', true)]);
    for (const [name, f, prefix] of [
      ['self-instruct-user', 'human_eval/user_oriented_instructions.jsonl', 'si-user'],
      ['self-instruct-seed', 'data/seed_tasks.jsonl', 'si-seed'],
    ])
      if (has(f)) out.push([name, annotated(selfInstruct(repo.read(f), prefix))]);
    for (const [template, task] of T0_TEMPLATES) {
      const f = `${T0_DIR}/${template}.jsonl`;
      if (has(f)) out.push([`t0-${template}`, t0(repo.read(f), template, task)]);
    }
  }
  return out;
}

/** Pairs per file: big files are slow to review by hand. */
const FILE_PAIRS = 400;

function main() {
  const { outDir, repos } = corpusArgs('quality-corpus');
  let total = 0;
  let files = 0;
  for (const [name, pairs] of sources(repos)) {
    const all = [...pairs];
    for (let part = 0; part * FILE_PAIRS < all.length; part++) {
      const chunk = all.slice(part * FILE_PAIRS, (part + 1) * FILE_PAIRS);
      let text = `# ${name}: real text from a public dataset (see scripts/quality-corpus.mjs)\nsft: 1\npairs:\n`;
      // pairYaml's index picks status and reviewer: 1 is always review, with a reviewer.
      chunk.forEach((p, i) => (text += pairYaml(p, 1 + 3 * i)));
      const file = `${name}${part ? `-${part + 1}` : ''}.sft.yaml`;
      writeFileSync(join(outDir, file), text);
      total += chunk.length;
      files++;
    }
  }
  writeFileSync(join(outDir, 'sft.guidelines.yaml'), GUIDELINES);
  console.log(`${total} pairs in ${files} files in ${outDir}`);
}

main();
