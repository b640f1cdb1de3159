/**
 * A 52-bit hash of a text's UTF-16 units, for recognising text seen before (a pair whose
 * text did not change when its file changed on disk). Two independent 32-bit streams are
 * joined, so unrelated texts collide about once in 2^52 comparisons; the result is a plain
 * number, exact in a double.
 */
export function textHash(text: string, start = 0, end = text.length): number {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  // Avalanche each stream so nearby texts land far apart, then keep 32 + 20 bits.
  a ^= a >>> 16;
  a = Math.imul(a, 0x85ebca6b);
  a ^= a >>> 13;
  b ^= b >>> 16;
  b = Math.imul(b, 0xc2b2ae35);
  b ^= b >>> 16;
  return (a >>> 0) * 0x100000 + (b >>> 12);
}
