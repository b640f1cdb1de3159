/**
 * The built-in banned phrases: things a demonstration response should never say, because
 * a model trained on them learns to talk about itself instead of answering, to disclaim
 * abilities it may have, or to pad answers with filler. The guidelines' `banned_phrases`
 * add to this list; an entry with the same text and `severity: off` turns one off.
 */

/** A built-in banned phrase. */
export interface DefaultBannedPhrase {
  text: string;
  message: string;
  /** Extra regex (no capture groups) after the phrase, to keep it from matching ordinary prose. */
  after?: string;
}

const SELF = 'Responses answer; they do not talk about being an AI or a model.';
const ABILITY =
  'Responses do not disclaim abilities or training; answer, or say plainly what is not known.';
const FILLER = 'Filler: start with the answer and end when it is done.';

/** Built-in phrases, checked in the response. */
export const DEFAULT_BANNED_PHRASES: readonly DefaultBannedPhrase[] = [
  { text: 'As an AI language model', message: SELF },
  { text: 'As a language model', message: SELF },
  { text: 'As an AI assistant', message: SELF },
  { text: 'As an AI model', message: SELF },
  // "As an AI researcher, ..." is ordinary prose: only the bare phrase before punctuation or the end.
  { text: 'As an AI', message: SELF, after: '(?=\\s*(?:[,.;:!]|$))' },
  { text: "I'm just an AI", message: SELF },
  { text: 'I am just an AI', message: SELF },
  { text: "I'm only an AI", message: SELF },
  { text: 'I am only an AI', message: SELF },
  { text: 'I cannot browse the internet', message: ABILITY },
  { text: "I can't browse the internet", message: ABILITY },
  { text: "I don't have access to real-time", message: ABILITY },
  { text: 'my knowledge cutoff', message: ABILITY },
  { text: 'as of my last update', message: ABILITY },
  { text: 'I hope this helps', message: FILLER },
  { text: 'Certainly! Here is', message: FILLER },
  { text: "Certainly! Here's", message: FILLER },
];
