/**
 * Whether the final answer of a worked answer follows from its steps. The final answer is a
 * number on the last line in one of the forms data sets use (`#### 72`, `\boxed{72}`, `The
 * answer is 72`, `Answer: 72`, or a bare `72` after two or more worked lines); it follows when
 * it is the result of a step (`... = 72`), a number of the last worked line (`So she needs 72
 * more`, `it took three days`), or one of those rounded, or in cents or percent (`$0.25` and
 * `#### 25`). Otherwise the steps say one thing and the final answer another. A text whose
 * last worked line computes nothing (`... = N`), or whose final answer is not one plain
 * number, is not read.
 */

/** A final answer that none of the steps gives, as offsets of its number into the text. */
export interface ContradictedFinal {
  start: number;
  end: number;
  /** The final answer as written. */
  final: string;
  /** The result of the last step. */
  last: string;
}

// A number as written in worked answers: a sign, `$`, thousands groups (`80,000`, `400 000`), decimals.
const NUMBER = String.raw`[-−]?\$?[ \t]?(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?: \d{3})+(?![\d,]|\.\d)|\d+)?(?:\.\d+)?`;
// What may follow a final number: a percent, a unit or a few words (`14 bags`, `6 years old`).
const AFTER = String.raw`[ \t]*%?(?:[ \t]+\p{L}[\p{L}'’-]*){0,3}[ \t]*[.!]?[*_ \t\r]*$`;

/** The forms of a final-answer line; group 1 is the number. */
const FINAL_FORMS = [
  new RegExp(String.raw`^[ \t]*#{3,}[ \t]*(${NUMBER})${AFTER}`, 'u'),
  new RegExp(String.raw`\\boxed\{[ \t]*(${NUMBER})[ \t]*%?[ \t]*\}[ \t.$\r]*$`, 'u'),
  new RegExp(
    String.raw`(?:^|[.!?:][ \t]+)[*_ \t]*(?:(?:so|therefore|thus|hence),?[ \t]+)?(?:the[ \t]+(?:final[ \t]+)?answer[ \t]+is|(?:final[ \t]+)?answer[ \t]*[:：])[*_ \t]*(${NUMBER})${AFTER}`,
    'iu',
  ),
];
const BARE = new RegExp(String.raw`^[ \t*_]*(${NUMBER})${AFTER}`, 'u');

/** A step's result: the number right after an `=`. */
const RESULT = new RegExp(String.raw`=[ \t]*(${NUMBER})`, 'gu');
/** Any number in a line. */
const ANY_NUMBER = new RegExp(String.raw`(?<![\w.])(${NUMBER})`, 'gu');

const NUMBER_WORDS = new Map(
  (
    'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen ' +
    'fifteen sixteen seventeen eighteen nineteen twenty'
  )
    .split(' ')
    .map((w, i) => [w, i]),
);
for (const [w, n] of [
  ['thirty', 30],
  ['forty', 40],
  ['fifty', 50],
  ['hundred', 100],
  ['half', 0.5],
  ['twice', 2],
  ['once', 1],
] as const)
  NUMBER_WORDS.set(w, n);

function value(token: string): number | undefined {
  const t = token.replace(/[$,\s]/g, '').replace('−', '-');
  if (!/\d/.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

function numbersOf(line: string, re: RegExp): number[] {
  const out: number[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    const n = value(m[1]);
    if (n !== undefined) out.push(n);
    if (m[0] === '') re.lastIndex++;
  }
  return out;
}

const close = (a: number, b: number): boolean =>
  Math.abs(a - b) <= Math.max(0.005, 0.01 * Math.abs(b));

/** Whether a final answer is a step's number: as written, rounded, or in cents or percent. */
function follows(final: number, from: number): boolean {
  return (
    close(final, from) ||
    close(final, from * 100) ||
    close(final, from / 100) ||
    (Number.isInteger(final) && Math.floor(from) <= final && final <= Math.ceil(from))
  );
}

/** The final-answer number of a last line: its offsets in the line and its text; the line's part before it. */
function finalOf(
  line: string,
  worked: number,
): { start: number; end: number; before: string } | undefined {
  for (const re of FINAL_FORMS) {
    const m = re.exec(line);
    if (m) return place(line, m, m.index);
  }
  if (worked < 2) return undefined;
  const m = BARE.exec(line);
  return m ? place(line, m, m.index) : undefined;
}

function place(
  line: string,
  m: RegExpExecArray,
  at: number,
): { start: number; end: number; before: string } | undefined {
  const number = m[1].trim();
  if (!/\d/.test(number)) return undefined;
  const start = line.indexOf(number, at);
  if (start < 0) return undefined;
  return { start, end: start + number.length, before: line.slice(0, at) };
}

/** The final answer of a worked answer when it contradicts the steps, else undefined. */
export function contradictedFinal(text: string): ContradictedFinal | undefined {
  // No digit on the last line, no final number to check: most texts end so, and are not split.
  const tail = text.trimEnd();
  if (!/\d/.test(tail.slice(tail.lastIndexOf('\n') + 1))) return undefined;
  const lines = text.split('\n');
  let lastIndex = lines.length - 1;
  while (lastIndex > 0 && !lines[lastIndex].trim()) lastIndex--;
  const lastLine = lines[lastIndex];
  // A final-answer line is short; a long one is prose.
  if (lastLine.length > 200) return undefined;
  const body = lines.slice(0, lastIndex).filter((l) => l.trim());
  const final = finalOf(lastLine, body.length);
  if (!final) return undefined;
  const answer = value(lastLine.slice(final.start, final.end));
  if (answer === undefined) return undefined;
  // The words before the answer on its own line are the last worked words.
  if (/[\p{L}\d]/u.test(final.before)) body.push(final.before);
  const lastWorked = body[body.length - 1];
  // The last worked line computes a result: a last step done in words ("she gives 2 away and
  // eats 1") may well give the final answer, and is not read.
  if (!lastWorked || !numbersOf(lastWorked, RESULT).length) return undefined;
  const results = body.flatMap((l) => numbersOf(l, RESULT));
  const words = (lastWorked.toLowerCase().match(/\p{L}+/gu) ?? [])
    .map((w) => NUMBER_WORDS.get(w))
    .filter((n): n is number => n !== undefined);
  const candidates = [...results, ...numbersOf(lastWorked, ANY_NUMBER), ...words];
  if (candidates.some((c) => follows(answer, c))) return undefined;
  const offset = lines.slice(0, lastIndex).reduce((n, l) => n + l.length + 1, 0);
  return {
    start: offset + final.start,
    end: offset + final.end,
    final: lastLine.slice(final.start, final.end),
    last: String(results[results.length - 1]),
  };
}
