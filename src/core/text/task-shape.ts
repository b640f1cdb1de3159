/**
 * The task a pair's prompt asks for, read from its shape: "Summarize this email" is
 * summarization, a labels list is classification, a question over a passage is closed QA.
 * Used to suggest a `task` for a pair that has none; only cues a reviewer would agree with
 * count, and a prompt with none gets no suggestion.
 */

/** What the pair has besides its prompt. */
export interface TaskShapeFacts {
  hasContext: boolean;
  hasLabels: boolean;
}

/** A suggested task and why, for a message: `"Summarize"`, `it lists labels`. */
export interface TaskSuggestion {
  task: string;
  why: string;
}

// In order: the first cue found decides (a "summarize step by step" prompt is summarization).
const CUES: ReadonlyArray<readonly [string, RegExp]> = [
  [
    'summarization',
    /\b(?:summari[sz]e|sum up|tl;?dr|key points)\b|\b(?:write|give|provide|generate|create|produce|make|need)\b[^.\n]{0,30}\bsummary\b/i,
  ],
  [
    'rewriting',
    /\b(?:rewrite|re-write|rephrase|paraphrase|reword|proofread|make (?:it|this) (?:more )?(?:formal|informal|concise|polite))\b/i,
  ],
  [
    'extraction',
    /\b(?:extract|pull out|list (?:all|every) (?:the )?(?:names|dates|people|places|entities|numbers|emails))\b/i,
  ],
  [
    'chain_of_thought',
    /\b(?:step[- ]by[- ]step|show your (?:work|reasoning)|explain your reasoning|think it through)\b/i,
  ],
  [
    'brainstorming',
    /\b(?:brainstorm|(?:give|list|suggest|come up with) (?:me )?(?:\d+|some|a few|several|ten|five) (?:ideas|names|suggestions|ways|titles|options))\b/i,
  ],
  [
    'generation',
    /\b(?:write|compose|draft|create) (?:me )?(?:a|an|the|\d+) (?:short |brief |funny |formal )?(?:poem|story|email|e-mail|letter|essay|song|tweet|blog post|haiku|limerick|speech|cover letter|product description|slogan)\b/i,
  ],
];
const CLASSIFY =
  /\b(?:classify|categori[sz]e|which category|what category|(?:what|classify|determine|identify|assess|detect)\b[^.\n]{0,20}\bsentiment|is (?:this|the) (?:review|text|tweet|message) (?:positive|negative))\b/i;
const QUESTION = /\?\s*$|^\s*(?:who|what|when|where|why|how|which|is|are|does|do|can)\b/im;

/**
 * The part of a prompt that carries its instruction: its first line and its last (T0-style
 * templates end with "TL;DR:"). A passage in between ("This article's plot summary may be
 * too long", "sentiment turned cautious") says nothing of the task.
 */
function instruction(prompt: string): string {
  const trimmed = prompt.trim();
  const nl = trimmed.indexOf('\n');
  const first = nl < 0 ? trimmed : trimmed.slice(0, nl);
  const last = nl < 0 ? '' : trimmed.slice(trimmed.lastIndexOf('\n') + 1);
  return `${first.slice(0, 300)}\n${last.slice(0, 200)}`;
}

/** The task the prompt's shape suggests, or undefined when it gives no clear cue. */
export function suggestTask(prompt: string, facts: TaskShapeFacts): TaskSuggestion | undefined {
  if (!prompt.trim()) return undefined;
  const head = instruction(prompt);
  for (const [task, re] of CUES) {
    const m = re.exec(head);
    if (m) return { task, why: `"${m[0]}"` };
  }
  if (facts.hasLabels) return { task: 'closed_classification', why: 'it lists labels' };
  const classify = CLASSIFY.exec(head);
  if (classify) return { task: 'open_classification', why: `"${classify[0]}"` };
  const question = QUESTION.exec(head);
  if (question && facts.hasContext)
    return { task: 'closed_qa', why: 'a question about its context' };
  return undefined;
}
