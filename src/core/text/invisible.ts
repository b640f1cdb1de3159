/**
 * Characters a reader cannot see that change what a model reads, and letters from another
 * script that look like the ones around them. Pasted text brings them in (PDFs, web pages,
 * chat exports); a writer cannot find them by reading, and a model learns them as written.
 */

/** One finding: value offsets, what it is, and the text a fix puts in its place. */
export interface InvisibleHit {
  start: number;
  end: number;
  /** What the character is, for the message: "zero width space (U+200B)". */
  what: string;
  /** Why it matters, one clause. */
  why: string;
  /** The replacement: '' removes it; a line break for a line separator; Latin letters for a confusable word. */
  replacement: string;
  kind: 'invisible' | 'separator' | 'bidi' | 'control' | 'mojibake' | 'confusable';
}

/** Every character this file reports: one regex pass rules out most fields at once. */
const CANDIDATE =
  /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const CYRILLIC_OR_GREEK = /[\u0370-\u03ff\u0400-\u04ff]/;

const NAMES: Record<number, string> = {
  0x00ad: 'soft hyphen',
  0x200b: 'zero width space',
  0x200c: 'zero width non-joiner',
  0x200d: 'zero width joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x2028: 'line separator',
  0x2029: 'paragraph separator',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2060: 'word joiner',
  0x2061: 'function application',
  0x2062: 'invisible times',
  0x2063: 'invisible separator',
  0x2064: 'invisible plus',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
  0xfeff: 'zero width no-break space (byte order mark)',
};

function codePoint(c: number): string {
  return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
}

function isLatinLetter(c: number): boolean {
  return (
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)
  );
}

/**
 * What the C1 controls U+0080-009F stand for in Windows-1252: text decoded as Latin-1 that was
 * written in Windows-1252 keeps its dashes, quotes and ellipses as these controls ("\x96" for
 * "–"). The five code points Windows-1252 leaves undefined are removed.
 */
const WINDOWS_1252 = '€\0‚ƒ„…†‡ˆ‰Š‹Œ\0Ž\0\0‘’“”•–—˜™š›œ\0žŸ';

/**
 * UTF-8 text decoded as Latin-1 turns "—" (E2 80 94) into "â" and two C1 controls. Where a
 * C1 control follows a UTF-8 lead byte read as a Latin-1 letter and the bytes make one valid
 * UTF-8 character, that character is what was written: the end of the run and the character.
 */
function utf8Mojibake(text: string, i: number): { end: number; char: string } | undefined {
  const lead = text.charCodeAt(i - 1);
  const n =
    lead >= 0xc2 && lead <= 0xdf
      ? 1
      : lead >= 0xe0 && lead <= 0xef
        ? 2
        : lead >= 0xf0 && lead <= 0xf4
          ? 3
          : 0;
  if (!n || i + n > text.length) return undefined;
  let cp = lead & (0x3f >> n);
  for (let k = 0; k < n; k++) {
    const c = text.charCodeAt(i + k);
    if (c < 0x80 || c > 0xbf) return undefined;
    cp = (cp << 6) | (c & 0x3f);
  }
  // Overlong forms and surrogates are not characters.
  const min = [0, 0x80, 0x800, 0x10000][n];
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return undefined;
  return { end: i + n, char: String.fromCodePoint(cp) };
}

/** Hebrew, Arabic, Syriac, Thaana and their presentation forms: text that needs direction marks. */
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe]/;

/** A hit for the character at `i`, or undefined when it belongs where it is. */
function classify(text: string, i: number, rtl: () => boolean): InvisibleHit | undefined {
  const c = text.charCodeAt(i);
  const at = (what: string, why: string, kind: InvisibleHit['kind'], replacement = '') => ({
    start: i,
    end: i + 1,
    what: `${what} (${codePoint(c)})`,
    why,
    replacement,
    kind,
  });
  if (c >= 0x80 && c <= 0x9f) {
    const meant = WINDOWS_1252[c - 0x80];
    return meant === '\0'
      ? at('Control character', 'it is not text', 'control')
      : at(
          'Control character',
          `it is "${meant}" in Windows-1252: text decoded with the wrong encoding`,
          'mojibake',
          meant,
        );
  }
  if (c === 0x2028 || c === 0x2029)
    return at(NAMES[c], 'some readers break the line there and others do not', 'separator', '\n');
  if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
    return at(NAMES[c], 'the text is stored in another order than it reads', 'bidi');
  if (c === 0x200e || c === 0x200f) {
    // Direction marks belong in right-to-left text; elsewhere they are pasted noise.
    if (rtl()) return undefined;
    return at(NAMES[c], 'an invisible mark in text without right-to-left script', 'invisible');
  }
  if (c === 0x200c || c === 0x200d) {
    // Joiners shape Persian, Indic scripts and emoji sequences; between two Latin letters
    // they only split a word for the tokenizer.
    if (!(i > 0 && isLatinLetter(text.charCodeAt(i - 1)) && isLatinLetter(text.charCodeAt(i + 1))))
      return undefined;
    return at(NAMES[c], 'it splits the word for a tokenizer but not for a reader', 'invisible');
  }
  if (NAMES[c] !== undefined)
    return at(
      NAMES[c],
      'it changes the text a model reads but not what a writer sees',
      'invisible',
    );
  return at('Control character', 'it is not text', 'control');
}

// Look-alikes of Latin letters in Cyrillic and Greek, each with the Latin letter it passes for.
const LOOK_ALIKES: Record<string, string> = {
  а: 'a',
  с: 'c',
  е: 'e',
  о: 'o',
  р: 'p',
  х: 'x',
  у: 'y',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  һ: 'h',
  ԁ: 'd',
  А: 'A',
  В: 'B',
  С: 'C',
  Е: 'E',
  Н: 'H',
  І: 'I',
  Ј: 'J',
  К: 'K',
  М: 'M',
  О: 'O',
  Р: 'P',
  Ѕ: 'S',
  Т: 'T',
  Х: 'X',
  У: 'Y',
  ο: 'o',
  ν: 'v',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Χ: 'X',
  Υ: 'Y',
  Ζ: 'Z',
};
const WORD = /[\p{L}\p{M}]+/gu;

/**
 * Words written in Latin letters with Cyrillic or Greek look-alikes inside ("pаypal" with a
 * Cyrillic а): they read as one word and tokenize as another. A word with any other letter
 * of those scripts is that script's word and is left alone.
 */
function findConfusables(text: string, out: InvisibleHit[], cap: number): void {
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m && out.length < cap; m = WORD.exec(text)) {
    const word = m[0];
    if (!CYRILLIC_OR_GREEK.test(word)) continue;
    let latin = 0;
    let alike = '';
    let foreign = false;
    let fixed = '';
    for (const ch of word) {
      const c = ch.charCodeAt(0);
      if (LOOK_ALIKES[ch] !== undefined) {
        alike ||= ch;
        fixed += LOOK_ALIKES[ch];
      } else {
        if (c >= 0x370 && c <= 0x4ff) foreign = true;
        else if (isLatinLetter(c)) latin++;
        fixed += ch;
      }
    }
    if (foreign || latin === 0 || !alike) continue;
    out.push({
      start: m.index,
      end: m.index + word.length,
      what: `"${word}" mixes Latin letters with look-alikes from another script (${alike} is ${alike.charCodeAt(0) >= 0x400 ? 'Cyrillic' : 'Greek'} ${codePoint(alike.charCodeAt(0))})`,
      why: `it reads as "${fixed}" but is stored, and tokenized, as another word`,
      replacement: fixed,
      kind: 'confusable',
    });
  }
}

/** Invisible, bidi, separator and control characters, and confusable words; at most `cap`, in text order. */
export function findInvisible(text: string, cap = 20): InvisibleHit[] {
  const out: InvisibleHit[] = [];
  let rtl: boolean | undefined;
  const isRtl = () => (rtl ??= RIGHT_TO_LEFT.test(text));
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m && out.length < cap; m = CANDIDATE.exec(text)) {
    const c = text.charCodeAt(m.index);
    const utf8 = c >= 0x80 && c <= 0x9f ? utf8Mojibake(text, m.index) : undefined;
    if (utf8) {
      const start = m.index - 1;
      const codes = [...text.slice(m.index, utf8.end)].map((ch) => codePoint(ch.charCodeAt(0)));
      out.push({
        start,
        end: utf8.end,
        what: `"${text[start]}" and control characters ${codes.join(' ')}`,
        why: `UTF-8 for "${utf8.char}" decoded with the wrong encoding`,
        replacement: utf8.char,
        kind: 'mojibake',
      });
      CANDIDATE.lastIndex = utf8.end;
      continue;
    }
    const hit = classify(text, m.index, isRtl);
    if (hit) out.push(hit);
  }
  CANDIDATE.lastIndex = 0;
  if (out.length < cap && CYRILLIC_OR_GREEK.test(text)) findConfusables(text, out, cap);
  return out.length > 1 ? out.sort((a, b) => a.start - b.start) : out;
}
