/**
 * defineStack: a stack achievement, its component achievements and the CLR associations between
 * them, checked so that the rule can be met and names only components that are defined.
 */
import { buildAchievementAt, type AchievementInput } from '../build/achievement.js';
import { atIndex, problem, readObject } from '../build/fields.js';
import type { Achievement, Association, StackAchievement } from '../model/index.js';
import { stackAssociations } from './associations.js';
import { buildStackRule, ruleComponentIds, type StackRuleInput } from './rule.js';

export interface StackInput {
  /** The stack's own Achievement (name, description, criteria narrative, alignment, creditsAvailable, …). */
  achievement: AchievementInput | Achievement;
  /** The component achievements, exactly as their issuers define them (ids must match their credentials'). */
  components: (AchievementInput | Achievement)[];
  rule: StackRuleInput;
  /** Component ids in the order they are meant to be earned: each `precedes` the next. */
  sequence?: string[];
}

export interface StackDefinition {
  /** The stack's Achievement, carrying its `stackRule` (context https://obv3.dev/contexts/stack-v1.json). */
  achievement: StackAchievement;
  /** The component definitions, in the order given. */
  components: Achievement[];
  /** isParentOf / isPartOf between the stack and each component, then `precedes` along `sequence`. */
  associations: Association[];
}

export function defineStack(input: StackInput): StackDefinition {
  const fields = readObject(input, 'stack');
  if (fields.achievement === undefined) throw problem('SCHEMA_INVALID', 'stack.achievement', 'is missing: add the stack\'s own achievement (name, description, criteria)');
  const base = buildAchievementAt(fields.achievement, 'stack.achievement');
  if ('stackRule' in base) throw problem('SCHEMA_INVALID', 'stack.achievement.stackRule', 'is set by defineStack from stack.rule: leave it out');
  if (!Array.isArray(fields.components) || fields.components.length === 0) {
    throw problem('INVALID_ARGUMENT', 'stack.components', 'must list the component achievements');
  }
  const components = fields.components.map((c, i) => buildAchievementAt(c, atIndex('stack.components', i)));
  const byId = new Map<string, number>();
  components.forEach((c, i) => {
    if (byId.has(c.id)) throw problem('SCHEMA_INVALID', `stack.components[${i}].id`, `${JSON.stringify(c.id)} is defined twice`);
    if (c.id === base.id) throw problem('SCHEMA_INVALID', `stack.components[${i}].id`, 'is the stack itself: a stack cannot be its own component');
    byId.set(c.id, i);
  });
  const rule = buildStackRule(fields.rule, 'stack.rule');
  const named = ruleComponentIds(rule);
  for (const id of named) {
    if (!byId.has(id)) throw problem('SCHEMA_INVALID', 'stack.rule', `names ${JSON.stringify(id)}, which is not among stack.components: add its definition`);
  }
  const unused = components.filter((c) => !named.includes(c.id));
  if (unused.length > 0) {
    throw problem('SCHEMA_INVALID', 'stack.components', `${unused.map((c) => JSON.stringify(c.id)).join(', ')} ${unused.length > 1 ? 'are' : 'is'} not named by the rule: add ${unused.length > 1 ? 'them' : 'it'} to required or electives, or remove ${unused.length > 1 ? 'them' : 'it'}`);
  }
  checkCreditsReachable(rule.minimumCredits, components);
  const sequence = readSequence(fields.sequence, byId);
  return {
    achievement: { ...base, stackRule: rule },
    components,
    associations: stackAssociations(base.id, components.map((c) => c.id), sequence),
  };
}

/** When every component states its credits, a minimum above their sum could never be met. */
function checkCreditsReachable(minimum: number | undefined, components: readonly Achievement[]): void {
  if (minimum === undefined || components.some((c) => c.creditsAvailable === undefined)) return;
  const total = components.reduce((sum, c) => sum + (c.creditsAvailable ?? 0), 0);
  if (minimum > total) {
    throw problem('SCHEMA_INVALID', 'stack.rule.minimumCredits', `(${minimum}) is more than all components together offer (${total}): the stack could never be earned`);
  }
}

function readSequence(value: unknown, byId: ReadonlyMap<string, number>): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw problem('INVALID_ARGUMENT', 'stack.sequence', 'must be an array of component ids, in the order they are earned');
  const seen = new Set<string>();
  return value.map((id, i) => {
    if (typeof id !== 'string' || !byId.has(id)) {
      throw problem('SCHEMA_INVALID', atIndex('stack.sequence', i), `${JSON.stringify(id)} is not the id of a component`);
    }
    if (seen.has(id)) throw problem('SCHEMA_INVALID', atIndex('stack.sequence', i), `${JSON.stringify(id)} appears twice`);
    seen.add(id);
    return id;
  });
}
