/**
 * Judging a stack rule against the components a learner has earned: pure arithmetic, no
 * verification (progress.ts decides what counts as earned).
 */
import type { StackRule } from '../model/index.js';
import { ruleComponentIds } from './rule.js';

export interface ElectiveGroupProgress {
  name?: string;
  minimumCount: number;
  /** Component ids of the group that are earned. */
  satisfied: string[];
  /** How many more of the group are needed (0 when met). */
  stillNeeded: number;
}

export interface RuleEvaluation {
  complete: boolean;
  /** Component ids the rule names that are earned, in rule order (required first). */
  satisfied: string[];
  /** Component ids the rule names that are not earned, in the same order. */
  missing: string[];
  requiredMissing: string[];
  electiveGroups: ElectiveGroupProgress[];
  credits: { earned: number; minimum?: number };
}

/** `earned` maps each earned component id to the credits its credential brings. */
export function evaluateRule(rule: StackRule, earned: ReadonlyMap<string, number>): RuleEvaluation {
  const required = rule.requiredComponent ?? [];
  const requiredMissing = required.filter((id) => !earned.has(id));
  const electiveGroups = (rule.electiveGroup ?? []).map((group): ElectiveGroupProgress => {
    const satisfied = group.component.filter((id) => earned.has(id));
    return {
      ...(group.name !== undefined ? { name: group.name } : {}),
      minimumCount: group.minimumCount,
      satisfied,
      stillNeeded: Math.max(0, group.minimumCount - satisfied.length),
    };
  });
  const all = ruleComponentIds(rule);
  const creditsEarned = [...earned.values()].reduce((sum, credits) => sum + credits, 0);
  const creditsMet = rule.minimumCredits === undefined || creditsEarned >= rule.minimumCredits;
  return {
    complete: requiredMissing.length === 0 && electiveGroups.every((g) => g.stillNeeded === 0) && creditsMet,
    satisfied: all.filter((id) => earned.has(id)),
    missing: all.filter((id) => !earned.has(id)),
    requiredMissing,
    electiveGroups,
    credits: { earned: creditsEarned, ...(rule.minimumCredits !== undefined ? { minimum: rule.minimumCredits } : {}) },
  };
}
