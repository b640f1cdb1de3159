/**
 * eld's n-gram database in a binary form the detector uses without building it. eld keeps
 * its database as one object of 81,000 n-grams, each an object of language → score, and a
 * detection looks up a few dozen of them; building that object (from JSON: ~60 ms and ~50 MB)
 * cost more than every detection of a typical run together. Here the n-grams are sorted and
 * found by binary search when eld looks one up, and only the scores of those few are built.
 *
 * eld writes text one character per UTF-8 byte, so every n-gram is Latin-1. Layout, little
 * endian: u32 header length; header JSON `{ type, languages, count, entries }`, padded to 4
 * bytes; u32 keyEnds[count]; u32 valueEnds[count]; the n-grams' bytes; u8 langs[entries];
 * u8 scores[entries] (languages below 256, scores 0 to 255).
 */

/** eld's database as its static entries hand it to `loadData`. */
export interface EldData {
  type: string;
  languages: Record<string, string>;
  ngrams: Record<string, Record<string, number>>;
}

interface Header {
  type: string;
  languages: Record<string, string>;
  count: number;
  entries: number;
}

/**
 * The binary form of a database (at build time, from the package's data).
 * @usedBy esbuild.mjs (writes the data file)
 */
export function encodeEldTables(data: EldData): Uint8Array {
  const keys = Object.keys(data.ngrams).sort();
  const values = keys.map((k) =>
    Object.entries(data.ngrams[k])
      .map(([lang, score]) => [Number(lang), score] as const)
      .sort((a, b) => a[0] - b[0]),
  );
  const entries = values.reduce((n, v) => n + v.length, 0);
  const keyBytes = keys.reduce((n, k) => n + k.length, 0);
  const json = new TextEncoder().encode(
    JSON.stringify({
      type: data.type,
      languages: data.languages,
      count: keys.length,
      entries,
    } satisfies Header),
  );
  const headLength = json.length + ((4 - (json.length % 4)) % 4);
  const out = new Uint8Array(4 + headLength + 8 * keys.length + keyBytes + 2 * entries);
  const view = new DataView(out.buffer);
  view.setUint32(0, headLength, true);
  out.set(json, 4);
  out.fill(0x20, 4 + json.length, 4 + headLength);
  const keyEnds = 4 + headLength;
  const valueEnds = keyEnds + 4 * keys.length;
  let at = valueEnds + 4 * keys.length;
  let entry = 0;
  const langs = at + keyBytes;
  const scores = langs + entries;
  keys.forEach((k, i) => {
    for (const [lang, score] of values[i]) {
      if (lang > 255 || score < 0 || score > 255 || !Number.isInteger(score))
        throw new Error(`eld tables: ${k} ${lang}:${score} does not fit a byte`);
      out[langs + entry] = lang;
      out[scores + entry] = score;
      entry++;
    }
    for (let j = 0; j < k.length; j++) {
      const c = k.charCodeAt(j);
      if (c > 255) throw new Error(`eld tables: n-gram ${JSON.stringify(k)} is not Latin-1`);
      out[at++] = c;
    }
    view.setUint32(keyEnds + 4 * i, at - (valueEnds + 4 * keys.length), true);
    view.setUint32(valueEnds + 4 * i, entry, true);
  });
  return out;
}

/** The database for eld's `loadData`, over the binary form; n-grams are looked up as eld asks for them. */
export function eldTables(bytes: Uint8Array): EldData {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number): number => view.getUint32(at, true);
  const headLength = u32(0);
  const head = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + headLength))) as Header;
  const keyEnds = 4 + headLength;
  const valueEnds = keyEnds + 4 * head.count;
  const keys = valueEnds + 4 * head.count;
  const langs = keys + (head.count ? u32(valueEnds - 4) : 0);
  const scores = langs + head.entries;
  const keyStart = (i: number): number => (i === 0 ? 0 : u32(keyEnds + 4 * (i - 1)));

  /** Code-unit order of a looked-up n-gram against the i-th stored one. */
  function compare(key: string, i: number): number {
    const start = keyStart(i);
    const length = u32(keyEnds + 4 * i) - start;
    const n = Math.min(key.length, length);
    for (let j = 0; j < n; j++) {
      const d = key.charCodeAt(j) - bytes[keys + start + j];
      if (d !== 0) return d;
    }
    return key.length - length;
  }

  function scoresOf(key: string): Record<number, number> | undefined {
    let lo = 0;
    let hi = head.count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = compare(key, mid);
      if (c < 0) hi = mid - 1;
      else if (c > 0) lo = mid + 1;
      else {
        const out: Record<number, number> = {};
        const end = u32(valueEnds + 4 * mid);
        for (let e = mid === 0 ? 0 : u32(valueEnds + 4 * (mid - 1)); e < end; e++)
          out[bytes[langs + e]] = bytes[scores + e];
        return out;
      }
    }
    return undefined;
  }

  // eld reads its database only as `ngrams[ngram]` while scoring.
  const ngrams = new Proxy({} as Record<string, Record<string, number>>, {
    get: (_target, key) => (typeof key === 'string' ? scoresOf(key) : undefined),
  });
  return { type: head.type, languages: head.languages, ngrams };
}
