/**
 * Does a text read as the language it is declared in? Decided cheaply where possible:
 * the Unicode script settles most non-Latin languages; a stopword count over the first
 * words settles the common Latin-script ones; only what stays unclear (or looks like a
 * mismatch) goes to the host's n-gram {@link LanguageDetector} (eld, whose tables the host
 * loads on first use), run on a bounded sample.
 */
import { languageName } from '../language-names';
import type { LanguageDetector } from '../services';
import { hashWord, scanWords, type WordScan } from './word-hashes';

/** What a text says about a declared language. */
export type LanguageVerdict =
  | { kind: 'match' }
  | { kind: 'unknown' }
  /** `lang` is a language code or, when only the script is known, a script name. */
  | { kind: 'mismatch'; lang: string; label: string; by: 'script' | 'stopwords' | 'eld' };

/**
 * How often each stage decided (for measuring that the n-gram stage stays rare).
 * @usedBy tests bench
 */
export const languageStats = { script: 0, stopwords: 0, eld: 0 };

/** The characters of a text that detection reads: its start. */
export const SAMPLE_CHARS = 400;
const MIN_WORDS = 8;
const STOPWORD_WORDS = 60;

type Script =
  | 'Latin'
  | 'Cyrillic'
  | 'Greek'
  | 'Arabic'
  | 'Hebrew'
  | 'Devanagari'
  | 'Bengali'
  | 'Gurmukhi'
  | 'Gujarati'
  | 'Oriya'
  | 'Tamil'
  | 'Telugu'
  | 'Kannada'
  | 'Malayalam'
  | 'Sinhala'
  | 'Thai'
  | 'Lao'
  | 'Tibetan'
  | 'Myanmar'
  | 'Georgian'
  | 'Hangul'
  | 'Ethiopic'
  | 'Khmer'
  | 'Armenian'
  | 'Han'
  | 'Kana';

// Contiguous script blocks, [from, to, script], sorted.
const BLOCKS: ReadonlyArray<readonly [number, number, Script]> = [
  [0x41, 0x24f, 'Latin'],
  [0x370, 0x3ff, 'Greek'],
  [0x400, 0x52f, 'Cyrillic'],
  [0x531, 0x58f, 'Armenian'],
  [0x591, 0x5ff, 'Hebrew'],
  [0x600, 0x6ff, 'Arabic'],
  [0x750, 0x77f, 'Arabic'],
  [0x900, 0x97f, 'Devanagari'],
  [0x980, 0x9ff, 'Bengali'],
  [0xa00, 0xa7f, 'Gurmukhi'],
  [0xa80, 0xaff, 'Gujarati'],
  [0xb00, 0xb7f, 'Oriya'],
  [0xb80, 0xbff, 'Tamil'],
  [0xc00, 0xc7f, 'Telugu'],
  [0xc80, 0xcff, 'Kannada'],
  [0xd00, 0xd7f, 'Malayalam'],
  [0xd80, 0xdff, 'Sinhala'],
  [0xe00, 0xe7f, 'Thai'],
  [0xe80, 0xeff, 'Lao'],
  [0xf00, 0xfff, 'Tibetan'],
  [0x1000, 0x109f, 'Myanmar'],
  [0x10a0, 0x10ff, 'Georgian'],
  [0x1100, 0x11ff, 'Hangul'],
  [0x1200, 0x139f, 'Ethiopic'],
  [0x1780, 0x17ff, 'Khmer'],
  [0x1e00, 0x1eff, 'Latin'],
  [0x3040, 0x30ff, 'Kana'],
  [0x3130, 0x318f, 'Hangul'],
  [0x31f0, 0x31ff, 'Kana'],
  [0x3400, 0x4dbf, 'Han'],
  [0x4e00, 0x9fff, 'Han'],
  [0xac00, 0xd7af, 'Hangul'],
  [0xf900, 0xfaff, 'Han'],
  [0xfb1d, 0xfb4f, 'Hebrew'],
  [0xfb50, 0xfdff, 'Arabic'],
  [0xfe70, 0xfeff, 'Arabic'],
  [0xff66, 0xff9f, 'Kana'],
];

function scriptOf(c: number): Script | undefined {
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ? 'Latin' : undefined;
  let lo = 0;
  let hi = BLOCKS.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b, s] = BLOCKS[mid];
    if (c < a) hi = mid - 1;
    else if (c > b) lo = mid + 1;
    else return c <= 0xbf && c >= 0x80 ? undefined : s;
  }
  return undefined;
}

const SCRIPT_LANGS: Partial<Record<Script, string>> = {
  Devanagari: 'hi mr ne sa mai bho kok new',
  Arabic: 'ar fa ur ps sd ug ckb ku',
  Hebrew: 'he yi iw',
  Cyrillic: 'ru uk bg be sr mk kk ky mn tg tt ba cv',
  Greek: 'el',
  Thai: 'th',
  Lao: 'lo',
  Georgian: 'ka',
  Armenian: 'hy',
  Bengali: 'bn as',
  Gurmukhi: 'pa',
  Gujarati: 'gu',
  Oriya: 'or',
  Tamil: 'ta',
  Telugu: 'te',
  Kannada: 'kn',
  Malayalam: 'ml',
  Sinhala: 'si',
  Myanmar: 'my',
  Khmer: 'km',
  Ethiopic: 'am ti',
  Tibetan: 'bo dz',
  Hangul: 'ko',
  Han: 'zh yue wuu',
  Kana: 'ja',
  Latin:
    'en fr de es pt it nl sv da no nb nn fi pl cs sk sl hr bs tr vi id ms ro hu sw tl fil ca eu gl et lv lt is ga cy mt sq az uz af yo ha ig zu xh so la eo lb fo',
};
const LANG_SCRIPT = new Map<string, Script>();
for (const [script, langs] of Object.entries(SCRIPT_LANGS))
  for (const l of langs!.split(' ')) LANG_SCRIPT.set(l, script as Script);
const SCRIPT_SUBTAGS: Record<string, Script> = {
  latn: 'Latin',
  cyrl: 'Cyrillic',
  arab: 'Arabic',
  deva: 'Devanagari',
  hans: 'Han',
  hant: 'Han',
  jpan: 'Kana',
  kore: 'Hangul',
  grek: 'Greek',
  hebr: 'Hebrew',
};
const SINGLE_LANG: Partial<Record<Script, string>> = {
  Greek: 'el',
  Thai: 'th',
  Lao: 'lo',
  Georgian: 'ka',
  Armenian: 'hy',
  Hangul: 'ko',
  Kana: 'ja',
  Gurmukhi: 'pa',
  Gujarati: 'gu',
  Tamil: 'ta',
  Telugu: 'te',
  Kannada: 'kn',
  Malayalam: 'ml',
  Sinhala: 'si',
};

/** The base language of a BCP 47 tag, with old and alias codes mapped to eld's (pt-BR → pt, nb → no). */
export function baseLanguage(tag: string): string {
  const base = tag.split(/[-_]/)[0].toLowerCase();
  return (
    ({ nb: 'no', nn: 'no', fil: 'tl', iw: 'he', in: 'id', ji: 'yi' } as Record<string, string>)[
      base
    ] ?? base
  );
}

/** What a declared tag expects: its script and base language. */
interface Expected {
  script: Script | undefined;
  base: string;
}

/** Expectations by tag: a set declares few tags, and every pair asks for its own. */
const expectations = new Map<string, Expected>();

function expected(tag: string): Expected {
  let e = expectations.get(tag);
  if (!e) {
    const parts = tag.toLowerCase().split(/[-_]/);
    const sub = parts.slice(1).find((p) => p.length === 4);
    const base = baseLanguage(tag);
    e = { script: (sub && SCRIPT_SUBTAGS[sub]) || LANG_SCRIPT.get(base), base };
    // Bounded: tags are user text, and a long-lived host sees many files.
    if (expectations.size > 1000) expectations.clear();
    expectations.set(tag, e);
  }
  return e;
}

// Frequent, fairly distinctive function words; a word may belong to several languages.
const STOPWORDS: Record<string, string> = {
  en: 'the and of to is in that it for with as was on are be this by not or have from but they which you at his her an were been has their would what will there if can all when who why how does do my your we our',
  fr: 'le la les des est et une du que qui pour dans pas sur avec ce il elle nous vous au aux sont ou mais comme cette son ses leur plus tout être fait été',
  de: 'der die das und ist nicht ein eine zu den von mit sich des auf für im dem auch es an als wie bei nach aus wird sind oder aber noch wenn ich sie wir',
  es: 'el la los las de que y en un una es por con para del se no lo al como más pero sus le ya o este sí porque esta entre cuando muy sin sobre también',
  pt: 'o a os as de que e do da em um uma para com não no na por mais dos das se como mas foi ao ele ela são seu sua ou quando muito também é',
  it: 'il lo la gli le di che e un una per non con del della sono è si nel nella al alla come ma anche più questo questa essere dei delle',
  nl: 'de het een en van is dat in op te zijn niet met voor die er aan ook als bij door maar om dan nog wel uit naar worden kan wordt',
};
const LANG_BITS = Object.keys(STOPWORDS);
const STOPWORD_TABLE = new Map<number, number>();
LANG_BITS.forEach((lang, bit) => {
  for (const w of STOPWORDS[lang].split(' ')) {
    const h = hashWord(w);
    STOPWORD_TABLE.set(h, (STOPWORD_TABLE.get(h) ?? 0) | (1 << bit));
  }
});
/** A language's English name when known, else its code. */
const nameOf = (code: string): string => languageName(code) ?? code;

function eldSays(text: string, detector: LanguageDetector | undefined): string | undefined {
  if (!detector) return undefined;
  languageStats.eld++;
  return detector.detect(text.slice(0, SAMPLE_CHARS));
}

function mismatch(
  lang: string,
  by: 'script' | 'stopwords' | 'eld',
  label = nameOf(lang),
): LanguageVerdict {
  return { kind: 'mismatch', lang, label, by };
}

/**
 * The verdict for one text against a declared language tag. Without a detector, what only
 * the n-gram stage could settle counts as a match.
 */
export function checkLanguage(
  text: string,
  tag: string,
  detector?: LanguageDetector,
): LanguageVerdict {
  const { script: want, base } = expected(tag);
  if (!want) return { kind: 'unknown' };
  const words = scanWords(text, SAMPLE_CHARS);
  // Both tests, and the count of script verdicts below, run for every text: a test that V8
  // first reaches after optimising this function (the first short text, the first text in
  // another script) has no type feedback, and reaching it throws the optimised code away.
  const shortText = text.length <= SAMPLE_CHARS;
  if (words.count < MIN_WORDS && shortText) return { kind: 'unknown' };
  // Letters per script over the sample; ASCII letters counted inline, the rest by block.
  const counts = new Map<Script, number>();
  let ascii = 0;
  let letters = 0;
  const end = Math.min(text.length, SAMPLE_CHARS);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) ascii++;
      continue;
    }
    const s = scriptOf(c);
    if (s) {
      counts.set(s, (counts.get(s) ?? 0) + 1);
      letters++;
    }
  }
  if (ascii) {
    counts.set('Latin', (counts.get('Latin') ?? 0) + ascii);
    letters += ascii;
  }
  if (letters === 0) return { kind: 'unknown' };
  const share = (s: Script): number => (counts.get(s) ?? 0) / letters;
  const han = share('Han') + share('Kana');
  const wantShare = want === 'Han' || want === 'Kana' ? han : share(want);
  if (wantShare >= 0.1 && wantShare < 0.3) return { kind: 'unknown' }; // mixed scripts: cannot tell cheaply
  languageStats.script++;
  if (wantShare < 0.1) {
    let top: Script = 'Latin';
    for (const [s, n] of counts) if (n > (counts.get(top) ?? 0)) top = s;
    if (top === 'Latin') {
      // Romanised text for a language with its own script is a mismatch too (declare e.g. hi-Latn if meant).
      const known = stopwordGuess(words);
      return known.strong
        ? mismatch(known.lang, 'stopwords')
        : mismatch('Latin', 'script', 'Latin script');
    }
    const lang = SINGLE_LANG[top];
    return mismatch(lang ?? top, 'script', lang ? nameOf(lang) : `${top} script`);
  }
  if (want === 'Han' || want === 'Kana') {
    // Japanese is written with kana; Chinese never is.
    const kana = share('Kana');
    if (base === 'ja' && kana === 0 && (counts.get('Han') ?? 0) >= 20)
      return mismatch('zh', 'script');
    if (base !== 'ja' && kana > 0.05 * han) return mismatch('ja', 'script');
    return { kind: 'match' };
  }
  if (want === 'Latin') return latinGuess(text, base, words, detector);
  if (want === 'Cyrillic' && (base === 'ru' || base === 'uk'))
    return cyrillicGuess(text, base, detector);
  return { kind: 'match' };
}

/** Russian and Ukrainian by their own letters, confirmed by eld. */
function cyrillicGuess(
  text: string,
  base: string,
  detector: LanguageDetector | undefined,
): LanguageVerdict {
  const sample = text.slice(0, SAMPLE_CHARS);
  const uk = (sample.match(/[іїєґІЇЄҐ]/g) ?? []).length;
  const ru = (sample.match(/[ыэёЫЭЁ]/g) ?? []).length;
  const other =
    base === 'ru'
      ? uk >= 2 && ru === 0
        ? 'uk'
        : undefined
      : ru >= 2 && uk === 0
        ? 'ru'
        : undefined;
  if (!other) return { kind: 'match' };
  return eldSays(text, detector) === other ? mismatch(other, 'eld') : { kind: 'match' };
}

interface StopwordScores {
  scores: number[];
  /** Words looked at. */
  words: number;
  /** The language with the most stopwords, and whether it clearly stands out. */
  lang: string;
  strong: boolean;
}

function stopwordGuess(w: WordScan): StopwordScores {
  const n = Math.min(w.count, STOPWORD_WORDS);
  const scores = new Array<number>(LANG_BITS.length).fill(0);
  for (let i = 0; i < n; i++) {
    const bits = STOPWORD_TABLE.get(w.hashes[i]);
    if (bits) for (let b = 0; b < LANG_BITS.length; b++) if (bits & (1 << b)) scores[b]++;
  }
  let best = 0;
  for (let b = 1; b < scores.length; b++) if (scores[b] > scores[best]) best = b;
  return {
    scores,
    words: n,
    lang: LANG_BITS[best],
    strong: scores[best] >= 4 && scores[best] >= 0.2 * n,
  };
}

/** Latin-script text: stopwords first, eld only to confirm a suspected mismatch or settle an unclear case. */
function latinGuess(
  text: string,
  base: string,
  words: WordScan,
  detector: LanguageDetector | undefined,
): LanguageVerdict {
  const g = stopwordGuess(words);
  const own = LANG_BITS.indexOf(base);
  const ownScore = own >= 0 ? g.scores[own] : 0;
  const best = g.scores[LANG_BITS.indexOf(g.lang)];
  languageStats.stopwords++;
  if (own >= 0 && ownScore >= 3 && ownScore * 1.5 >= best) return { kind: 'match' };
  if (own < 0 && !g.strong) return { kind: 'match' }; // a Latin language without a list, and no listed one stands out
  // Suspected mismatch, or too few function words to tell: ask eld.
  const said = eldSays(text, detector);
  if (said === undefined || said === base) return { kind: 'match' };
  const saidBit = LANG_BITS.indexOf(said);
  // eld naming a listed language whose function words are absent is not trusted.
  if (saidBit >= 0 && g.words >= 20 && g.scores[saidBit] < 2) return { kind: 'unknown' };
  if (g.strong && said !== g.lang) return { kind: 'unknown' }; // the two stages disagree
  return mismatch(said, 'eld');
}
