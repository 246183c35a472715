/**
 * stackProgress: only verified credentials for this teacher count, one per component, and every
 * other credential is reported with why it was left out, by the code of the check that decided.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { evaluateRuleForTest } from './evaluate-rule.helper.js';
import { formatProgress, generateKey, stackProgress, type StackProgress } from '../../src/index.js';
import { CORE, ELECTIVES, NOW, TEACHER, award, completeSet, coreStack, makeIssuers, type Issuers } from '../support/stacks.js';

let issuers: Issuers;
let complete: Awaited<ReturnType<typeof completeSet>>;
const stack = coreStack();

beforeAll(async () => {
  issuers = await makeIssuers();
  complete = await completeSet(issuers);
});

function leftOut(progress: StackProgress) {
  return progress.leftOut.map((l) => [l.index, l.code, l.check ?? null]);
}

describe('stackProgress', () => {
  it('counts the Core Three and two electives from two issuers: complete, 75 credits', async () => {
    const progress = await stackProgress(stack, complete, { recipient: TEACHER, now: NOW });
    expect(progress.complete).toBe(true);
    expect(progress.satisfied).toEqual([...CORE, ELECTIVES[0]!, ELECTIVES[1]!].map((c) => c.id));
    expect(progress.missing).toEqual([ELECTIVES[2]!.id]);
    expect(progress.credits).toEqual({ earned: 75, minimum: 75 });
    expect(progress.electiveGroups).toEqual([{ name: 'Leadership', minimumCount: 2, satisfied: [ELECTIVES[0]!.id, ELECTIVES[1]!.id], stillNeeded: 0 }]);
    expect(progress.leftOut).toEqual([]);
    expect(progress.counted.map((c) => c.issuer)).toEqual([...Array(3).fill(issuers.district.controller), ...Array(2).fill(issuers.university.controller)]);
    expect(progress.reports.every((r) => r.verified)).toBe(true);
    expect(progress.components.find((c) => c.id === ELECTIVES[2]!.id)).toEqual({ id: ELECTIVES[2]!.id, name: 'Mentoring', requirement: { electiveGroup: 0 } });
  });

  it('says what is missing: a required component, an elective, and credits', async () => {
    const progress = await stackProgress(stack, [complete[0]!, complete[1]!, complete[3]!], { recipient: TEACHER, now: NOW });
    expect(progress.complete).toBe(false);
    expect(progress.missing).toEqual([CORE[2]!.id, ELECTIVES[1]!.id, ELECTIVES[2]!.id]);
    expect(progress.electiveGroups[0]?.stillNeeded).toBe(1);
    expect(progress.credits).toEqual({ earned: 45, minimum: 75 });
    expect(formatProgress(progress)).toMatch(/^NOT YET COMPLETE: Teacher Leader — 3 of 6 components, 45 of 75 credits/);
  });

  it('requires the minimum credits even when every component is there', async () => {
    const cheap = await Promise.all([...CORE, ELECTIVES[0]!, ELECTIVES[1]!].map((a) => award(issuers, a, { creditsEarned: 10 })));
    const progress = await stackProgress(stack, cheap, { recipient: TEACHER, now: NOW });
    expect(progress.missing).toEqual([ELECTIVES[2]!.id]);
    expect(progress.credits.earned).toBe(50);
    expect(progress.complete).toBe(false);
  });

  it('leaves out an expired credential: EXPIRED, from the valid-until check', async () => {
    const expired = await award(issuers, CORE[0]!, { validUntil: '2026-05-20T00:00:00Z' });
    const progress = await stackProgress(stack, [expired, ...complete.slice(1)], { recipient: TEACHER, now: NOW });
    expect(leftOut(progress)).toEqual([[0, 'EXPIRED', 'valid-until']]);
    expect(progress.leftOut[0]).toMatchObject({ componentId: CORE[0]!.id, name: 'Wait Time' });
    expect(progress.leftOut[0]?.message).toMatch(/Expired at 2026-05-20/);
    expect(progress.complete).toBe(false);
  });

  it('leaves out a credential for another teacher: RECIPIENT_MISMATCH', async () => {
    const other = await award(issuers, CORE[0]!, { recipient: { email: 'someone.else@lakeside.example.org' } });
    const progress = await stackProgress(stack, [other, ...complete.slice(1)], { recipient: TEACHER, now: NOW });
    expect(leftOut(progress)).toEqual([[0, 'RECIPIENT_MISMATCH', null]]);
  });

  it('leaves out a credential changed after signing: PROOF_INVALID', async () => {
    const tampered = structuredClone(complete[0]!) as Record<string, any>;
    tampered.credentialSubject.creditsEarned = 60;
    const progress = await stackProgress(stack, [tampered, ...complete.slice(1)], { recipient: TEACHER, now: NOW });
    expect(leftOut(progress)).toEqual([[0, 'PROOF_INVALID', 'proof']]);
    expect(progress.credits.earned).toBe(60);
  });

  it('leaves out a credential whose issuer id names no keys: ISSUER_UNRESOLVABLE, unless the policy accepts it', async () => {
    const key = await generateKey();
    // A urn:uuid issuer signed by a did:key: nothing ties the key to the issuer.
    const signer = key.signer();
    const { buildCredential, signDocument } = await import('./sign-helpers.js');
    const unsigned = buildCredential({ issuer: { id: key.controller, name: 'Old platform' }, achievement: CORE[0]!, recipient: { email: TEACHER }, validFrom: '2026-05-01T00:00:00Z' });
    const orphan = await signDocument({ ...unsigned, issuer: { ...unsigned.issuer, id: 'urn:uuid:4ca4a241-fc3b-4d92-978e-f56fa96ae795' } }, { signer });
    const strict = await stackProgress(stack, [orphan, ...complete.slice(1)], { recipient: TEACHER, now: NOW });
    expect(leftOut(strict)).toEqual([[0, 'ISSUER_UNRESOLVABLE', 'issuer-key']]);
    const lenient = await stackProgress(stack, [orphan, ...complete.slice(1)], { recipient: TEACHER, now: NOW, acceptUnresolvableIssuer: true });
    expect(lenient.leftOut).toEqual([]);
    expect(lenient.counted[0]?.issuer).toBe(key.controller);
  });

  it('leaves out a credential whose status cannot be checked offline: STATUS_UNAVAILABLE (REVOKED once status lists are read)', async () => {
    const withStatus = await award(issuers, CORE[0]!, {
      credentialStatus: { id: 'https://lakeside.example.org/status/3#7', type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '7', statusListCredential: 'https://lakeside.example.org/status/3' },
    });
    const progress = await stackProgress(stack, [withStatus, ...complete.slice(1)], { recipient: TEACHER, now: NOW });
    expect(leftOut(progress)).toEqual([[0, 'STATUS_UNAVAILABLE', 'status']]);
    const accepted = await stackProgress(stack, [withStatus, ...complete.slice(1)], { recipient: TEACHER, now: NOW, acceptUnavailableStatus: true });
    expect(accepted.complete).toBe(true);
  });

  it('leaves out what is not a component, and counts a component once (the one worth most credits)', async () => {
    const notInStack = await award(issuers, { ...CORE[0]!, id: 'https://lakeside.example.org/achievements/questioning', name: 'Questioning' });
    const again = await award(issuers, CORE[1]!, { creditsEarned: 20 });
    const progress = await stackProgress(stack, [...complete, notInStack, again], { recipient: TEACHER, now: NOW });
    expect(leftOut(progress)).toEqual([[1, 'DUPLICATE_COMPONENT', null], [5, 'NOT_A_COMPONENT', null]]);
    expect(progress.counted.find((c) => c.componentId === CORE[1]!.id)?.index).toBe(6);
    expect(progress.credits.earned).toBe(80);
  });

  it('of equal credits, counts the one valid from the later instant, time-zone offsets included', async () => {
    const later = await award(issuers, CORE[1]!, { validFrom: '2026-05-02T09:00:00Z' });
    const earlier = await award(issuers, CORE[1]!, { validFrom: '2026-05-02T10:00:00+02:00' });
    const progress = await stackProgress(stack, [complete[0]!, later, earlier, ...complete.slice(2)], { recipient: TEACHER, now: NOW });
    expect(progress.counted.find((c) => c.componentId === CORE[1]!.id)?.index).toBe(1);
    expect(leftOut(progress)).toEqual([[2, 'DUPLICATE_COMPONENT', null]]);
  });

  it('matches a DID recipient, and reads credits from creditsAvailable when creditsEarned is absent', async () => {
    const did = 'did:example:maria';
    const byDid = await Promise.all([...CORE, ELECTIVES[0]!, ELECTIVES[1]!].map((a) => award(issuers, a, { recipient: { id: did }, creditsEarned: undefined })));
    const progress = await stackProgress(stack, byDid, { recipient: did, now: NOW });
    expect(progress.complete).toBe(true);
    expect(progress.counted.every((c) => c.creditsFrom === 'creditsAvailable' && c.credits === 15)).toBe(true);
    const asEmail = await stackProgress(stack, byDid, { recipient: TEACHER, now: NOW });
    expect(asEmail.leftOut.every((l) => l.code === 'RECIPIENT_MISMATCH')).toBe(true);
  });

  it('reports input that is not a credential at all, by its parse code', async () => {
    const progress = await stackProgress(stack, ['not json', { hello: 'world' }], { recipient: TEACHER, now: NOW });
    expect(leftOut(progress)).toEqual([[0, 'INPUT_NOT_JSON', 'parse'], [1, 'CONTEXT_MISSING', 'context']]);
  });

  it('refuses misuse: no recipient, a stack without a valid rule, too many credentials', async () => {
    await expect(stackProgress(stack, complete, { recipient: '' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    const broken = { achievement: { ...stack.achievement, stackRule: { type: 'StackRule' as const } } };
    await expect(stackProgress(broken, complete, { recipient: TEACHER })).rejects.toMatchObject({ code: 'SCHEMA_INVALID' });
    await expect(stackProgress(stack, complete, { recipient: TEACHER, maxCredentials: 2 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});

describe('the rule arithmetic', () => {
  it('all of a set, N of a set, required plus electives, and a credit minimum', () => {
    expect(evaluateRuleForTest({ required: ['urn:a', 'urn:b'] }, { 'urn:a': 1 }).complete).toBe(false);
    expect(evaluateRuleForTest({ required: ['urn:a', 'urn:b'] }, { 'urn:a': 1, 'urn:b': 1 }).complete).toBe(true);
    expect(evaluateRuleForTest({ electives: [{ from: ['urn:a', 'urn:b', 'urn:c'], atLeast: 2 }] }, { 'urn:c': 1, 'urn:a': 1 }).complete).toBe(true);
    expect(evaluateRuleForTest({ electives: [{ from: ['urn:a', 'urn:b', 'urn:c'], atLeast: 2 }] }, { 'urn:c': 1 }).electiveGroups[0]?.stillNeeded).toBe(1);
    const both = { required: ['urn:r'], electives: [{ from: ['urn:a', 'urn:b'], atLeast: 1 }], minimumCredits: 30 };
    expect(evaluateRuleForTest(both, { 'urn:r': 15, 'urn:a': 10 }).complete).toBe(false);
    expect(evaluateRuleForTest(both, { 'urn:r': 15, 'urn:a': 10, 'urn:b': 5 }).complete).toBe(true);
    expect(evaluateRuleForTest(both, { 'urn:a': 30 }).requiredMissing).toEqual(['urn:r']);
  });
});
