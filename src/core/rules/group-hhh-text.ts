/** HHH rules about how a text is written: PII, repetition, formatting, length, language. */
import type { LintRule } from '../rule';
import { formatting } from './formatting';
import { languageMismatch } from './language-mismatch';
import { pii } from './pii';
import { repetition } from './repetition';
import { responseLength } from './response-length';

export const HHH_TEXT_RULES: readonly LintRule[] = [pii, repetition, formatting, responseLength, languageMismatch];
