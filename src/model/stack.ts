/**
 * Stacks: an Achievement earned by earning other achievements (its components). The rule is
 * carried on the Achievement as `stackRule`, a term of obv3's context
 * https://obv3.dev/contexts/stack-v1.json (schema: schemas/obv3-stack-v1.schema.json).
 */
import type { Iri } from './common.js';
import type { Achievement } from './achievement.js';

/**
 * Which components earn the stack: every `requiredComponent`, at least `minimumCount` of each
 * `electiveGroup`, and, when set, `minimumCredits` in total. Component ids are Achievement ids.
 */
export interface StackRule {
  type: 'StackRule';
  requiredComponent?: Iri[];
  electiveGroup?: ElectiveGroup[];
  /** Credits the counted components must add up to (creditsEarned, else creditsAvailable). */
  minimumCredits?: number;
}

/** At least `minimumCount` of these achievements. */
export interface ElectiveGroup {
  type: 'ElectiveGroup';
  name?: string;
  component: Iri[];
  minimumCount: number;
}

/** The Achievement a stack awards, with its rule. */
export interface StackAchievement extends Achievement {
  stackRule: StackRule;
}
