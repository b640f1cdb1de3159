/**
 * Names of languages for hovers, completion, pickers and messages: "French (fr)",
 * "Portuguese (Brazil) (pt-BR)". `Intl.DisplayNames` knows every BCP 47 language, in Node
 * and in browsers alike; a tag it does not know (or a host without it) falls back to the
 * tag itself.
 *
 * The languages a set is usually written in are named from a table first: creating
 * `Intl.DisplayNames` loads its locale data, 12 to 24 ms of a cold `sft lint` that reports a
 * single language problem. The table holds exactly what `Intl.DisplayNames` says for those
 * codes (a unit test compares them), so a name never depends on which path gave it.
 */

/** English names of common base language codes, as `Intl.DisplayNames(['en'])` gives them. */
const COMMON: Readonly<Record<string, string>> = {
  en: 'English',
  fr: 'French',
  de: 'German',
  es: 'Spanish',
  pt: 'Portuguese',
  it: 'Italian',
  nl: 'Dutch',
  sv: 'Swedish',
  da: 'Danish',
  no: 'Norwegian',
  nb: 'Norwegian Bokmål',
  nn: 'Norwegian Nynorsk',
  fi: 'Finnish',
  pl: 'Polish',
  cs: 'Czech',
  sk: 'Slovak',
  sl: 'Slovenian',
  hr: 'Croatian',
  bs: 'Bosnian',
  tr: 'Turkish',
  vi: 'Vietnamese',
  id: 'Indonesian',
  ms: 'Malay',
  ro: 'Romanian',
  hu: 'Hungarian',
  sw: 'Swahili',
  tl: 'Filipino',
  fil: 'Filipino',
  ca: 'Catalan',
  eu: 'Basque',
  gl: 'Galician',
  et: 'Estonian',
  lv: 'Latvian',
  lt: 'Lithuanian',
  is: 'Icelandic',
  ga: 'Irish',
  cy: 'Welsh',
  mt: 'Maltese',
  sq: 'Albanian',
  az: 'Azerbaijani',
  uz: 'Uzbek',
  af: 'Afrikaans',
  yo: 'Yoruba',
  ha: 'Hausa',
  ig: 'Igbo',
  zu: 'Zulu',
  xh: 'Xhosa',
  so: 'Somali',
  la: 'Latin',
  eo: 'Esperanto',
  lb: 'Luxembourgish',
  fo: 'Faroese',
  hi: 'Hindi',
  mr: 'Marathi',
  ne: 'Nepali',
  sa: 'Sanskrit',
  ru: 'Russian',
  uk: 'Ukrainian',
  bg: 'Bulgarian',
  be: 'Belarusian',
  sr: 'Serbian',
  mk: 'Macedonian',
  kk: 'Kazakh',
  ky: 'Kyrgyz',
  mn: 'Mongolian',
  tg: 'Tajik',
  tt: 'Tatar',
  el: 'Greek',
  th: 'Thai',
  lo: 'Lao',
  ka: 'Georgian',
  hy: 'Armenian',
  bn: 'Bangla',
  as: 'Assamese',
  pa: 'Punjabi',
  gu: 'Gujarati',
  or: 'Odia',
  ta: 'Tamil',
  te: 'Telugu',
  kn: 'Kannada',
  ml: 'Malayalam',
  si: 'Sinhala',
  my: 'Burmese',
  km: 'Khmer',
  am: 'Amharic',
  ti: 'Tigrinya',
  bo: 'Tibetan',
  ko: 'Korean',
  zh: 'Chinese',
  yue: 'Cantonese',
  ja: 'Japanese',
  ar: 'Arabic',
  fa: 'Persian',
  ur: 'Urdu',
  ps: 'Pashto',
  he: 'Hebrew',
  yi: 'Yiddish',
};

let names: Intl.DisplayNames | null | undefined;

/** Created on first use: most sessions never name a language. */
function displayNames(): Intl.DisplayNames | null {
  if (names === undefined) {
    try {
      // "standard" says "Portuguese (Brazil)", not "Brazilian Portuguese": the language first, as in pickers.
      names = new Intl.DisplayNames(['en'], {
        type: 'language',
        languageDisplay: 'standard',
        fallback: 'none',
      });
    } catch {
      names = null;
    }
  }
  return names;
}

/** The English name of a language tag ("French", "Portuguese (Brazil)"); undefined when unknown or not a tag. */
export function languageName(tag: string): string | undefined {
  const t = tag.trim();
  if (Object.prototype.hasOwnProperty.call(COMMON, t)) return COMMON[t];
  try {
    return displayNames()?.of(t) || undefined;
  } catch {
    return undefined; // not a well-formed tag ("pt_BR")
  }
}

/** @usedBy tests */
export const COMMON_LANGUAGE_NAMES = COMMON;

/** "French (fr)"; the tag alone when its language has no known name. */
export function languageLabel(tag: string): string {
  const name = languageName(tag);
  return name ? `${name} (${tag})` : tag;
}
