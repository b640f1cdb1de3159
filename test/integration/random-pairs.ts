/**
 * Seeded randomness for the concurrency test: a small PRNG and `.sft.yaml` texts built from
 * a vocabulary that sets off the rules a writer meets (placeholders, banned phrases, PII,
 * invalid values, missing annotations, duplicate ids, near-duplicate prompts, broken YAML).
 */

/** mulberry32: a tiny seeded generator, so a failing run can be replayed from its seed. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One of `weights`' keys, each as likely as its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    let r = this.next() * entries.reduce((n, [, w]) => n + w, 0);
    for (const [k, w] of entries) {
      r -= w;
      if (r < 0) return k;
    }
    return entries[entries.length - 1][0];
  }
}

const TASKS = ['generation', 'open_qa', 'brainstorming', 'summarization', 'brainstormin'];
const PROMPTS = [
  'Write a short poem about the sea at night for a child',
  'List five ways a small bakery can find new customers in winter',
  'Explain how a vaccine teaches the immune system to respond',
  'Describe the old market square of the town in three sentences',
  'Suggest a name for a cafe that sells books and coffee together',
];
const RESPONSES = [
  'The waves hum softly while the moon keeps watch.',
  'Bake seasonal bread and post photos every morning.',
  'TODO',
  'As an AI language model, I cannot say.',
  'Write to sam.lee@acme.io for the full list.',
  'It trains the body with a harmless copy of the germ.',
];

/** One pair; `id` undefined leaves the id out (missing-id). */
export function pairText(rnd: Random, id: string | undefined): string {
  const lines = [id === undefined ? '  - task: open_qa' : `  - id: ${id}`];
  if (id !== undefined) lines.push(`    task: ${rnd.pick(TASKS)}`);
  lines.push('    prompt_type: instructive', '    response_type: single_sentence');
  if (rnd.chance(0.8)) lines.push('    domain: general');
  lines.push('    language: en');
  // Prompts repeat across pairs and files on purpose (near-duplicate), with a word to tell some apart.
  const prompt = rnd.pick(PROMPTS) + (rnd.chance(0.5) ? ` ${rnd.pick(['today', 'please'])}` : '');
  lines.push(`    prompt: ${prompt}`, `    response: ${rnd.pick(RESPONSES)}`);
  return `${lines.join('\n')}\n`;
}

/** A whole file of 1 to 3 pairs; ids come from `nextId`, and now and then the file is not valid YAML. */
export function fileText(rnd: Random, nextId: () => string): string {
  let text = 'sft: 1\npairs:\n';
  const n = 1 + rnd.int(3);
  for (let i = 0; i < n; i++) text += pairText(rnd, rnd.chance(0.1) ? undefined : nextId());
  if (rnd.chance(0.1)) text += '  - id: [broken\n';
  return text;
}
