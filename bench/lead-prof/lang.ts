import { readFileSync } from 'node:fs';
import { FileLinter } from '../../src/core/lint';
import { loadGuidelines } from '../../src/core/guidelines';
import { BENCH_GUIDELINES } from '../corpus';
import { languageStats } from '../../src/core/text/language';
const text = readFileSync('/tmp/sft-studio-bench-v2/batch-000.sft.yaml', 'utf8');
const g = loadGuidelines(BENCH_GUIDELINES).guidelines;
new FileLinter(g).lint(text);
console.log(languageStats);
