// parseDocument with default options vs the options parseSft uses, on the bench file.
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { parseSft } from '../../src/core/parse/parse';
import { CORPUS_DIR, lintFileIn } from '../corpus';
declare const gc: () => void;
const text = readFileSync(lintFileIn(CORPUS_DIR), 'utf8');
const t = (f: () => void) => {
  gc();
  const s = performance.now();
  f();
  return performance.now() - s;
};
const a: number[] = [];
const b: number[] = [];
const c: number[] = [];
for (let i = 0; i < 7; i++) {
  a.push(t(() => parseDocument(text)));
  b.push(t(() => parseSft(text)));
  c.push(
    t(() =>
      parseDocument(text, {
        keepSourceTokens: false,
        prettyErrors: false,
        uniqueKeys: false,
        strict: true,
      }),
    ),
  );
}
const m = (x: number[]) => x.sort((p, q) => p - q)[3].toFixed(0);
console.log('parseDocument', m(a), 'parseSft', m(b), 'parseDocument(sft options)', m(c));
