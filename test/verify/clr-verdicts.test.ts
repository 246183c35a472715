/**
 * Verdicts for the CLR 2.0 inputs of ../shared/spec/clr-v2p0 (see its SOURCES.md), pinned check by
 * check for the CLR and for each credential it embeds. Keys served as EXPECTED.md describes: the
 * document an HTTPS issuer would publish for each verification method.
 */
import { describe, expect, it } from 'vitest';
import reportSchema from '../../schemas/verification-report-v1.schema.json';
import { validateAgainstSchema, verifyCredential, type EmbeddedCredentialReport, type VerificationReport, type VerifyOptions } from '../../src/index.js';
import { CLEAN, NOW, UNPARSED, expectChecks, type ExpectedChecks } from '../support/expected-fixtures.js';
import { fetchStub, issuerKeyDocuments } from '../support/fetch-stub.js';
import { hasSharedSpec, readSharedText } from '../support/shared-spec.js';

const FILES = ['clr-impl-testvector.eddsa.json', 'validator-fixtures/simple.json', 'validator-fixtures/simple_v1.json', 'validator-fixtures/simple-noproof.json'];

function load(file: string): Record<string, any> {
  return JSON.parse(readSharedText('clr-v2p0', ...file.split('/'))) as Record<string, any>;
}

async function verifyFile(file: string, options: VerifyOptions = {}): Promise<VerificationReport> {
  const json = load(file);
  const documents = issuerKeyDocuments([json, ...(json.credentialSubject?.verifiableCredential ?? [])]);
  return verifyCredential(readSharedText('clr-v2p0', ...file.split('/')), { now: NOW, fetch: fetchStub(documents).fetch, ...options });
}

/** An embedded report checked like a top-level one (same check list, same helper). */
function expectEmbedded(report: EmbeddedCredentialReport | undefined, overrides: ExpectedChecks): void {
  expect(report).toBeDefined();
  expectChecks({ ...report!, format: 'json', provenance: undefined as never }, overrides);
}

const CLR_CLEAN: ExpectedChecks = { credentials: 'passed' };

describe.skipIf(!hasSharedSpec)('CLR 2.0 inputs in ../shared/spec/clr-v2p0', () => {
  it('the implementation-guide test vector verifies, outer proof and embedded credential', async () => {
    const report = await verifyFile('clr-impl-testvector.eddsa.json');
    expectChecks(report, CLR_CLEAN);
    expect(report.verified).toBe(true);
    // It declares the (unbundled) official CLR schema: checked against obv3's own CLR schema instead.
    const declared = (report.checks[3]!.details as { credentialSchema: { source?: string; status: string }[] }).credentialSchema;
    expect(declared).toEqual([expect.objectContaining({ source: 'substitute', status: 'passed' })]);
    // Its embedded credential declares the official OB schema but writes `type` as single strings,
    // which JSON-LD (and its signature) read as arrays of one: a warning, not a failure.
    expectEmbedded(report.embeddedCredentials?.[0], { schema: ['warning', 'SCHEMA_SINGLE_VALUE'] });
    expect(report.embeddedCredentials?.[0]?.verified).toBe(true);
    expect(validateAgainstSchema(JSON.parse(JSON.stringify(report)), reportSchema)).toEqual([]);
  });

  it('validator-fixtures/simple.json verifies (CLR from one issuer, badge from another)', async () => {
    const report = await verifyFile('validator-fixtures/simple.json');
    expectChecks(report, CLR_CLEAN);
    expectEmbedded(report.embeddedCredentials?.[0], {});
    expect(report.provenance.fetched.map((f) => f.url)).toEqual(['https://example.edu/issuers/565049', 'https://example.com/issuers/876543']);
  });

  it('validator-fixtures/simple_v1.json: urn:uuid issuers — ISSUER_UNRESOLVABLE for the did:key-signed credentials', async () => {
    const report = await verifyFile('validator-fixtures/simple_v1.json');
    expectChecks(report, {
      context: ['warning', 'VC_1_1'],
      subject: ['warning', 'ASSOCIATION_DANGLING'],
      // The CLR and its first credential name their key as urn:uuid:…#z6Mk…: not a resolvable key.
      proof: ['failed', 'VERIFICATION_METHOD_UNRESOLVABLE'],
      'issuer-key': 'skipped',
      credentials: ['failed', 'EMBEDDED_CREDENTIAL_NOT_VERIFIED'],
    });
    const [first, ...didKeySigned] = report.embeddedCredentials ?? [];
    // Its achievement's endorsement names its key the same unresolvable way: reported, as a warning.
    expectEmbedded(first, {
      context: ['warning', 'VC_1_1'],
      proof: ['failed', 'VERIFICATION_METHOD_UNRESOLVABLE'],
      'issuer-key': 'skipped',
      endorsements: ['warning', 'ENDORSEMENT_INVALID'],
    });
    expect(didKeySigned).toHaveLength(5);
    for (const inner of didKeySigned) {
      expectEmbedded(inner, { context: ['warning', 'VC_1_1'], 'issuer-key': ['indeterminate', 'ISSUER_UNRESOLVABLE'] });
    }
    // Accepting the signer as the issuer makes those five verified; the CLR still is not.
    const lenient = await verifyFile('validator-fixtures/simple_v1.json', { acceptUnresolvableIssuer: true });
    expect(lenient.embeddedCredentials?.map((e) => e.verified)).toEqual([false, true, true, true, true, true]);
    expect(lenient.embeddedCredentials?.[1]?.provenIssuer).toMatch(/^did:key:z6Mks4vZ/);
    expect(lenient.verified).toBe(false);
  });

  it('validator-fixtures/simple-noproof.json: an unknown draft context and no proof', async () => {
    const report = await verifyFile('validator-fixtures/simple-noproof.json');
    expectChecks(report, {
      context: ['failed', 'CONTEXT_UNKNOWN'],
      proof: ['failed', 'PROOF_MISSING'],
      'issuer-key': 'skipped',
      credentials: ['failed', 'EMBEDDED_CREDENTIAL_NOT_VERIFIED'],
    });
    // Its embedded credential names the schema type JsonSchemaValidator2020, undefined in its
    // contexts: safe-mode JSON-LD fails the proof.
    expectEmbedded(report.embeddedCredentials?.[0], { context: ['warning', 'VC_1_1'], proof: ['failed', 'PROOF_INVALID'], 'issuer-key': 'skipped' });
  });

  it('validator-fixtures/simple.jwt: a VC 1.1 CLR as a JWT (vc claim); its draft CLR context is unknown and its key unpublished', async () => {
    const report = await verifyCredential(readSharedText('clr-v2p0', 'validator-fixtures', 'simple.jwt'), { now: NOW, fetch: fetchStub({}).fetch });
    expect(report.format).toBe('jwt');
    expectChecks(report, {
      context: ['failed', 'CONTEXT_UNKNOWN'],
      schema: ['failed', 'SCHEMA_INVALID'],
      proof: ['failed', 'VERIFICATION_METHOD_UNRESOLVABLE'],
      'issuer-key': 'skipped',
      credentials: ['failed', 'EMBEDDED_CREDENTIAL_NOT_VERIFIED'],
    });
    expect(report.credential?.type).toEqual(['VerifiableCredential', 'ClrCredential']);
    expect(report.embeddedCredentials?.length).toBeGreaterThan(0);
  });

  it('every CLR report lists all checks for the CLR and each embedded credential', async () => {
    for (const file of FILES) {
      const report = await verifyFile(file);
      expect(report.checks.map((c) => c.id), file).toEqual(Object.keys(CLEAN));
      for (const inner of report.embeddedCredentials ?? []) expect(inner.checks.map((c) => c.id), file).toEqual(Object.keys(CLEAN));
    }
  });
});
