/**
 * Two readings the CLR fixtures need, pinned on credentials we make: a declared official schema
 * that wants arrays where JSON-LD single values stand is a warning (a real shape error still
 * fails), and a proof whose verificationMethod is a bare did:key names that DID's one key.
 */
import { describe, expect, it } from 'vitest';
import { OB_EXTENSIONS_CONTEXT, buildCredential, generateKey, signCredential, validateAgainstOfficialSchemaAsJsonLd, verifyCredential } from '../../src/index.js';
import { waitTimeDraft } from '../support/drafts.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const OFFICIAL = 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';

function schemaCheck(report: Awaited<ReturnType<typeof verifyCredential>>) {
  return report.checks.find((c) => c.id === 'schema')!;
}

describe('declared official schemas, read as JSON-LD', () => {
  it('single values where the official schema wants arrays: SCHEMA_SINGLE_VALUE, a warning that names the paths', async () => {
    const key = await generateKey();
    const built = buildCredential(waitTimeDraft(key.controller, { credentialSchema: [{ id: OFFICIAL, type: '1EdTechJsonSchemaValidator2019' }], extraContexts: [OB_EXTENSIONS_CONTEXT] }));
    const single = { ...built, credentialSubject: { ...built.credentialSubject, type: 'AchievementSubject' } } as never;
    const { signDocument } = await import('../../src/proof/index.js');
    const signed = await signDocument(single, { signer: key.signer() });
    const report = await verifyCredential(signed, { now: NOW });
    expect(schemaCheck(report)).toMatchObject({ status: 'warning', code: 'SCHEMA_SINGLE_VALUE' });
    expect(schemaCheck(report).message).toContain('/credentialSubject/type');
    expect(report.verified).toBe(true);
    expect(validateAgainstOfficialSchemaAsJsonLd(signed, OFFICIAL)).toEqual({ problems: [], singleValues: ['/credentialSubject/type'] });
  });

  it('a real shape error is not excused by reading single values as arrays', async () => {
    const key = await generateKey();
    const signed = await signCredential(buildCredential(waitTimeDraft(key.controller, { credentialSchema: [{ id: OFFICIAL, type: '1EdTechJsonSchemaValidator2019' }], extraContexts: [OB_EXTENSIONS_CONTEXT] })), { key });
    const broken = { ...signed, credentialSubject: { ...signed.credentialSubject, type: 'AchievementSubject', achievement: 'not an object' } };
    const result = validateAgainstOfficialSchemaAsJsonLd(broken, OFFICIAL);
    expect(result?.singleValues).toEqual([]);
    expect(result?.problems.map((p) => p.path)).toContain('/credentialSubject/achievement');
    expect(schemaCheck(await verifyCredential(broken, { now: NOW }))).toMatchObject({ status: 'failed', code: 'SCHEMA_INVALID' });
    expect(validateAgainstOfficialSchemaAsJsonLd(signed, 'https://example.org/not-official.json')).toBeUndefined();
  });
});

describe('a bare did:key as verificationMethod', () => {
  it('names the only key of that DID: the proof verifies and the key is bound to a did:key issuer', async () => {
    const key = await generateKey();
    const signer = { id: key.controller, algorithm: 'Ed25519' as const, sign: (bytes: Uint8Array) => key.signer().sign(bytes) };
    const signed = await signCredential(buildCredential(waitTimeDraft(key.controller)), { key: signer });
    expect(signed.proof[0]).toMatchObject({ verificationMethod: key.controller });
    const report = await verifyCredential(signed, { now: NOW });
    expect(report.checks.find((c) => c.id === 'proof')).toMatchObject({ status: 'passed' });
    expect(report.verified).toBe(true);
    // Another DID's key still cannot sign for it.
    const other = await generateKey();
    const forged = { ...signed, proof: [{ ...signed.proof[0], verificationMethod: other.controller }] };
    expect((await verifyCredential(forged, { now: NOW })).checks.find((c) => c.id === 'proof')).toMatchObject({ status: 'failed', code: 'PROOF_INVALID' });
  });
});
