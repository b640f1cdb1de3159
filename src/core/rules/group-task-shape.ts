/** The task-shape rules of SPEC section 3: does the pair have the shape its task and prompt type need. */
import type { LintRule } from '../rule';
import { contextRequired } from './context-required';
import { examplesRequired } from './examples-required';
import { continuationAnchor } from './continuation-anchor';
import { classificationLabels } from './classification-labels';
import { chainOfThoughtSteps } from './chain-of-thought-steps';
import { summaryShorter } from './summary-shorter';
import { groundedAnswer } from './grounded-answer';

export const TASK_SHAPE_RULES: readonly LintRule[] = [
  contextRequired, examplesRequired, continuationAnchor, classificationLabels, chainOfThoughtSteps, summaryShorter, groundedAnswer,
];
