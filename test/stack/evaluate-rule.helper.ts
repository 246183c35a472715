/** Rule arithmetic on a friendly rule input and a map of earned component credits. */
import { buildStackRule, type StackRuleInput } from '../../src/stack/rule.js';
import { evaluateRule } from '../../src/stack/evaluate-rule.js';

export function evaluateRuleForTest(rule: StackRuleInput, earned: Record<string, number>) {
  return evaluateRule(buildStackRule(rule, 'rule'), new Map(Object.entries(earned)));
}
