/**
 * EXPECTED.md's VC-JWT rows: the spec's eight `*.vc-jwt.jwt` examples and the validator's
 * `simple.jwt` / `velocity.jwt`, pinned check by check. The examples' signatures verify only
 * with a key their issuer publishes (a JWK Set served by the stub); then the `nbf` (and `exp`) they
 * lack is reported as JWT_CLAIM_MISSING: failed by default, a warning with acceptMissingJwtClaims.
 */
import { describe, expect, it } from 'vitest';
import { verifyCredential, type VerificationReport, type VerifyOptions } from '../../src/index.js';
import { NOW, UNPARSED, checkOf, expectChecks, loadObFixtures, type ExpectedChecks } from '../support/expected-fixtures.js';
import { fetchStub } from '../support/fetch-stub.js';
import { decodeJwt, specExampleJwks } from '../support/jwks-fixtures.js';
import { hasSharedSpec } from '../support/shared-spec.js';

const fixtures = loadObFixtures();
const jwks = specExampleJwks(fixtures);
const EXAMPLES = fixtures.filter((f) => f.file.startsWith('examples/') && f.file.endsWith('.jwt')).map((f) => f.file);

function text(file: string): string {
  const found = fixtures.find((f) => f.file === file);
  if (!found) throw new Error(`no fixture ${file}`);
  return found.text;
}

function verify(file: string, served: ReadonlyMap<string, unknown> = jwks, options: VerifyOptions = {}) {
  const stub = fetchStub(served);
  return { stub, report: verifyCredential(text(file), { now: NOW, fetch: stub.fetch, ...options }) };
}

/** What each example's report says besides the proof (EXPECTED.md's other columns). */
const OTHER_CHECKS: Record<string, ExpectedChecks> = {
  'examples/endorsement.vc-jwt.jwt': { schema: ['indeterminate', 'CREDENTIAL_SCHEMA_UNAVAILABLE'], status: ['indeterminate', 'STATUS_UNAVAILABLE'] },
  'examples/ob-complete.vc-jwt.jwt': { status: ['indeterminate', 'STATUS_UNAVAILABLE'], endorsements: ['warning', 'ENDORSEMENT_INVALID'] },
};
const VERIFIED_WHEN_ACCEPTED = EXAMPLES.filter((f) => OTHER_CHECKS[f] === undefined);

function claimRows(report: VerificationReport) {
  return (checkOf(report, 'proof').details as { jwt: { claims: { claim: string; status: string }[] } }).jwt.claims;
}

describe.skipIf(!hasSharedSpec)('EXPECTED.md verdicts for the VC-JWT inputs in ../shared/spec/ob-v3p0', () => {
  it('has the eight spec examples', () => {
    expect(EXAMPLES).toHaveLength(8);
  });

  describe('spec examples, their issuers\' JWK Sets served', () => {
    it.each(EXAMPLES)('%s: signature valid with the published key; the missing nbf fails the proof as JWT_CLAIM_MISSING', async (file) => {
      const { stub, report: pending } = verify(file);
      const report = await pending;
      const { payload } = decodeJwt(text(file));
      expectChecks(report, { proof: ['failed', 'JWT_CLAIM_MISSING'], ...OTHER_CHECKS[file] });
      expect(report.verified).toBe(false);
      expect(report.format).toBe('jwt');
      expect(report.provenIssuer).toBe(payload.iss);
      expect(report.credential).toMatchObject({ id: payload.id, issuer: payload.issuer });
      expect(report.credential).not.toHaveProperty('iss');
      const proof = checkOf(report, 'proof').details as { proofs: { result: string; key: { source: string; url: string } }[] };
      expect(proof.proofs[0]).toMatchObject({ result: 'valid', key: { source: 'jwks', url: new URL('/.well-known/jwks.json', payload.iss).href } });
      const missing = claimRows(report).filter((c) => c.status === 'missing').map((c) => c.claim);
      expect(missing).toEqual(payload.validUntil === undefined ? ['nbf'] : ['nbf', 'exp']);
      expect(claimRows(report).filter((c) => c.status === 'mismatch')).toEqual([]);
      expect(stub.requested).toContain(new URL('/.well-known/jwks.json', payload.iss).href);
    });

    it.each(VERIFIED_WHEN_ACCEPTED)('%s: verified with acceptMissingJwtClaims (proof warning JWT_CLAIM_MISSING)', async (file) => {
      const report = await verify(file, jwks, { acceptMissingJwtClaims: true }).report;
      expectChecks(report, { proof: ['warning', 'JWT_CLAIM_MISSING'] });
      expect(report.verified).toBe(true);
      expect(report.provenance.policy.acceptMissingJwtClaims).toBe(true);
    });

    it('ob-complete and endorsement keep their other findings with acceptMissingJwtClaims', async () => {
      for (const file of Object.keys(OTHER_CHECKS)) {
        const report = await verify(file, jwks, { acceptMissingJwtClaims: true }).report;
        expectChecks(report, { proof: ['warning', 'JWT_CLAIM_MISSING'], ...OTHER_CHECKS[file] });
        expect(report.verified).toBe(false);
      }
    });
  });

  describe('the key in the header proves nothing on its own', () => {
    it.each(EXAMPLES)('%s: no JWK Set published (404): proof VERIFICATION_METHOD_UNRESOLVABLE, no issuer proven', async (file) => {
      const report = await verify(file, new Map()).report;
      expectChecks(report, { proof: ['failed', 'VERIFICATION_METHOD_UNRESOLVABLE'], 'issuer-key': 'skipped', ...OTHER_CHECKS[file] });
      expect(report.provenIssuer).toBeUndefined();
    });

    it('without options.fetch nothing is fetched and the proof is indeterminate', async () => {
      const report = await verifyCredential(text('examples/ob-basic.vc-jwt.jwt'), { now: NOW });
      expectChecks(report, { proof: ['indeterminate', 'VERIFICATION_METHOD_UNRESOLVABLE'], 'issuer-key': 'skipped' });
      expect(report.provenance.fetched).toEqual([]);
    });

    it('a JWK Set that lists other keys: KEY_NOT_CONTROLLED_BY_ISSUER in proof and issuer-key', async () => {
      const url = 'https://example.com/.well-known/jwks.json';
      const others = new Map([[url, jwks.get('https://example.edu/.well-known/jwks.json')!]]);
      const report = await verify('examples/ob-basic.vc-jwt.jwt', others).report;
      expectChecks(report, { proof: ['failed', 'KEY_NOT_CONTROLLED_BY_ISSUER'], 'issuer-key': ['failed', 'KEY_NOT_CONTROLLED_BY_ISSUER'] });
    });
  });

  describe('validator fixtures', () => {
    it('simple.jwt: no kid, no jwk and no JWK Set for example.edu: the key cannot be found; its old context and subject fail too', async () => {
      const report = await verify('validator-fixtures/simple.jwt', new Map()).report;
      expectChecks(report, {
        context: ['failed', 'CONTEXT_UNKNOWN'],
        subject: ['failed', 'ACHIEVEMENT_MISSING'],
        proof: ['failed', 'VERIFICATION_METHOD_UNRESOLVABLE'],
        'issuer-key': 'skipped',
      });
      expect(report.verified).toBe(false);
      // A VC 1.1 JWT: the credential came from the vc claim, and every claim it has matches it.
      expect((checkOf(report, 'proof').details as { jwt: { credentialIn: string } }).jwt.credentialIn).toBe('vc');
      expect(claimRows(report).map((c) => c.status)).toEqual(['match', 'match', 'match', 'match', 'not-applicable']);
    });

    it('simple.jwt against example.edu keys that did not sign it: PROOF_INVALID', async () => {
      const report = await verify('validator-fixtures/simple.jwt').report;
      expect(checkOf(report, 'proof')).toMatchObject({ status: 'failed', code: 'PROOF_INVALID' });
    });

    it('velocity.jwt: its kid is a did:velocity key, never resolved', async () => {
      const { stub, report: pending } = verify('validator-fixtures/velocity.jwt');
      const report = await pending;
      expectChecks(report, {
        context: ['failed', 'CONTEXT_UNKNOWN'],
        schema: ['indeterminate', 'CREDENTIAL_SCHEMA_UNAVAILABLE'],
        proof: ['indeterminate', 'VERIFICATION_METHOD_UNRESOLVABLE'],
        'issuer-key': 'skipped',
        status: ['indeterminate', 'STATUS_TYPE_UNSUPPORTED'],
      });
      expect(checkOf(report, 'proof').message).toMatch(/did:velocity/);
      expect(stub.requested.some((url) => url.includes('velocity'))).toBe(false);
    });
  });

  it('an unparsable token is a parse failure, every other check skipped', async () => {
    const [header] = text('examples/ob-basic.vc-jwt.jwt').split('.');
    const report = await verifyCredential(`${header}.bm90IGpzb24.c2ln`, { now: NOW });
    expectChecks(report, { parse: ['failed', 'INPUT_NOT_JSON'] }, UNPARSED);
    expect(report.format).toBe('jwt');
  });
});
