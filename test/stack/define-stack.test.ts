/**
 * defineStack: the rule as published (StackRule in obv3's context), the CLR associations, and every
 * way a rule could be ambiguous or impossible, refused with the path and a fix.
 */
import { describe, expect, it } from 'vitest';
import { STACK_CONTEXT, buildCredential, defineStack, isObv3Error, signCredential, generateKey, validateStackRule, verifyCredential, type StackInput } from '../../src/index.js';
import { CORE, DISTRICT, ELECTIVES, NOW, UNIVERSITY, coreStack, micro } from '../support/stacks.js';

function input(overrides: Partial<StackInput> = {}): StackInput {
  return {
    achievement: { id: `${DISTRICT}teacher-leader`, name: 'Teacher Leader', description: 'Leads.', criteria: { narrative: 'Earn the components.' } },
    components: [...CORE, ...ELECTIVES],
    rule: { required: CORE.map((c) => c.id!), electives: [{ from: ELECTIVES.map((c) => c.id!), atLeast: 2 }] },
    ...overrides,
  };
}

function refusal(make: () => unknown): { code: string; message: string } {
  try {
    make();
  } catch (error) {
    if (isObv3Error(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected defineStack to refuse');
}

describe('defineStack', () => {
  it('publishes the rule as a StackRule on the stack achievement, valid against obv3-stack-v1.schema.json', () => {
    const stack = coreStack();
    expect(stack.achievement.stackRule).toEqual({
      type: 'StackRule',
      requiredComponent: CORE.map((c) => c.id),
      electiveGroup: [{ type: 'ElectiveGroup', name: 'Leadership', component: ELECTIVES.map((c) => c.id), minimumCount: 2 }],
      minimumCredits: 75,
    });
    expect(validateStackRule(stack.achievement.stackRule)).toEqual([]);
    expect(stack.components.map((c) => c.id)).toEqual([...CORE, ...ELECTIVES].map((c) => c.id));
  });

  it('links the stack to each component both ways, and orders the sequence with precedes', () => {
    const { associations, achievement } = coreStack();
    const stackId = achievement.id;
    for (const component of [...CORE, ...ELECTIVES]) {
      expect(associations).toContainEqual({ type: 'Association', associationType: 'isParentOf', sourceId: stackId, targetId: component.id });
      expect(associations).toContainEqual({ type: 'Association', associationType: 'isPartOf', sourceId: component.id, targetId: stackId });
    }
    expect(associations.filter((a) => a.associationType === 'precedes')).toEqual([
      { type: 'Association', associationType: 'precedes', sourceId: CORE[0]!.id, targetId: CORE[1]!.id },
      { type: 'Association', associationType: 'precedes', sourceId: CORE[1]!.id, targetId: CORE[2]!.id },
    ]);
    expect(associations).toHaveLength(2 * 6 + 2);
  });

  it('signs as JSON-LD in safe mode with the stack context, and verifies', async () => {
    const key = await generateKey();
    const credential = buildCredential({
      issuer: { id: key.controller, name: 'Lakeside' },
      achievement: coreStack().achievement,
      recipient: { id: 'did:example:maria' },
      extraContexts: [STACK_CONTEXT],
      validFrom: '2026-05-01T00:00:00Z',
    });
    const signed = await signCredential(credential, { key });
    const report = await verifyCredential(signed, { now: NOW });
    expect(report.verified).toBe(true);
    // Without our context, the rule's terms are undefined: safe mode refuses to sign them.
    const withoutContext = { ...credential, '@context': credential['@context'].filter((c) => c !== STACK_CONTEXT) };
    await expect(signCredential(withoutContext, { key })).rejects.toMatchObject({ code: 'JSONLD_INVALID' });
  });

  it.each<[string, Partial<StackInput>, string, RegExp]>([
    ['a rule naming no components', { rule: {} }, 'SCHEMA_INVALID', /stack\.rule names no components/],
    ['a component named twice', { rule: { required: [CORE[0]!.id!], electives: [{ from: [CORE[0]!.id!, ...ELECTIVES.map((c) => c.id!)], atLeast: 1 }] } }, 'SCHEMA_INVALID', /already named at stack\.rule\.required\[0\]/],
    ['atLeast larger than its group', { rule: { required: CORE.map((c) => c.id!), electives: [{ from: ELECTIVES.map((c) => c.id!), atLeast: 4 }] } }, 'SCHEMA_INVALID', /atLeast must be a whole number from 1 to 3/],
    ['atLeast 0', { rule: { required: CORE.map((c) => c.id!), electives: [{ from: ELECTIVES.map((c) => c.id!), atLeast: 0 }] } }, 'SCHEMA_INVALID', /atLeast/],
    ['a rule naming an undefined component', { components: [...CORE, ELECTIVES[0]!, ELECTIVES[1]!] }, 'SCHEMA_INVALID', /mentoring", which is not among stack\.components/],
    ['a component the rule never names', { components: [...CORE, ...ELECTIVES, micro(`${UNIVERSITY}extra`, 'Extra')] }, 'SCHEMA_INVALID', /extra" is not named by the rule/],
    ['a component defined twice', { components: [...CORE, ...ELECTIVES, CORE[0]!] }, 'SCHEMA_INVALID', /defined twice/],
    ['the stack as its own component', { achievement: { ...CORE[0]!, id: CORE[0]!.id! } }, 'SCHEMA_INVALID', /cannot be its own component/],
    ['credits no set of components could reach', { rule: { required: CORE.map((c) => c.id!), electives: [{ from: ELECTIVES.map((c) => c.id!), atLeast: 2 }], minimumCredits: 91 } }, 'SCHEMA_INVALID', /\(91\) is more than all components together offer \(90\)/],
    ['negative credits', { rule: { required: CORE.map((c) => c.id!), minimumCredits: -5 }, components: CORE }, 'SCHEMA_INVALID', /minimumCredits must be a positive number/],
    ['a relative component id', { rule: { required: ['wait-time'] } }, 'INVALID_ARGUMENT', /must be an absolute URI/],
    ['an unknown rule property', { rule: { required: CORE.map((c) => c.id!), anyOf: [] } as never, components: CORE }, 'SCHEMA_INVALID', /stack\.rule\.anyOf is not part of a stack rule/],
    ['a sequence naming a non-component', { sequence: ['https://elsewhere.example/x'] }, 'SCHEMA_INVALID', /stack\.sequence\[0\]/],
    ['a stackRule written by hand', { achievement: { ...input().achievement, stackRule: {} } as never }, 'SCHEMA_INVALID', /set by defineStack/],
  ])('refuses %s', (_label, overrides, code, message) => {
    const error = refusal(() => defineStack(input(overrides)));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it('the stack rule schema rejects what defineStack would refuse', () => {
    expect(validateStackRule({ type: 'StackRule' }).length).toBeGreaterThan(0);
    expect(validateStackRule({ type: 'StackRule', requiredComponent: ['urn:x:1', 'urn:x:1'] }).map((p) => p.keyword)).toContain('uniqueItems');
    expect(validateStackRule({ type: 'StackRule', electiveGroup: [{ type: 'ElectiveGroup', component: ['urn:x:1'], minimumCount: 1.5 }] }).map((p) => p.path)).toEqual(['/electiveGroup/0/minimumCount']);
  });
});
