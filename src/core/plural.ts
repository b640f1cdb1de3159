/**
 * Counts in messages agree in number: "1 pair", "2 pairs", "1 more pair needed". One
 * helper for core, the CLI and the extension, so no message says "1 pairs".
 */

/** `n` and the noun phrase in the number `n` takes; `many` for a phrase whose plural is not `one` + "s". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * `n` with commas between groups of three digits ("1,200"), as `toLocaleString('en-US')`
 * writes an integer, without the cost of loading ICU's number data in a cold process.
 */
export function thousands(n: number): string {
  const s = String(Math.abs(Math.trunc(n)));
  let out = s.slice(0, s.length % 3 || 3);
  for (let i = out.length; i < s.length; i += 3) out += `,${s.slice(i, i + 3)}`;
  return (n <= -1 ? '-' : '') + out;
}
