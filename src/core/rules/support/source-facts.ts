/**
 * The facts a summary can state that its source must have: numbers (as values), date words
 * (months and weekdays) and names (capitalised words inside a sentence). A `SourceFacts`
 * reads the source once; `absentFrom` lists a response's facts the source does not have.
 */
export type FactKind = 'number' | 'date' | 'name';

/** A fact of the response that the source does not state: where it is in the response. */
export interface AbsentFact {
  kind: FactKind;
  text: string;
  start: number;
  end: number;
}

const UNITS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const TEENS = [
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
/** Number words and their values ("one" is left out: it is a pronoun as often as a number). */
const NUMBER_WORDS = new Map<string, number>([
  ...UNITS.map((w, i): [string, number] => [w, i + 2]),
  ...TEENS.map((w, i): [string, number] => [w, i + 11]),
  ...TENS.map((w, i): [string, number] => [w, (i + 2) * 10]),
  ['dozen', 12],
]);
const ONES = new Map(['one', ...UNITS].map((w, i) => [w, i + 1]));

const MONTHS = [
  ['january', 'jan'],
  ['february', 'feb'],
  ['march', 'mar'],
  ['april', 'apr'],
  ['may'],
  ['june', 'jun'],
  ['july', 'jul'],
  ['august', 'aug'],
  ['september', 'sept', 'sep'],
  ['october', 'oct'],
  ['november', 'nov'],
  ['december', 'dec'],
];
const WEEKDAYS = [
  ['monday', 'mon'],
  ['tuesday', 'tue', 'tues'],
  ['wednesday', 'wed'],
  ['thursday', 'thu', 'thur', 'thurs'],
  ['friday', 'fri'],
  ['saturday', 'sat'],
  ['sunday', 'sun'],
];
/** A date word (any case, abbreviations included) to the month or weekday it names. */
const DATE_WORDS = new Map<string, string>([
  ...MONTHS.flatMap((forms) => forms.map((f): [string, string] => [f, forms[0]])),
  ...WEEKDAYS.flatMap((forms) => forms.map((f): [string, string] => [f, forms[0]])),
]);
/** Date words a summary states: full names only ("Sun", "Mar" and "May" are also plain words). */
const STATED_DATES = new Set([...MONTHS, ...WEEKDAYS].map((forms) => forms[0]));

/** Demonyms that do not begin like their country. */
const DEMONYMS = new Map([
  ['french', 'france'],
  ['dutch', 'netherlands'],
  ['swiss', 'switzerland'],
  ['welsh', 'wales'],
  ['greek', 'greece'],
  ['spanish', 'spain'],
  ['danish', 'denmark'],
  ['swedish', 'sweden'],
  ['british', 'britain'],
  ['thai', 'thailand'],
]);

/** Numbers with their separators and a unit or ordinal suffix ("1,000", "3.5", "21st", "1990s"). */
const NUMBER = /\d+(?:[.,]\d+)*/g;
/** Words, hyphen and apostrophe inside them kept ("Boutros-Ghali", "O'Brien"). */
const WORD = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu;
const UPPER = /^\p{Lu}/u;
/**
 * Before a word, what makes it the start of a sentence, a line, a list item or a quotation (its
 * capital says nothing).
 */
const STARTS_SENTENCE =
  /(?:(?:^|[.!?:;…]["'”’)\]]*\s+|\n[\s\-*•–—>#]*|^[\s\-*•–—>#]+)["'“‘(\[]*|(?:^|[\s(\[—–-])["“‘])$/;
/** "I", and "I'll", "I'm", "I'd", "I've": capitalised, and no name. */
const FIRST_PERSON = /^I(?:['’]\p{L}+)?$/u;

/** A number's value as text: "1,000" and "1000", "3.50" and "3.5" are one value. */
function numberValue(text: string): string {
  const plain = text.replace(/,(?=\d{3}(?!\d))/g, '').replace(',', '.');
  const n = Number(plain);
  return Number.isFinite(n) ? String(n) : plain;
}

/** A lowercase number word's value ("seven", "twenty-five"); "one" is not taken for a number. */
export function numberWordValue(lower: string): number | undefined {
  const direct = NUMBER_WORDS.get(lower);
  if (direct !== undefined) return direct;
  const [tens, ones] = lower.split('-');
  const t = NUMBER_WORDS.get(tens);
  const o = ones === undefined ? undefined : ONES.get(ones);
  return t !== undefined && t >= 20 && o !== undefined && o < 10 ? t + o : undefined;
}

/** A word without a possessive or plural ending, for comparing names. */
function nameKey(lower: string): string {
  return lower.replace(/['’]s$/, '').replace(/['’]$/, '');
}

/** Whether a word of the response is at the start of a sentence, a line or a list item. */
function atSentenceStart(text: string, at: number): boolean {
  return STARTS_SENTENCE.test(text.slice(Math.max(0, at - 12), at));
}

/** What a source text states: its numbers, date words and words, read once. */
export class SourceFacts {
  private readonly numbers = new Set<string>();
  private readonly dates = new Set<string>();
  private readonly words = new Set<string>();

  constructor(source: string) {
    for (const m of source.matchAll(NUMBER)) this.numbers.add(numberValue(m[0]));
    for (const m of source.matchAll(WORD)) {
      const lower = m[0].toLowerCase();
      const n = numberWordValue(lower);
      if (n !== undefined) this.numbers.add(String(n));
      const date = DATE_WORDS.get(lower.replace(/\.$/, ''));
      if (date) this.dates.add(date);
      for (const part of lower.split(/-/)) this.words.add(nameKey(part));
      this.words.add(nameKey(lower));
    }
  }

  private hasName(lower: string): boolean {
    const key = nameKey(lower);
    if (this.words.has(key) || this.words.has(key.replace(/e?s$/, ''))) return true;
    const country = DEMONYMS.get(key);
    if (country && this.words.has(country)) return true;
    // "Iraqi" and "Iraq", "American" and "America", "Chinese" and "China": one begins the other,
    // or both begin alike for most of the shorter.
    if (key.length < 4) return false;
    for (const w of this.words) {
      if (w.length < 4 || w[0] !== key[0]) continue;
      let same = 0;
      while (same < w.length && same < key.length && w[same] === key[same]) same++;
      if (same >= 4 && same >= Math.min(w.length, key.length) - 2) return true;
    }
    return false;
  }

  /**
   * The response's numbers, date words and (in English) names that the source does not have,
   * each once, in the order they come.
   */
  absentFrom(response: string, english: boolean): AbsentFact[] {
    const out: AbsentFact[] = [];
    const seen = new Set<string>();
    const add = (kind: FactKind, key: string, text: string, start: number) => {
      if (seen.has(`${kind}:${key}`)) return;
      seen.add(`${kind}:${key}`);
      out.push({ kind, text, start, end: start + text.length });
    };
    for (const m of response.matchAll(NUMBER)) {
      // A number glued to letters ("COVID19", "A4", "3D") is a name, not a quantity.
      const before = response[m.index - 1] ?? ' ';
      if (/[\p{L}#]/u.test(before)) continue;
      const value = numberValue(m[0]);
      if (!this.numbers.has(value)) add('number', value, m[0], m.index);
    }
    const words = [...response.matchAll(WORD)];
    const capitals = words.filter((w) => UPPER.test(w[0])).length;
    // A headline in title case capitalises every word: its capitals name nothing.
    const titleCase = words.length >= 4 && capitals / words.length > 0.6;
    for (const m of words) {
      const lower = m[0].toLowerCase();
      const n = numberWordValue(lower);
      if (n !== undefined) {
        if (!this.numbers.has(String(n))) add('number', String(n), m[0], m.index);
        continue;
      }
      if (!english) continue;
      if (STATED_DATES.has(lower)) {
        if (UPPER.test(m[0]) && !this.dates.has(lower)) add('date', lower, m[0], m.index);
        continue;
      }
      // One letter is an initial or a piece of an abbreviation ("U.S."), not a name to look up.
      if (titleCase || m[0].length < 2 || !UPPER.test(m[0]) || FIRST_PERSON.test(m[0])) continue;
      if (atSentenceStart(response, m.index)) continue;
      if (!this.hasName(lower)) add('name', nameKey(lower), m[0], m.index);
    }
    return out;
  }
}
