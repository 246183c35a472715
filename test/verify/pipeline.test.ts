/**
 * The verification pipeline end to end: dates and clock skew, several proofs, HTTPS issuers whose
 * keys come through options.fetch (and never from the proof itself), the fetch budget, and the
 * provenance a report records so an agency can file it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import jsigs from 'jsonld-signatures';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import reportSchema from '../../schemas/verification-report-v1.schema.json';
import packageJson from '../../package.json';
import {
  BUNDLED_CONTEXTS,
  OB_CONTEXT,
  VC_V1_CONTEXT,
  VC_V2_CONTEXT,
  buildCredential,
  createDocumentLoader,
  exportKey,
  generateKey,
  issueCredential,
  verifyCredential,
  type Check,
  type Ed25519KeyPair,
  type FetchFunction,
  type ProofOutcome,
  type VerificationReport,
} from '../../src/index.js';
import { signDocument } from '../../src/proof/index.js';
import { waitTimeDraft } from '../support/drafts.js';
import { fetchStub } from '../support/fetch-stub.js';

type Json = Record<string, any>;

const NOW = new Date('2026-06-01T00:00:00Z');
const CREATED = new Date('2026-05-01T12:00:00Z');
const ISSUER = 'https://district.example/issuer';
const EVIL = 'https://evil.example/issuer';

function check(report: VerificationReport, id: Check['id']): Check {
  const found = report.checks.find((c) => c.id === id);
  if (!found) throw new Error(`report has no ${id} check`);
  return found;
}

function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function at(ms: number): Date {
  return new Date(NOW.getTime() + ms);
}

let didKey: Ed25519KeyPair;
let signed: Json;

beforeAll(async () => {
  didKey = await generateKey();
  signed = (await issueCredential(waitTimeDraft(didKey.controller), { key: didKey, created: CREATED })) as Json;
});

describe('valid-from and valid-until', () => {
  it('validFrom after now → NOT_YET_VALID (the signature itself is fine)', async () => {
    const credential = await issueCredential(waitTimeDraft(didKey.controller, { validFrom: '2026-07-01T00:00:00Z' }), { key: didKey, created: CREATED });
    const report = await verifyCredential(credential, { now: NOW });
    expect(report.verified).toBe(false);
    expect(check(report, 'proof').status).toBe('passed');
    expect(check(report, 'valid-from')).toMatchObject({ status: 'failed', code: 'NOT_YET_VALID' });
    const later = await verifyCredential(credential, { now: new Date('2026-07-01T00:00:00Z') });
    expect(check(later, 'valid-from').status).toBe('passed');
    expect(later.verified).toBe(true);
  });

  it('clockSkewSeconds tolerates a validFrom just ahead of now, and no more', async () => {
    const credential = await issueCredential(waitTimeDraft(didKey.controller, { validFrom: at(30_000).toISOString() }), { key: didKey, created: CREATED });
    const judged = async (clockSkewSeconds: number) => check(await verifyCredential(credential, { now: NOW, clockSkewSeconds }), 'valid-from');
    expect((await judged(0)).code).toBe('NOT_YET_VALID');
    expect((await judged(29)).code).toBe('NOT_YET_VALID');
    expect((await judged(30)).status).toBe('passed');
    expect((await judged(300)).status).toBe('passed');
  });

  it('validUntil before now → EXPIRED; clockSkewSeconds tolerates a recent expiry', async () => {
    const credential = await issueCredential(waitTimeDraft(didKey.controller, { validUntil: at(-30_000).toISOString() }), { key: didKey, created: CREATED });
    const report = await verifyCredential(credential, { now: NOW });
    expect(report.verified).toBe(false);
    expect(check(report, 'proof').status).toBe('passed');
    expect(check(report, 'valid-until')).toMatchObject({ status: 'failed', code: 'EXPIRED' });
    expect(check(await verifyCredential(credential, { now: NOW, clockSkewSeconds: 29 }), 'valid-until').code).toBe('EXPIRED');
    const tolerated = await verifyCredential(credential, { now: NOW, clockSkewSeconds: 30 });
    expect(check(tolerated, 'valid-until').status).toBe('passed');
    expect(tolerated.verified).toBe(true);
  });

  it('validUntil after now passes', async () => {
    const credential = await issueCredential(waitTimeDraft(didKey.controller, { validUntil: '2027-05-01T00:00:00Z' }), { key: didKey, created: CREATED });
    const report = await verifyCredential(credential, { now: NOW });
    expect(check(report, 'valid-until').status).toBe('passed');
    expect(report.verified).toBe(true);
  });

  it.each([
    ['validFrom', 'May 1st, 2026'],
    ['validFrom', '2026-05-01T12:00:00'], // no time zone: ambiguous instant
    ['validFrom', '2026-13-45T12:00:00Z'],
    ['validUntil', 'never'],
  ])('a malformed %s (%s), correctly signed → DATE_INVALID', async (property, value) => {
    const unsigned: Json = { ...buildCredential(waitTimeDraft(didKey.controller)), [property]: value };
    const credential = await signDocument(unsigned, { signer: didKey.signer(), created: CREATED });
    const report = await verifyCredential(credential, { now: NOW });
    expect(report.verified).toBe(false);
    expect(check(report, 'proof').status).toBe('passed');
    expect(check(report, property === 'validFrom' ? 'valid-from' : 'valid-until')).toMatchObject({ status: 'failed', code: 'DATE_INVALID' });
  });

  describe('a VC 1.1 credential (issuanceDate, credentials/v1 context)', () => {
    async function vc11(extra: Json = {}, proofFormat: 'eddsa-rdfc-2022' | 'Ed25519Signature2020' = 'Ed25519Signature2020'): Promise<Json> {
      const { validFrom, ...rest } = buildCredential(waitTimeDraft(didKey.controller)) as Json;
      const unsigned = { ...rest, '@context': [VC_V1_CONTEXT, OB_CONTEXT], issuanceDate: validFrom, ...extra };
      return signDocument(unsigned, { signer: didKey.signer(), proofFormat, created: CREATED });
    }

    it.each(['Ed25519Signature2020', 'eddsa-rdfc-2022'] as const)('signed with %s: verified, with a VC_1_1 warning, judged on issuanceDate', async (format) => {
      const credential = await vc11({}, format);
      expect(credential.validFrom).toBeUndefined();
      const report = await verifyCredential(credential, { now: NOW });
      expect(check(report, 'context')).toMatchObject({ status: 'warning', code: 'VC_1_1' });
      expect(check(report, 'valid-from')).toMatchObject({ status: 'passed', details: { issuanceDate: credential.issuanceDate } });
      expect(check(report, 'proof').status).toBe('passed');
      expect(report.verified).toBe(true);
    });

    it('issuanceDate in the future → NOT_YET_VALID; expirationDate in the past → EXPIRED', async () => {
      const future = await verifyCredential(await vc11({ issuanceDate: '2026-07-01T00:00:00Z' }), { now: NOW });
      expect(check(future, 'valid-from').code).toBe('NOT_YET_VALID');
      const expired = await verifyCredential(await vc11({ expirationDate: '2026-05-15T00:00:00Z' }), { now: NOW });
      expect(check(expired, 'valid-until').code).toBe('EXPIRED');
      expect(expired.verified).toBe(false);
    });
  });
});

describe('several proofs', () => {
  const unknownProof = {
    type: 'UnknownProof2099',
    created: '2026-05-01T12:00:00Z',
    verificationMethod: 'https://elsewhere.example/keys#1',
    proofPurpose: 'assertionMethod',
    proofValue: 'z3FXQjecWufY46yg5abdVZsXqLhxhueuSoZgNSARiKBk9czhSePTFehP8c3PGfb6a22gkfUKKiiQfHQ6aUsJdpUhB',
  };

  function proofsOf(report: VerificationReport): ProofOutcome[] {
    return (check(report, 'proof').details as { proofs: ProofOutcome[] }).proofs;
  }

  it('one valid proof and one of an unknown type → verified; both proofs are reported', async () => {
    for (const proof of [[...signed.proof, unknownProof], [unknownProof, ...signed.proof]]) {
      const report = await verifyCredential({ ...signed, proof }, { now: NOW });
      expect(report.verified).toBe(true);
      expect(check(report, 'proof').status).toBe('passed');
      const outcomes = proofsOf(report);
      expect(outcomes).toHaveLength(2);
      expect(outcomes.map((o) => [o.type, o.result]).sort()).toEqual([
        ['DataIntegrityProof', 'valid'],
        ['UnknownProof2099', 'unsupported'],
      ]);
      expect(outcomes.find((o) => o.type === 'UnknownProof2099')?.code).toBe('PROOF_TYPE_UNSUPPORTED');
    }
  });

  it('two proofs, both invalid → the proof check fails', async () => {
    const broken = { ...signed.proof[0], proofValue: `${signed.proof[0].proofValue.slice(0, -2)}11` };
    const other = { ...signed.proof[0], created: '2026-05-02T12:00:00Z' };
    const report = await verifyCredential({ ...signed, proof: [broken, other] }, { now: NOW });
    expect(report.verified).toBe(false);
    expect(check(report, 'proof')).toMatchObject({ status: 'failed', code: 'PROOF_INVALID' });
    expect(proofsOf(report).map((o) => o.result)).toEqual(['invalid', 'invalid']);
  });

  it('an invalid proof and one whose key needs the network (none given) → indeterminate: the unchecked one may be the valid one', async () => {
    const broken = { ...signed.proof[0], created: '2026-05-02T12:00:00Z' };
    const remote = { ...signed.proof[0], verificationMethod: 'https://elsewhere.example/keys#1' };
    for (const proof of [[broken, remote], [remote, broken]]) {
      const report = await verifyCredential({ ...signed, proof }, { now: NOW });
      expect(check(report, 'proof')).toMatchObject({ status: 'indeterminate', code: 'VERIFICATION_METHOD_UNRESOLVABLE' });
      expect(proofsOf(report).map((o) => o.result).sort()).toEqual(['indeterminate', 'invalid']);
    }
  });

  it('an invalid proof and an unknown one → failed, PROOF_INVALID', async () => {
    const broken = { ...signed.proof[0], created: '2026-05-02T12:00:00Z' };
    const report = await verifyCredential({ ...signed, proof: [unknownProof, broken] }, { now: NOW });
    expect(report.verified).toBe(false);
    expect(check(report, 'proof')).toMatchObject({ status: 'failed', code: 'PROOF_INVALID' });
  });

  it('only an unknown proof type → PROOF_TYPE_UNSUPPORTED', async () => {
    const report = await verifyCredential({ ...signed, proof: [unknownProof] }, { now: NOW });
    expect(report.verified).toBe(false);
    expect(check(report, 'proof')).toMatchObject({ status: 'failed', code: 'PROOF_TYPE_UNSUPPORTED' });
  });

  it('a DataIntegrityProof with cryptosuite ecdsa-sd-2023 → CRYPTOSUITE_UNSUPPORTED', async () => {
    const report = await verifyCredential({ ...signed, proof: [{ ...signed.proof[0], cryptosuite: 'ecdsa-sd-2023' }] }, { now: NOW });
    expect(report.verified).toBe(false);
    expect(check(report, 'proof')).toMatchObject({ status: 'failed', code: 'CRYPTOSUITE_UNSUPPORTED' });
  });

  it('no proof at all → PROOF_MISSING', async () => {
    const { proof: _proof, ...unsigned } = signed;
    const report = await verifyCredential(unsigned, { now: NOW });
    expect(report.verified).toBe(false);
    expect(check(report, 'proof')).toMatchObject({ status: 'failed', code: 'PROOF_MISSING' });
  });
});

describe('an HTTPS issuer whose key document comes through options.fetch', () => {
  let key: Ed25519KeyPair;
  let credential: Json;
  let document: Json;

  beforeAll(async () => {
    key = await generateKey({ controller: ISSUER });
    credential = (await issueCredential(waitTimeDraft(ISSUER), { key, created: CREATED })) as Json;
    document = { id: ISSUER, verificationMethod: [exportKey(key)], assertionMethod: [key.id] };
  });

  it('verified, and the fetched document is recorded in the provenance', async () => {
    expect(credential.proof[0].verificationMethod).toBe(key.id);
    const stub = fetchStub({ [ISSUER]: document });
    const before = Date.now();
    const report = await verifyCredential(credential, { now: NOW, fetch: stub.fetch });
    expect(report.checks.filter((c) => c.status === 'failed' || c.status === 'indeterminate')).toEqual([]);
    expect(report.verified).toBe(true);
    expect(report.provenIssuer).toBe(ISSUER);
    expect(stub.requested).toEqual([ISSUER]);
    expect(report.provenance.fetched).toHaveLength(1);
    const [fetched] = report.provenance.fetched;
    expect(fetched).toMatchObject({ url: ISSUER, status: 200, sha256: sha256Hex(JSON.stringify(document)) });
    expect(fetched?.error).toBeUndefined();
    // fetchedAt is the real clock, not options.now.
    expect(Date.parse(fetched!.fetchedAt)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('a JWK form of the same key in the document also verifies', async () => {
    const jwkDocument = {
      id: ISSUER,
      verificationMethod: [{ id: key.id, type: 'JsonWebKey', controller: ISSUER, publicKeyJwk: exportKey(key, { format: 'jwk' }) }],
      assertionMethod: [key.id],
    };
    const report = await verifyCredential(credential, { now: NOW, fetch: fetchStub({ [ISSUER]: jwkDocument }).fetch });
    expect(report.verified).toBe(true);
  });

  it('without options.fetch nothing is fetched and the proof is indeterminate', async () => {
    const report = await verifyCredential(credential, { now: NOW });
    expect(report.verified).toBe(false);
    expect(check(report, 'proof')).toMatchObject({ status: 'indeterminate', code: 'VERIFICATION_METHOD_UNRESOLVABLE' });
    expect(report.provenance.fetched).toEqual([]);
  });

  it('the document does not list the key under assertionMethod → KEY_NOT_AUTHORIZED', async () => {
    const { assertionMethod: _a, ...withoutAssertion } = document;
    const report = await verifyCredential(credential, { now: NOW, fetch: fetchStub({ [ISSUER]: withoutAssertion }).fetch });
    expect(report.verified).toBe(false);
    expect(check(report, 'proof')).toMatchObject({ status: 'failed', code: 'KEY_NOT_AUTHORIZED' });
  });

  it('the key is listed only under authentication → KEY_NOT_AUTHORIZED', async () => {
    const report = await verifyCredential(credential, {
      now: NOW,
      fetch: fetchStub({ [ISSUER]: { ...document, assertionMethod: [], authentication: [key.id] } }).fetch,
    });
    expect(check(report, 'proof')).toMatchObject({ status: 'failed', code: 'KEY_NOT_AUTHORIZED' });
  });

  it('a document whose id is not its URL → VERIFICATION_METHOD_INVALID', async () => {
    const report = await verifyCredential(credential, {
      now: NOW,
      fetch: fetchStub({ [ISSUER]: { ...document, id: 'https://district.example/someone-else' } }).fetch,
    });
    expect(report.verified).toBe(false);
    expect(check(report, 'proof')).toMatchObject({ status: 'failed', code: 'VERIFICATION_METHOD_INVALID' });
  });

  it('the document is missing (404) → proof failed, VERIFICATION_METHOD_UNRESOLVABLE', async () => {
    const stub = fetchStub({});
    const report = await verifyCredential(credential, { now: NOW, fetch: stub.fetch });
    expect(report.verified).toBe(false);
    expect(check(report, 'proof')).toMatchObject({ status: 'failed', code: 'VERIFICATION_METHOD_UNRESOLVABLE' });
    expect(stub.requested).toEqual([ISSUER]);
    expect(report.provenance.fetched).toMatchObject([{ url: ISSUER, status: 404 }]);
  });

  it('the network is down (fetch throws) → indeterminate, and the failure is recorded', async () => {
    const down: FetchFunction = async () => {
      throw new TypeError('fetch failed: getaddrinfo ENOTFOUND district.example');
    };
    const report = await verifyCredential(credential, { now: NOW, fetch: down });
    expect(report.verified).toBe(false);
    expect(check(report, 'proof')).toMatchObject({ status: 'indeterminate', code: 'VERIFICATION_METHOD_UNRESOLVABLE' });
    expect(report.provenance.fetched).toHaveLength(1);
    expect(report.provenance.fetched[0]?.error).toMatch(/ENOTFOUND/);
  });

  it('the server errs (HTTP 503) → indeterminate', async () => {
    const unavailable: FetchFunction = async () => new Response('busy', { status: 503 });
    const report = await verifyCredential(credential, { now: NOW, fetch: unavailable });
    expect(check(report, 'proof')).toMatchObject({ status: 'indeterminate', code: 'VERIFICATION_METHOD_UNRESOLVABLE' });
  });

  it('a document larger than maxFetchBytes is not read → indeterminate', async () => {
    const report = await verifyCredential(credential, { now: NOW, fetch: fetchStub({ [ISSUER]: document }).fetch, maxFetchBytes: 64 });
    expect(report.verified).toBe(false);
    expect(check(report, 'proof').status).toBe('indeterminate');
  });

  it('the district document says the key is controlled by another party → issuer-key fails', async () => {
    const hijacked = { ...document, verificationMethod: [{ ...exportKey(key), controller: EVIL }] };
    const evilDocument = { id: EVIL, assertionMethod: [key.id] };
    const report = await verifyCredential(credential, { now: NOW, fetch: fetchStub({ [ISSUER]: hijacked, [EVIL]: evilDocument }).fetch });
    expect(report.verified).toBe(false);
    expect(check(report, 'proof').status).toBe('passed');
    expect(check(report, 'issuer-key')).toMatchObject({ status: 'failed', code: 'KEY_NOT_CONTROLLED_BY_ISSUER' });
    expect(report.provenIssuer).toBeUndefined();
  });

  it('maxFetches 0 with a fetch given → nothing is fetched, the proof is indeterminate', async () => {
    const stub = fetchStub({ [ISSUER]: document });
    const report = await verifyCredential(credential, { now: NOW, fetch: stub.fetch, maxFetches: 0 });
    expect(report.verified).toBe(false);
    expect(check(report, 'proof')).toMatchObject({ status: 'indeterminate', code: 'VERIFICATION_METHOD_UNRESOLVABLE' });
    expect(stub.requested).toEqual([]);
    expect(report.provenance.fetched).toEqual([]);
  });

  it('a key embedded in the proof is never used, even when the signature matches it', async () => {
    const attacker = await generateKey();
    // The attacker signs forged content; the proof names the victim's key id but carries the
    // attacker's public key inline.
    const suite = new DataIntegrityProof({
      signer: { id: key.id, algorithm: 'Ed25519', sign: ({ data }) => attacker.signer().sign(data) },
      cryptosuite,
    });
    (suite as unknown as { verificationMethod: object }).verificationMethod = {
      '@context': 'https://w3id.org/security/multikey/v1',
      id: key.id,
      type: 'Multikey',
      controller: ISSUER,
      publicKeyMultibase: attacker.publicKeyMultibase,
    };
    const unsigned = buildCredential(waitTimeDraft(ISSUER, { creditsEarned: 150 }));
    const forged = (await jsigs.sign(structuredClone(unsigned), {
      suite,
      purpose: new jsigs.purposes.AssertionProofPurpose(),
      documentLoader: createDocumentLoader(),
    })) as Json;
    expect(forged.proof.verificationMethod.publicKeyMultibase).toBe(attacker.publicKeyMultibase);

    const report = await verifyCredential(forged, { now: NOW, fetch: fetchStub({ [ISSUER]: document }).fetch });
    expect(report.verified).toBe(false);
    expect(check(report, 'proof')).toMatchObject({ status: 'failed', code: 'PROOF_INVALID' });

    // Control: the signature is good for the attacker's key, so only the key's source stopped it.
    const attackerListed = { ...document, verificationMethod: [{ ...exportKey(attacker), id: key.id, controller: ISSUER }] };
    const control = await verifyCredential(forged, { now: NOW, fetch: fetchStub({ [ISSUER]: attackerListed }).fetch });
    expect(check(control, 'proof').status).toBe('passed');
  });

  // CID 1.0 retirement marks. `revoked` (compromise): from that time on no proof made with the key
  // verifies, whatever `created` it claims. `expires` (planned rotation): proofs created before it
  // still verify, later ones do not.
  describe.each(['eddsa-rdfc-2022', 'Ed25519Signature2020'] as const)('a key its controller retired (%s)', (proofFormat) => {
    let retiring: Ed25519KeyPair;
    let retiredCredential: Json;
    let lateCredential: Json;

    beforeAll(async () => {
      retiring = await generateKey({ controller: ISSUER });
      retiredCredential = (await issueCredential(waitTimeDraft(ISSUER), { key: retiring, proofFormat, created: CREATED })) as Json;
      lateCredential = (await issueCredential(waitTimeDraft(ISSUER), { key: retiring, proofFormat, created: new Date('2026-05-20T00:00:00Z') })) as Json;
    });

    const listing = (extra: Json) => ({ id: ISSUER, verificationMethod: [{ ...exportKey(retiring), ...extra }], assertionMethod: [retiring.id] });
    const verifyWith = (credential: Json, extra: Json) => verifyCredential(credential, { now: NOW, fetch: fetchStub({ [ISSUER]: listing(extra) }).fetch });

    it('the baseline (no retirement marker) verifies', async () => {
      expect((await verifyWith(retiredCredential, {})).verified).toBe(true);
    });

    it('revoked before now → KEY_REVOKED, even for a proof created before the revocation', async () => {
      const report = await verifyWith(retiredCredential, { revoked: '2026-05-15T00:00:00Z' });
      expect(report.verified).toBe(false);
      expect(check(report, 'proof')).toMatchObject({ status: 'failed', code: 'KEY_REVOKED' });
    });

    it('revoked only after now → still verifies', async () => {
      expect((await verifyWith(retiredCredential, { revoked: '2026-07-01T00:00:00Z' })).verified).toBe(true);
    });

    it('expired before now, proof created before the expiry → verifies, and says so', async () => {
      const report = await verifyWith(retiredCredential, { expires: '2026-05-15T00:00:00Z' });
      expect(report.verified).toBe(true);
      expect(check(report, 'proof').message).toContain('retired at 2026-05-15T00:00:00Z');
    });

    it('expired before now, proof created after the expiry → KEY_EXPIRED', async () => {
      const report = await verifyWith(lateCredential, { expires: '2026-05-15T00:00:00Z' });
      expect(report.verified).toBe(false);
      expect(check(report, 'proof')).toMatchObject({ status: 'failed', code: 'KEY_EXPIRED' });
    });

    it('an unreadable retirement time → VERIFICATION_METHOD_INVALID', async () => {
      const report = await verifyWith(retiredCredential, { revoked: 'last tuesday' });
      expect(check(report, 'proof')).toMatchObject({ status: 'failed', code: 'VERIFICATION_METHOD_INVALID' });
    });
  });

  it('a key URL that is not HTTPS is refused without fetching', async () => {
    const stub = fetchStub({});
    const copy = structuredClone(credential);
    copy.proof[0].verificationMethod = key.id.replace('https://', 'http://');
    const report = await verifyCredential(copy, { now: NOW, fetch: stub.fetch });
    expect(check(report, 'proof')).toMatchObject({ status: 'failed', code: 'VERIFICATION_METHOD_UNRESOLVABLE' });
    expect(stub.requested).toEqual([]);
  });
});

describe('provenance', () => {
  it('inputSha256 is the SHA-256 of the JSON text given', async () => {
    const text = JSON.stringify(signed, null, 2);
    const report = await verifyCredential(text, { now: NOW });
    expect(report.verified).toBe(true);
    expect(report.provenance.inputSha256).toBe(sha256Hex(text));
    const bytes = new TextEncoder().encode(text);
    expect((await verifyCredential(bytes, { now: NOW })).provenance.inputSha256).toBe(sha256Hex(bytes));
    expect((await verifyCredential(signed, { now: NOW })).provenance.inputSha256).toBe(sha256Hex(JSON.stringify(signed)));
  });

  it('records now, the policy with defaults filled in, the library and the real verification time', async () => {
    const before = Date.now();
    const report = await verifyCredential(signed, { now: NOW });
    expect(report.provenance.now).toBe(NOW.toISOString());
    expect(report.provenance.policy).toEqual({ acceptUnresolvableIssuer: false, acceptUnavailableStatus: false, acceptStatusListFromOtherIssuer: false, clockSkewSeconds: 0, requireValidEndorsements: false, acceptMissingJwtClaims: false });
    expect(report.provenance.library).toEqual({ name: 'obv3', version: packageJson.version });
    expect(Date.parse(report.provenance.verifiedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(report.provenance.verifiedAt).not.toBe(NOW.toISOString());
    const custom = await verifyCredential(signed, { now: NOW, acceptUnavailableStatus: true, clockSkewSeconds: 120 });
    expect(custom.provenance.policy).toEqual({ acceptUnresolvableIssuer: false, acceptUnavailableStatus: true, acceptStatusListFromOtherIssuer: false, clockSkewSeconds: 120, requireValidEndorsements: false, acceptMissingJwtClaims: false });
  });

  it('lists every bundled context with the SHA-256 of the exact bytes served', async () => {
    const report = await verifyCredential(signed, { now: NOW });
    const listed = new Map(report.provenance.contexts.map((c) => [c.url, c.sha256]));
    expect(listed.has(VC_V2_CONTEXT)).toBe(true);
    expect(listed.has(OB_CONTEXT)).toBe(true);
    for (const context of BUNDLED_CONTEXTS) {
      const bytes = readFileSync(new URL(`../../src/contexts/files/${context.file}`, import.meta.url));
      expect(listed.get(context.url), context.url).toBe(sha256Hex(bytes));
    }
  });

  it('an extra context given through options is listed too', async () => {
    const extra = { '@context': { level: 'https://district.example/vocab#level' } };
    const report = await verifyCredential(signed, { now: NOW, contexts: { 'https://district.example/ctx.json': extra } });
    expect(report.provenance.contexts).toContainEqual({ url: 'https://district.example/ctx.json', sha256: sha256Hex(JSON.stringify(extra)) });
  });
});

describe('the report validates against schemas/verification-report-v1.schema.json', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(reportSchema);

  function expectValid(report: VerificationReport): void {
    const filed = JSON.parse(JSON.stringify(report)) as unknown;
    const ok = validate(filed);
    expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
    expect(ok).toBe(true);
  }

  it('a verified report', async () => {
    const report = await verifyCredential(signed, { now: NOW });
    expect(report.verified).toBe(true);
    expectValid(report);
  });

  it('a failed report (tampered credential)', async () => {
    const report = await verifyCredential({ ...signed, name: 'Forged' }, { now: NOW });
    expect(report.verified).toBe(false);
    expectValid(report);
  });

  it('a report for input that did not parse', async () => {
    const report = await verifyCredential('{"oops"', { now: NOW });
    expect(check(report, 'parse').status).toBe('failed');
    expectValid(report);
  });

  it('reports with fetched documents, successful and failed', async () => {
    const key = await generateKey({ controller: ISSUER });
    const credential = await issueCredential(waitTimeDraft(ISSUER), { key, created: CREATED });
    const document = { id: ISSUER, verificationMethod: [exportKey(key)], assertionMethod: [key.id] };
    const good = await verifyCredential(credential, { now: NOW, fetch: fetchStub({ [ISSUER]: document }).fetch });
    expect(good.verified).toBe(true);
    expectValid(good);
    const down = await verifyCredential(credential, { now: NOW, fetch: async () => { throw new Error('network down'); } });
    expect(down.provenance.fetched[0]?.error).toBeDefined();
    expectValid(down);
  });
});
