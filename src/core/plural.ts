/**
 * Counts in messages agree in number: "1 pair", "2 pairs", "1 more pair needed". One
 * helper for core, the CLI and the extension, so no message says "1 pairs".
 */

/** `n` and the noun phrase in the number `n` takes; `many` for a phrase whose plural is not `one` + "s". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
