/**
 * A stack's rule, from a friendly input to the `StackRule` it is published as. Every mistake that
 * would make a rule ambiguous or impossible to meet is refused here, with the path and the fix.
 * A rule read back from an untrusted credential is checked by validateStackRule (schema/validate.ts,
 * against schemas/obv3-stack-v1.schema.json) instead.
 */
import { atIndex, checkIri, describeValue, problem, readObject } from '../build/fields.js';
import type { ElectiveGroup, StackRule } from '../model/index.js';

export interface StackRuleInput {
  /** Achievement ids that must all be earned. */
  required?: string[];
  /** Groups of achievement ids, of which at least `atLeast` must be earned. */
  electives?: ElectiveGroupInput[];
  /** Credits the counted components must add up to. */
  minimumCredits?: number;
}

export interface ElectiveGroupInput {
  name?: string;
  from: string[];
  atLeast: number;
}

export function buildStackRule(input: unknown, path: string): StackRule {
  const fields = readObject(input, path);
  for (const key of Object.keys(fields)) {
    if (!['required', 'electives', 'minimumCredits'].includes(key)) {
      throw problem('SCHEMA_INVALID', `${path}.${key}`, 'is not part of a stack rule: use required, electives and minimumCredits');
    }
  }
  const seen = new Map<string, string>();
  const required = fields.required === undefined ? undefined : idList(fields.required, `${path}.required`, seen);
  const electives = fields.electives === undefined ? undefined : electiveGroups(fields.electives, `${path}.electives`, seen);
  if ((required?.length ?? 0) === 0 && (electives?.length ?? 0) === 0) {
    throw problem('SCHEMA_INVALID', path, 'names no components: add required (all of these) and/or electives ({ from, atLeast })');
  }
  const minimumCredits = fields.minimumCredits;
  if (minimumCredits !== undefined && (typeof minimumCredits !== 'number' || !Number.isFinite(minimumCredits) || minimumCredits <= 0)) {
    throw problem('SCHEMA_INVALID', `${path}.minimumCredits`, `must be a positive number, got ${describeValue(minimumCredits)}: leave it out when credits do not matter`);
  }
  return {
    type: 'StackRule',
    ...(required && required.length > 0 ? { requiredComponent: required } : {}),
    ...(electives && electives.length > 0 ? { electiveGroup: electives } : {}),
    ...(minimumCredits !== undefined ? { minimumCredits } : {}),
  };
}

function electiveGroups(value: unknown, path: string, seen: Map<string, string>): ElectiveGroup[] {
  if (!Array.isArray(value)) throw problem('INVALID_ARGUMENT', path, `must be an array of { from, atLeast }, got ${describeValue(value)}`);
  return value.map((item, i) => {
    const at = atIndex(path, i);
    const group = readObject(item, at);
    const component = idList(group.from, `${at}.from`, seen);
    const atLeast = group.atLeast;
    if (typeof atLeast !== 'number' || !Number.isInteger(atLeast) || atLeast < 1 || atLeast > component.length) {
      throw problem('SCHEMA_INVALID', `${at}.atLeast`, `must be a whole number from 1 to ${component.length} (the size of the group), got ${describeValue(atLeast)}`);
    }
    const name = group.name;
    if (name !== undefined && (typeof name !== 'string' || name.trim() === '')) {
      throw problem('INVALID_ARGUMENT', `${at}.name`, `must be a non-empty string, got ${describeValue(name)}`);
    }
    return { type: 'ElectiveGroup', ...(name !== undefined ? { name } : {}), component, minimumCount: atLeast };
  });
}

/** Absolute ids, each at most once across the whole rule: a component counts in one place only. */
function idList(value: unknown, path: string, seen: Map<string, string>): string[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw problem('INVALID_ARGUMENT', path, `must be a non-empty array of achievement ids, got ${describeValue(value)}`);
  }
  return value.map((id, i) => {
    const at = atIndex(path, i);
    if (typeof id !== 'string') throw problem('INVALID_ARGUMENT', at, `must be an achievement id, got ${describeValue(id)}`);
    checkIri(id, at);
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      throw problem('SCHEMA_INVALID', at, `${JSON.stringify(id)} is already named at ${earlier}: a component may appear once in a rule`);
    }
    seen.set(id, at);
    return id;
  });
}

/** Every component id a rule names, required ones first, in rule order. */
export function ruleComponentIds(rule: StackRule): string[] {
  return [...(rule.requiredComponent ?? []), ...(rule.electiveGroup ?? []).flatMap((g) => g.component)];
}
