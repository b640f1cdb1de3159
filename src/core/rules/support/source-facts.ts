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

/** A regex of the given lowercase words, whole words only ("twenty-five" and "three-year" whole). */
const wordsPattern = (words: Iterable<string>): RegExp =>
  new RegExp(`\\b(?:${[...words].join('|')})(?:-[a-z]+)*\\b`, 'g');
const NUMBER_WORD = wordsPattern(NUMBER_WORDS.keys());
const DATE_WORD = wordsPattern(DATE_WORDS.keys());

/**
 * The values of the number words in lowercase text: "seven" is 7, "twenty-five" 25, and a
 * number word leading a compound ("three-year-old") its own value.
 */
export function* numberWordsIn(lower: string): Generator<number> {
  for (const m of lower.matchAll(NUMBER_WORD)) {
    const value = numberWordValue(m[0]) ?? numberWordValue(m[0].slice(0, m[0].indexOf('-')));
    if (value !== undefined) yield value;
  }
}

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

/** A word without its possessive ending, for comparing names. */
function nameKey(lower: string): string {
  return lower.includes("'") || lower.includes('’') ? lower.replace(/['’]s?$/, '') : lower;
}

const LETTER = /[\p{L}\p{M}]/u;

/** Whether text[at] is a letter (false outside the text). */
function isLetterAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (Number.isNaN(c)) return false;
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  return LETTER.test(text[at]);
}

/** Whether a word of the response is at the start of a sentence, a line or a list item. */
function atSentenceStart(text: string, at: number): boolean {
  return STARTS_SENTENCE.test(text.slice(Math.max(0, at - 12), at));
}

/** What a source text states: its numbers, date words and words, read once. */
export class SourceFacts {
  private readonly numbers = new Set<string>();
  private readonly dates = new Set<string>();
  private readonly lower: string;

  constructor(source: string) {
    this.lower = source.toLowerCase();
    for (const m of source.matchAll(NUMBER)) this.numbers.add(numberValue(m[0]));
    for (const n of numberWordsIn(this.lower)) this.numbers.add(String(n));
    for (const m of this.lower.matchAll(DATE_WORD)) {
      const date = DATE_WORDS.get(m[0]);
      if (date) this.dates.add(date);
    }
  }

  /** Whether the source has this lowercase word whole (not inside a longer word). */
  private hasWord(word: string): boolean {
    const text = this.lower;
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1))
      if (!isLetterAt(text, at - 1) && !isLetterAt(text, at + word.length)) return true;
    return false;
  }

  /**
   * Whether a name is in the source: the word itself ("Sterling's" is "Sterling", a plural
   * its singular), a demonym's country, or a word that begins like it for most of the shorter
   * of the two ("Iraqi" and "Iraq", "American" and "America", "Chinese" and "China"). The
   * source is searched as text: no word list is built for it.
   */
  private hasName(lower: string): boolean {
    const key = nameKey(lower);
    const singular = key.replace(/e?s$/, '');
    if (this.hasWord(key) || (singular !== key && this.hasWord(singular))) return true;
    const country = DEMONYMS.get(key);
    if (country && this.hasWord(country)) return true;
    if (key.length < 4) return false;
    const text = this.lower;
    const head = key.slice(0, 4);
    for (let at = text.indexOf(head); at >= 0; at = text.indexOf(head, at + 1)) {
      if (isLetterAt(text, at - 1)) continue;
      let end = at + 4;
      while (isLetterAt(text, end)) end++;
      let same = 4;
      while (same < end - at && same < key.length && text[at + same] === key[same]) same++;
      if (same >= Math.min(end - at, key.length) - 2) return true;
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
