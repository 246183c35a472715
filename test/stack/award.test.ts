/**
 * awardStack and verifyStackAward: the stack credential is issued only when the rule is met, its
 * evidence names each component by a digestMultibase a verifier recomputes independently (RFC 8785
 * by hand-checked vector, SHA-256 from node:crypto), and a changed or missing component is caught.
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { digitalBazaarVerifies } from '../support/digitalbazaar.js';
import {
  STACK_CONTEXT,
  awardStack,
  canonicalJson,
  credentialDigest,
  digestMatches,
  verifyCredential,
  verifyStackAward,
} from '../../src/index.js';
import { encodeBase58btc } from '../../src/keys/base58btc.js';
import { digestLookup } from '../../src/stack/digest.js';
import { CORE, ELECTIVES, NOW, TEACHER, award, completeSet, coreStack, makeIssuers, type Issuers } from '../support/stacks.js';

let issuers: Issuers;
let components: Awaited<ReturnType<typeof completeSet>>;
const stack = coreStack();

beforeAll(async () => {
  issuers = await makeIssuers();
  components = await completeSet(issuers);
});

const awardOptions = () => ({
  issuer: { id: issuers.district.controller, name: 'Lakeside Unified School District' },
  key: issuers.district,
  recipient: { email: TEACHER },
  verify: { now: NOW },
  credential: { validFrom: '2026-05-15T00:00:00Z' },
});

describe('credentialDigest: which bytes are hashed', () => {
  it('hashes the UTF-8 of the RFC 8785 (JCS) form: keys sorted, no whitespace, ES number forms', () => {
    const value = { b: [1, 2.5e3, 'x'], a: { d: true, c: null }, é: 'ü' };
    expect(canonicalJson(value)).toBe('{"a":{"c":null,"d":true},"b":[1,2500,"x"],"é":"ü"}');
    const expected = createHash('sha256').update('{"a":{"c":null,"d":true},"b":[1,2500,"x"],"é":"ü"}', 'utf8').digest();
    expect(credentialDigest(value)).toBe(`u${Buffer.concat([Buffer.from([0x12, 0x20]), expected]).toString('base64url')}`);
    expect(credentialDigest(value)).toMatch(/^uEi[A-Za-z0-9_-]{44}$/);
  });

  it('does not depend on key order or whitespace, and changes with any value', () => {
    const credential = components[0]!;
    const reordered = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(credential).reverse()), null, 4));
    expect(credentialDigest(reordered)).toBe(credentialDigest(credential));
    expect(digestMatches(reordered, credentialDigest(credential))).toBe(true);
    expect(digestMatches({ ...credential, name: 'Other' }, credentialDigest(credential))).toBe(false);
  });

  it('reads base58btc and sha2-384 multihashes too, and rejects anything malformed', () => {
    const text = canonicalJson(components[0]!);
    const sha384 = createHash('sha384').update(text, 'utf8').digest();
    expect(digestMatches(components[0]!, `z${encodeBase58btc(Buffer.concat([Buffer.from([0x20, 0x30]), sha384]))}`)).toBe(true);
    const sha256 = createHash('sha256').update(text, 'utf8').digest();
    expect(digestMatches(components[0]!, `z${encodeBase58btc(Buffer.concat([Buffer.from([0x12, 0x20]), sha256]))}`)).toBe(true);
    for (const bad of ['', 'u', 'x123', `u${sha256.toString('base64url')}`, 'uEi!!', 42, undefined]) {
      expect(digestMatches(components[0]!, bad)).toBe(false);
    }
  });
});

describe('digestLookup: many evidence digests against many components', () => {
  it('finds the first component each digest names, in any supported encoding, and nothing for malformed ones', () => {
    const lookup = digestLookup([undefined, components[1]!, components[0]!, components[1]!]);
    expect(lookup(credentialDigest(components[1]!))).toBe(1);
    expect(lookup(credentialDigest(components[0]!))).toBe(2);
    expect(lookup(credentialDigest(components[2]!))).toBeUndefined();
    const sha512 = createHash('sha512').update(canonicalJson(components[0]!), 'utf8').digest();
    expect(lookup(`z${encodeBase58btc(Buffer.concat([Buffer.from([0x13, 0x40]), sha512]))}`)).toBe(2);
    for (const bad of ['', 'u', 'x123', 'uEi!!', `z${'2'.repeat(5000)}`, 42, undefined]) expect(lookup(bad)).toBeUndefined();
  });
});

describe('awardStack', () => {
  it('issues the stack credential with one evidence entry per component: id, name, digestMultibase', async () => {
    const { credential, progress } = await awardStack(stack, components, awardOptions());
    expect(progress.complete).toBe(true);
    expect(credential['@context']).toContain(STACK_CONTEXT);
    expect(credential.credentialSubject.achievement).toMatchObject({ id: stack.achievement.id, stackRule: stack.achievement.stackRule });
    expect(credential.credentialSubject.creditsEarned).toBe(75);
    const evidence = credential.evidence as unknown as Record<string, unknown>[];
    expect(evidence).toHaveLength(5);
    evidence.forEach((entry, i) => {
      const component = components[i]!;
      expect(entry).toMatchObject({ id: component.id, name: component.name, genre: 'Component credential' });
      const independent = createHash('sha256').update(canonicalJson(component), 'utf8').digest();
      expect(entry.digestMultibase).toBe(`u${Buffer.concat([Buffer.from([0x12, 0x20]), independent]).toString('base64url')}`);
    });
    const report = await verifyCredential(credential, { now: NOW });
    expect(report.verified).toBe(true);
  });

  it('its signature verifies with plain @digitalbazaar/vc, digestMultibase and stackRule included', async () => {
    const { credential } = await awardStack(stack, components, awardOptions());
    expect(await digitalBazaarVerifies(credential)).toBe(true);
    const tampered = structuredClone(credential) as Record<string, any>;
    tampered.credentialSubject.achievement.stackRule.electiveGroup[0].minimumCount = 1;
    expect(await digitalBazaarVerifies(tampered)).toBe(false);
    const otherDigest = structuredClone(credential) as Record<string, any>;
    otherDigest.evidence[0].digestMultibase = credentialDigest(components[1]!);
    expect(await digitalBazaarVerifies(otherDigest)).toBe(false);
  });

  it('refuses while the rule is not met: STACK_INCOMPLETE, saying what is missing', async () => {
    await expect(awardStack(stack, components.slice(0, 4), awardOptions())).rejects.toMatchObject({
      code: 'STACK_INCOMPLETE',
      message: expect.stringMatching(/"Teacher Leader" is not yet earned: 1 more from elective group "Leadership"; credits 60 of 75/),
    });
    const expired = await award(issuers, CORE[0]!, { validUntil: '2026-05-20T00:00:00Z' });
    await expect(awardStack(stack, [expired, ...components.slice(1)], awardOptions())).rejects.toMatchObject({
      message: expect.stringMatching(/required components missing: Wait Time.*1 credential was left out/),
    });
  });
});

describe('verifyStackAward', () => {
  it('accepts the stack credential with the very components it names', async () => {
    const { credential } = await awardStack(stack, components, awardOptions());
    const result = await verifyStackAward(credential, [...components].reverse(), { recipient: TEACHER, now: NOW });
    expect(result.problems).toEqual([]);
    expect(result.verified).toBe(true);
    expect(result.evidence.map((e) => e.component)).toEqual([4, 3, 2, 1, 0]);
    expect(result.progress?.complete).toBe(true);
  });

  it('catches a component that is missing or was changed (EVIDENCE_NOT_SUPPLIED, STACK_INCOMPLETE)', async () => {
    const { credential } = await awardStack(stack, components, awardOptions());
    const changed = { ...components[4]!, name: 'Data Teams (edited)' };
    const result = await verifyStackAward(credential, [...components.slice(0, 4), changed], { recipient: TEACHER, now: NOW });
    expect(result.verified).toBe(false);
    expect(result.problems.map((p) => p.code)).toEqual(['EVIDENCE_NOT_SUPPLIED', 'STACK_INCOMPLETE']);
    expect(result.evidence[4]).toEqual({ index: 4, id: components[4]!.id, digestMultibase: credentialDigest(components[4]!) });
  });

  it('says what the named components lack, not the unearned electives of a group that is met', async () => {
    const { credential } = await awardStack(stack, components, awardOptions());
    const changed = { ...components[0]!, name: 'Wait Time (edited)' };
    const result = await verifyStackAward(credential, [changed, ...components.slice(1)], { recipient: TEACHER, now: NOW });
    const incomplete = result.problems.find((p) => p.code === 'STACK_INCOMPLETE');
    expect(incomplete?.message).toBe(`The components the evidence names do not meet the rule: required components missing: ${CORE[0]!.id}; credits 60 of 75.`);
  });

  it('does not let a different credential for the same component stand in for the one named', async () => {
    const { credential } = await awardStack(stack, components, awardOptions());
    const reissued = await award(issuers, ELECTIVES[1]!);
    const result = await verifyStackAward(credential, [...components.slice(0, 4), reissued], { recipient: TEACHER, now: NOW });
    expect(result.problems.map((p) => p.code)).toContain('EVIDENCE_NOT_SUPPLIED');
  });

  it('verifies a component once however many evidence entries repeat its digest', async () => {
    const { credential } = await awardStack(stack, components, awardOptions());
    const repeated = { ...credential, evidence: Array.from({ length: 600 }, () => (credential.evidence as unknown[])[0]) };
    const result = await verifyStackAward(repeated, components, { recipient: TEACHER, now: NOW });
    expect(result.evidence).toHaveLength(600);
    expect(result.evidence.every((e) => e.component === 0)).toBe(true);
    expect(result.progress?.reports).toHaveLength(1);
    expect(result.problems.map((p) => p.code)).toEqual(['STACK_CREDENTIAL_NOT_VERIFIED', 'STACK_INCOMPLETE']);
  });

  it('refuses more components than options.maxCredentials before reading any of them', async () => {
    const { credential } = await awardStack(stack, components, awardOptions());
    await expect(verifyStackAward(credential, components, { recipient: TEACHER, now: NOW, maxCredentials: 4 })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringMatching(/5 component credentials; at most 4/),
    });
  });

  it('rejects a stack credential for someone else, or one without a rule', async () => {
    const { credential } = await awardStack(stack, components, awardOptions());
    const other = await verifyStackAward(credential, components, { recipient: 'someone.else@lakeside.example.org', now: NOW });
    expect(other.problems.map((p) => p.code)).toContain('RECIPIENT_MISMATCH');
    const plain = await verifyStackAward(components[0]!, components, { recipient: TEACHER, now: NOW });
    expect(plain.problems.map((p) => p.code)).toEqual(['STACK_RULE_INVALID']);
    expect(plain.verified).toBe(false);
  });
});
