/**
 * Personal data in free text: email addresses, phone numbers, payment card numbers,
 * IBANs, national id numbers and IP addresses, with their exact offsets.
 *
 * Ordinary prose must cost almost nothing, so every detector sits behind a cheap gate
 * (an `@`, a run of digits, a `:`) and shapes are confirmed with their checksums (Luhn for
 * cards, mod 97 for IBANs, Verhoeff for Aadhaar) before they count.
 */

/** The kinds of personal data found; each has its own mask. */
export type PiiKind = 'email' | 'phone' | 'card' | 'iban' | 'id' | 'ip';

/** One finding, as offsets into the scanned text. */
export interface PiiHit {
  kind: PiiKind;
  start: number;
  end: number;
  /** What it is, for the message: "email address", "US social security number", ... */
  what: string;
}

/** The text a quick fix puts in place of each kind. */
export const PII_MASKS: Readonly<Record<PiiKind, string>> = {
  email: '[EMAIL]',
  phone: '[PHONE]',
  card: '[CARD]',
  iban: '[IBAN]',
  id: '[ID]',
  ip: '[IP]',
};

// A run of at least six digit-ish characters: every digit-based shape has one.
const NUMERIC_GATE = /\d[\d \t\-.()/]{4,}\d/;
const IPV6_GATE = /::|[0-9A-Fa-f]:[0-9A-Fa-f]{1,4}:[0-9A-Fa-f]/;

const CARD = /(?<![\w.+-])[2-6]\d{3}(?:[ -]?\d){9,15}(?!\w|[.-]\d)/g;
const SSN = /(?<![\w-])(?!000|666|9)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?!\w|-\d)/g;
const AADHAAR = /(?<![\w-])[2-9]\d{3}([ -])\d{4}\1\d{4}(?!\w|[ -]\d)/g;
const UK_NI =
  /(?<!\w)(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D](?!\w)/g;
const IBAN = /(?<![\w])[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}/g;
const IPV4 = /(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?!\w|\.\d)/g;
const IPV6 =
  /(?<![\w:.])(?:[0-9A-Fa-f]{1,4}|(?=::))(?::[0-9A-Fa-f]{0,4}){2,7}(?:\.\d{1,3}){0,3}(?![\w:])/g;
const PHONE_INTL = /(?<![\w+])\+\d{1,3}(?:[ .-]?\(?\d{1,5}\)?){1,6}(?!\w|[.-]\d)/g;
const PHONE_NANP = /(?<![\w.+-])(?:1[ .-])?(?:\(\d{3}\) ?|\d{3}[ .-])\d{3}[ .-]\d{4}(?!\w|[.-]\d)/g;
const PHONE_NATIONAL = /(?<![\w.+-])0\d{1,4}(?:[ .\-/]?\d{2,4}){2,4}(?!\w|[.-]\d)/g;
const VERSION_BEFORE = /(?:\bv|\bver\.?|\bversion|\brelease|\bbuild)\s*$/i;

const IBAN_LENGTHS: Readonly<Record<string, number>> = Object.fromEntries(
  (
    'AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DK18 DO28 EE20 EG29 ES24 FI18 FO18 FR27 ' +
    'GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 MC27 MD24 ' +
    'ME22 MK19 MR27 MT31 MU30 NL18 NO15 PK24 PL28 PS29 PT25 QA29 RO24 RS22 SA24 SC31 SE24 SI19 SK24 SM27 ST25 SV28 TL23 TN24 ' +
    'TR26 UA29 VA22 VG24 XK20'
  )
    .split(' ')
    .map((e) => [e.slice(0, 2), Number(e.slice(2))]),
);

const TOLL_FREE = new Set(['800', '888', '877', '866', '855', '844', '833']);

/**
 * Public service addresses that identify nobody: NIST and NRC time servers, public DNS
 * resolvers (Google, Cloudflare, Quad9, OpenDNS).
 */
const PUBLIC_IPV4 = new Set([
  '192.43.244.18',
  '128.138.140.44',
  '128.138.141.172',
  '129.6.15.28',
  '129.6.15.29',
  '129.6.15.30',
  '132.163.96.1',
  '132.163.97.1',
  '8.8.8.8',
  '8.8.4.4',
  '1.1.1.1',
  '1.0.0.1',
  '9.9.9.9',
  '149.112.112.112',
  '208.67.222.222',
  '208.67.220.220',
]);

/** Role mailboxes: an organisation's desk, not a person. */
const ROLE_LOCAL =
  /^(?:info|contact|support|help|press|news|newsroom|letters|editor|editors|tips|alerts?|noreply|no-reply|webmaster|admin|sales|feedback|hello|office|service|customerservice)$/i;

/** A mailbox named for a show or a publication ("TheBigPodcastWithShaq@…"): public, not a person. */
const PUBLICATION_LOCAL = /podcast|newsletter|newsdesk|radio|magazine/i;

// Reserved for documentation (RFC 2606, 6761), and the generic domains writers put in made-up
// tables and resumes (`emoore@email.com`): used on purpose.
const EXAMPLE_TLDS = new Set(['example', 'test', 'invalid', 'localhost', 'local']);
const EXAMPLE_DOMAINS =
  /(?:^|\.)(?:example\.(?:com|org|net|edu)|(?:email|domain|yourdomain|company|yourcompany|mycompany)\.com)$/i;

/**
 * Where a number follows "call us at" or "call the Flint Police Department at": an
 * organisation's line, printed for the public. "Contact Lawren Linehan at" is a person's.
 */
const ORGANISATION_BEFORE =
  /\b(?:call|contact|reach|phone|dial|text)\s+(?:us|the\s[^.\n]{0,60}?\b(?:police|sheriff|department|office|hotline|helpline|line|agency|bureau|cent(?:er|re)|headquarters|company|station|clinic|hospital|council|desk|team))\b[^.\n\d]{0,12}$/i;

function organisationLine(text: string, start: number): boolean {
  return ORGANISATION_BEFORE.test(text.slice(Math.max(0, start - 100), start));
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function digitCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (isDigit(s.charCodeAt(i))) n++;
  return n;
}

/** Luhn checksum over the digits of s (separators ignored). */
export function luhnValid(s: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = s.length - 1; i >= 0; i--) {
    const c = s.charCodeAt(i);
    if (!isDigit(c)) continue;
    let d = c - 0x30;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** ISO 13616 mod-97 check of a compact IBAN. */
export function ibanValid(compact: string): boolean {
  const s = compact.slice(4) + compact.slice(0, 4);
  let rem = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) rem = (rem * 10 + (c - 0x30)) % 97;
    else if (c >= 0x41 && c <= 0x5a) rem = (rem * 100 + (c - 55)) % 97;
    else return false;
  }
  return rem === 1;
}

const VERHOEFF_D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const VERHOEFF_P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

/** Verhoeff check (Aadhaar's last digit) over the digits of s. */
export function verhoeffValid(s: string): boolean {
  let c = 0;
  let pos = 0;
  for (let i = s.length - 1; i >= 0; i--) {
    const code = s.charCodeAt(i);
    if (!isDigit(code)) continue;
    c = VERHOEFF_D[c][VERHOEFF_P[pos % 8][code - 0x30]];
    pos++;
  }
  return c === 0;
}

/** Whether [start, end) overlaps a hit already found. */
function taken(hits: readonly PiiHit[], start: number, end: number): boolean {
  for (const h of hits) if (start < h.end && end > h.start) return true;
  return false;
}

function each(re: RegExp, text: string, fn: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) fn(m);
}

const LOCAL_CHAR = /[A-Za-z0-9._%+-]/;
const DOMAIN_CHAR = /[A-Za-z0-9.-]/;

/** Email addresses, found from each `@` outwards (linear, no backtracking). */
function findEmails(text: string, hits: PiiHit[]): void {
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let s = at;
    while (s > 0 && at - s < 64 && LOCAL_CHAR.test(text[s - 1])) s--;
    while (s < at && text[s] === '.') s++;
    let e = at + 1;
    while (e < text.length && e - at < 254 && DOMAIN_CHAR.test(text[e])) e++;
    while (e > at + 1 && (text[e - 1] === '.' || text[e - 1] === '-')) e--;
    if (s === at || e === at + 1) continue;
    const local = text.slice(s, at);
    const domain = text.slice(at + 1, e);
    const dot = domain.lastIndexOf('.');
    if (dot <= 0 || domain.includes('..')) continue;
    const tld = domain.slice(dot + 1);
    if (!/^[A-Za-z]{2,}$/.test(tld)) continue;
    if (
      EXAMPLE_TLDS.has(tld.toLowerCase()) ||
      EXAMPLE_DOMAINS.test(domain) ||
      local === 'git' ||
      ROLE_LOCAL.test(local) ||
      PUBLICATION_LOCAL.test(local)
    )
      continue;
    hits.push({ kind: 'email', start: s, end: e, what: 'email address' });
  }
}

function ipv4Ok(text: string, m: RegExpExecArray): boolean {
  if (PUBLIC_IPV4.has(m[0])) return false;
  const octets = m[0].split('.').map(Number);
  if (octets.some((o) => o > 255)) return false;
  const [a, b, c] = octets;
  // Addresses that identify nobody: unspecified, loopback, private, masks, documentation.
  if (
    a === 0 ||
    a === 127 ||
    a === 10 ||
    a === 255 ||
    (a === 192 && b === 168) ||
    (a === 172 && b >= 16 && b <= 31)
  )
    return false;
  if (
    (a === 192 && b === 0 && c === 2) ||
    (a === 198 && b === 51 && c === 100) ||
    (a === 203 && b === 0 && c === 113)
  )
    return false;
  return !VERSION_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index));
}

/** A full check of an IPv6 candidate: eight groups, or fewer with one `::`. */
function ipv6Ok(s: string): boolean {
  let body = s;
  let extra = 0;
  const v4 = /:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(s);
  if (v4) {
    body = s.slice(0, v4.index + 1) + '0';
    extra = 1;
    if (v4[1].split('.').some((o) => Number(o) > 255)) return false;
  } else if (s.includes('.')) return false;
  const halves = body.split('::');
  if (halves.length > 2) return false;
  const groups = halves.map((h) => (h ? h.split(':') : []));
  if (groups.some((g) => g.some((x) => x.length < 1 || x.length > 4))) return false;
  const n = groups[0].length + (groups[1]?.length ?? 0) + extra;
  if (halves.length === 1 ? n !== 8 : n > 7 || n < 2) return false;
  const lower = s.toLowerCase();
  // Documentation, loopback and link-local addresses identify nobody.
  return !(lower.startsWith('2001:db8:') || lower.startsWith('fe80:') || lower === '::1');
}

/** Every piece of personal data in a text, in order of position. */
export function findPii(text: string): PiiHit[] {
  const hits: PiiHit[] = [];
  if (text.length < 6) return hits;
  if (text.includes('@')) findEmails(text, hits);
  if (NUMERIC_GATE.test(text)) findNumeric(text, hits);
  if (text.includes(':') && IPV6_GATE.test(text)) {
    each(IPV6, text, (m) => {
      if (ipv6Ok(m[0]) && !taken(hits, m.index, m.index + m[0].length))
        hits.push({ kind: 'ip', start: m.index, end: m.index + m[0].length, what: 'IPv6 address' });
    });
  }
  return hits.length > 1 ? hits.sort((a, b) => a.start - b.start) : hits;
}

/**
 * Whether a card candidate's separators group its digits as cards are printed: 4-4-4-4 (the
 * last group 1 to 4 digits) or American Express 4-6-5, with one kind of separator. An
 * arithmetic expression (`2000000-400000`) or a phone-like run is not grouped so.
 */
function cardGrouping(s: string): boolean {
  const groups = s.split(/[ -]/);
  if (groups.length === 1) return true;
  if (/ /.test(s) && /-/.test(s)) return false;
  const sizes = groups.map((g) => g.length);
  if (sizes.join(',') === '4,6,5' || sizes.join(',') === '4,6,4') return true;
  const last = sizes[sizes.length - 1];
  return sizes.slice(0, -1).every((n) => n === 4) && last >= 1 && last <= 4;
}

/**
 * North American numbers that reach no person: toll-free lines (800, 888, 877, 866, 855, 844,
 * 833: hotlines and businesses) and the textbook placeholder `(123) 456-7890`.
 */
function publicNanp(s: string): boolean {
  const digits = s.replace(/\D/g, '');
  const national = digits.length === 11 ? digits.slice(1) : digits;
  return TOLL_FREE.has(national.slice(0, 3)) || national.startsWith('123456');
}

function push(hits: PiiHit[], kind: PiiKind, start: number, end: number, what: string): void {
  if (!taken(hits, start, end)) hits.push({ kind, start, end, what });
}

function phone(text: string, hits: PiiHit[], m: RegExpExecArray): void {
  if (!organisationLine(text, m.index))
    push(hits, 'phone', m.index, m.index + m[0].length, 'phone number');
}

function findNumeric(text: string, hits: PiiHit[]): void {
  if (/[A-Z]{2}\d{2}/.test(text)) {
    each(IBAN, text, (m) => {
      const len = IBAN_LENGTHS[m[0].slice(0, 2)];
      if (!len) return;
      // Take exactly the country's length of characters, spaces skipped, then check.
      let compact = '';
      let end = m.index;
      for (let i = 0; i < m[0].length && compact.length < len; i++) {
        if (m[0][i] !== ' ') compact += m[0][i];
        end = m.index + i + 1;
      }
      if (compact.length !== len || /[A-Za-z0-9]/.test(text[end] ?? '')) return;
      if (ibanValid(compact)) push(hits, 'iban', m.index, end, 'IBAN');
    });
  }
  each(CARD, text, (m) => {
    const n = digitCount(m[0]);
    if (
      n >= 13 &&
      n <= 19 &&
      cardGrouping(m[0]) &&
      luhnValid(m[0]) &&
      !/^[0 -]+$/.test(m[0].slice(1))
    )
      push(hits, 'card', m.index, m.index + m[0].length, 'payment card number');
  });
  if (text.includes('-'))
    each(SSN, text, (m) =>
      push(hits, 'id', m.index, m.index + m[0].length, 'US social security number'),
    );
  each(AADHAAR, text, (m) => {
    if (verhoeffValid(m[0])) push(hits, 'id', m.index, m.index + m[0].length, 'Aadhaar number');
  });
  each(UK_NI, text, (m) =>
    push(hits, 'id', m.index, m.index + m[0].length, 'UK National Insurance number'),
  );
  if (text.includes('.'))
    each(IPV4, text, (m) => {
      if (ipv4Ok(text, m)) push(hits, 'ip', m.index, m.index + m[0].length, 'IPv4 address');
    });
  if (text.includes('+')) {
    each(PHONE_INTL, text, (m) => {
      const n = digitCount(m[0]);
      if (n >= 9 && n <= 15) phone(text, hits, m);
    });
  }
  each(PHONE_NANP, text, (m) => {
    if (!publicNanp(m[0])) phone(text, hits, m);
  });
  each(PHONE_NATIONAL, text, (m) => {
    const n = digitCount(m[0]);
    if (n >= 9 && n <= 12) phone(text, hits, m);
  });
}
