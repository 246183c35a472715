/**
 * A signed credential changed after signing is never verified: every edit to signed content fails
 * the proof check with PROOF_INVALID, for both proof formats. A credential signed by a key that is
 * not the issuer's passes the signature but fails the issuer-key binding.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildCredential,
  generateKey,
  issueCredential,
  verifyCredential,
  type Check,
  type Ed25519KeyPair,
  type VerificationReport,
} from '../../src/index.js';
import { signDocument } from '../../src/proof/index.js';
import { waitTimeDraft } from '../support/drafts.js';

type Json = Record<string, any>;

const NOW = new Date('2026-06-01T00:00:00Z');
const CREATED = new Date('2026-05-01T12:00:00Z');
const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

function check(report: VerificationReport, id: Check['id']): Check {
  const found = report.checks.find((c) => c.id === id);
  if (!found) throw new Error(`report has no ${id} check`);
  return found;
}

/** Replaces the base58 character at `index` with a different one (so the value really changes). */
function flipBase58(value: string, index: number): string {
  const current = value[index]!;
  const replacement = BASE58[(BASE58.indexOf(current) + 1) % BASE58.length]!;
  return value.slice(0, index) + replacement + value.slice(index + 1);
}

const tamperings: [string, (c: Json) => void][] = [
  ['the credential name', (c) => { c.name = 'Wait Time (Advanced)'; }],
  ['the achievement name', (c) => { c.credentialSubject.achievement.name = 'Wait Tyme'; }],
  ['the criteria narrative', (c) => { c.credentialSubject.achievement.criteria.narrative = 'Nothing to submit.'; }],
  ['validFrom (another valid past date)', (c) => { c.validFrom = '2026-04-01T12:00:00Z'; }],
  ['the recipient identityHash', (c) => {
    const entry = c.credentialSubject.identifier[0];
    entry.identityHash = entry.identityHash.replace(/.$/, (last: string) => (last === '0' ? '1' : '0'));
  }],
  ['creditsEarned', (c) => { c.credentialSubject.creditsEarned = 30; }],
  ['an evidence URL', (c) => { c.evidence[0].id = 'https://evidence.lakeside.example.org/9999/video'; }],
  ['the issuer name', (c) => { c.issuer.name = 'Lakeside Unified School District (forged)'; }],
  ['one character of proofValue', (c) => { c.proof[0].proofValue = flipBase58(c.proof[0].proofValue, 20); }],
  ['the proof created time', (c) => { c.proof[0].created = '2026-05-02T12:00:00Z'; }],
  ['removing the achievement description', (c) => { delete c.credentialSubject.achievement.description; }],
  ['removing the evidence', (c) => { delete c.evidence; }],
  ['adding a defined property (description)', (c) => { c.description = 'Awarded with distinction.'; }],
  ['adding a defined property inside the subject (narrative)', (c) => { c.credentialSubject.narrative = 'Exceptional.'; }],
  ['the proof purpose', (c) => { c.proof[0].proofPurpose = 'authentication'; }],
];

describe.each([
  ['eddsa-rdfc-2022', 'DataIntegrityProof'],
  ['Ed25519Signature2020', 'Ed25519Signature2020'],
] as const)('a %s credential', (proofFormat, proofType) => {
  let key: Ed25519KeyPair;
  let signed: Json;

  beforeAll(async () => {
    key = await generateKey();
    signed = (await issueCredential(waitTimeDraft(key.controller), { key, proofFormat, created: CREATED })) as Json;
  });

  it('verifies untouched (the baseline the tamperings break)', async () => {
    expect(signed.proof[0].type).toBe(proofType);
    const report = await verifyCredential(structuredClone(signed), { now: NOW });
    expect(report.checks.filter((c) => c.status === 'failed' || c.status === 'indeterminate')).toEqual([]);
    expect(report.verified).toBe(true);
    expect(check(report, 'proof').status).toBe('passed');
  });

  it.each(tamperings)('changed after signing: %s → PROOF_INVALID, not verified', async (_name, tamper) => {
    const copy = structuredClone(signed);
    tamper(copy);
    expect(JSON.stringify(copy)).not.toBe(JSON.stringify(signed));
    const report = await verifyCredential(copy, { now: NOW });
    expect(report.verified).toBe(false);
    const proof = check(report, 'proof');
    expect(proof.status).toBe('failed');
    expect(proof.code).toBe('PROOF_INVALID');
    // The tamperings keep the credential well-formed: only the signature gives them away.
    expect(check(report, 'valid-from').status).toBe('passed');
    expect(check(report, 'parse').status).toBe('passed');
  });

  it('an undefined term (top-level "fooBar") is not silently dropped: the proof fails', async () => {
    // The bundled VC 2.0 and OB 3.0.3 contexts define no @vocab, so "fooBar" expands to nothing;
    // JSON-LD safe mode turns that into an error instead of signing around it.
    const copy = { ...structuredClone(signed), fooBar: 1 };
    const report = await verifyCredential(copy, { now: NOW });
    expect(report.verified).toBe(false);
    expect(check(report, 'proof')).toMatchObject({ status: 'failed', code: 'PROOF_INVALID' });
  });

  it('an undefined term nested in the achievement is not silently dropped either', async () => {
    const copy = structuredClone(signed);
    copy.credentialSubject.achievement.secretLevel = 'gold';
    const report = await verifyCredential(copy, { now: NOW });
    expect(report.verified).toBe(false);
    expect(check(report, 'proof')).toMatchObject({ status: 'failed', code: 'PROOF_INVALID' });
  });

  it('pointing the proof at another did:key fails the signature', async () => {
    const other = await generateKey();
    const copy = structuredClone(signed);
    copy.proof[0].verificationMethod = other.id;
    const report = await verifyCredential(copy, { now: NOW });
    expect(report.verified).toBe(false);
    expect(check(report, 'proof')).toMatchObject({ status: 'failed', code: 'PROOF_INVALID' });
  });
});

describe('an Ed25519Signature2020 credential', () => {
  it('fails when the suite context it added is removed', async () => {
    const key = await generateKey();
    const signed = (await issueCredential(waitTimeDraft(key.controller), { key, proofFormat: 'Ed25519Signature2020', created: CREATED })) as Json;
    const contexts = signed['@context'] as string[];
    expect(contexts.at(-1)).toBe('https://w3id.org/security/suites/ed25519-2020/v1');
    const copy = structuredClone(signed);
    copy['@context'] = contexts.slice(0, -1);
    const report = await verifyCredential(copy, { now: NOW });
    expect(report.verified).toBe(false);
    expect(check(report, 'proof').status).toBe('failed');
  });
});

describe('an impostor: issuer did:key A, signed by key B', () => {
  it('passes the signature check but fails issuer-key with KEY_NOT_CONTROLLED_BY_ISSUER', async () => {
    const victim = await generateKey();
    const attacker = await generateKey();
    const unsigned = buildCredential(waitTimeDraft(victim.controller));
    // signDocument does not ask whose key it is (issueCredential would refuse).
    const forged = await signDocument(unsigned, { signer: attacker.signer(), created: CREATED });
    const report = await verifyCredential(forged, { now: NOW });
    expect(report.verified).toBe(false);
    expect(check(report, 'proof').status).toBe('passed');
    const binding = check(report, 'issuer-key');
    expect(binding.status).toBe('failed');
    expect(binding.code).toBe('KEY_NOT_CONTROLLED_BY_ISSUER');
    expect(binding.details).toEqual({ issuer: victim.controller, controller: attacker.controller });
    expect(report.provenIssuer).toBeUndefined();
  });

  it('is not rescued by acceptUnresolvableIssuer (the issuer is a resolvable DID)', async () => {
    const victim = await generateKey();
    const attacker = await generateKey();
    const forged = await signDocument(buildCredential(waitTimeDraft(victim.controller)), { signer: attacker.signer(), created: CREATED });
    const report = await verifyCredential(forged, { now: NOW, acceptUnresolvableIssuer: true });
    expect(report.verified).toBe(false);
    expect(check(report, 'issuer-key').code).toBe('KEY_NOT_CONTROLLED_BY_ISSUER');
  });

  it('a victim-signed proof copied next to the forged content does not help', async () => {
    const victim = await generateKey();
    const genuine = (await issueCredential(waitTimeDraft(victim.controller), { key: victim, created: CREATED })) as Json;
    const forged = structuredClone(genuine);
    forged.credentialSubject.creditsEarned = 150;
    const report = await verifyCredential(forged, { now: NOW });
    expect(report.verified).toBe(false);
    expect(check(report, 'proof').code).toBe('PROOF_INVALID');
  });
});
