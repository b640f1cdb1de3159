import { readFileSync } from 'node:fs';
import { FileLinter } from '../../src/core/lint';
import { loadGuidelines } from '../../src/core/guidelines';
import { BENCH_GUIDELINES, CORPUS_DIR, lintFileIn } from '../corpus';
import { languageStats } from '../../src/core/text/language';
const text = readFileSync(lintFileIn(CORPUS_DIR), 'utf8');
const g = loadGuidelines(BENCH_GUIDELINES).guidelines;
new FileLinter(g).lint(text);
console.log(languageStats);
