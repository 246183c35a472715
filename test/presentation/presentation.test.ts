/**
 * A teacher presents two credentials (an embedded-proof one and a VC-JWT) to a verifier that
 * issued a challenge for its domain. The holder's proof is checked independently with plain
 * jsonld-signatures; a wrong or missing challenge or domain, a tampered credential, a credential
 * about someone else and a hashed-e-mail subject each get their own code.
 */
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import jsigs from 'jsonld-signatures';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  PRESENTATION_CHECK_IDS,
  VC_V2_CONTEXT,
  buildDidDocument,
  createPresentation,
  formatPresentationReport,
  formatReport,
  didWebDocumentUrl,
  generateKey,
  issueCredential,
  issueCredentialJwt,
  verifyPresentation,
  type CheckCode,
  type CheckStatus,
  type Ed25519KeyPair,
  type JwsKeyPair,
  type PresentationCheckId,
  type PresentationReport,
} from '../../src/index.js';
import { createDocumentLoader } from '../../src/contexts/document-loader.js';
import { createSigningSuite } from '../../src/proof/suites.js';
import { caughtError } from '../keys/caught-error.js';
import { contextsAndDidKeyLoader } from '../support/digitalbazaar-loader.js';
import { waitTimeDraft } from '../support/drafts.js';
import { fetchStub } from '../support/fetch-stub.js';

type Json = Record<string, any>;
const NOW = new Date('2026-06-01T00:00:00Z');
const CHALLENGE = 'c0ffee-7f3a-4e1b';
const DOMAIN = 'licensing.oregon.example';

let district: Ed25519KeyPair;
let state: JwsKeyPair;
let teacher: Ed25519KeyPair;
let json: Json;
let jwt: string;
let vp: Json;

beforeAll(async () => {
  [district, state, teacher] = await Promise.all([generateKey(), generateKey({ algorithm: 'ES256' }), generateKey()]);
  json = (await issueCredential(waitTimeDraft(district.controller, { recipient: { id: teacher.controller } }), { key: district })) as Json;
  jwt = await issueCredentialJwt(waitTimeDraft(state.controller, { recipient: { id: teacher.controller }, achievement: { ...waitTimeDraft('x').achievement, name: 'Questioning' } as never }), { key: state });
  vp = (await createPresentation({ holder: teacher, credentials: [json, jwt], challenge: CHALLENGE, domain: DOMAIN })) as Json;
});

function verify(presentation: unknown, options: Partial<{ challenge: string; domain: string }> = {}): Promise<PresentationReport> {
  return verifyPresentation(presentation as object, { now: NOW, challenge: CHALLENGE, domain: DOMAIN, ...options });
}

type Expected = Partial<Record<PresentationCheckId, CheckStatus | readonly [CheckStatus, CheckCode]>>;
function expectPresentationChecks(report: PresentationReport, overrides: Expected): void {
  const all: Record<PresentationCheckId, CheckStatus | readonly [CheckStatus, CheckCode]> = {
    parse: 'passed', context: 'passed', type: 'passed', proof: 'passed', challenge: 'passed', domain: 'passed', credentials: 'passed', holder: 'passed', ...overrides,
  };
  expect(report.checks.map((c) => [c.id, c.status, c.code ?? null])).toEqual(
    PRESENTATION_CHECK_IDS.map((id) => {
      const want = all[id];
      return typeof want === 'string' ? [id, want, null] : [id, want[0], want[1]];
    }),
  );
}

/** Signs a presentation the way a (possibly careless or malicious) wallet might, bypassing createPresentation's checks. */
async function walletSigned(presentation: Json, holder: Ed25519KeyPair, purpose: object): Promise<Json> {
  return jsigs.sign(structuredClone(presentation), { suite: createSigningSuite('eddsa-rdfc-2022', holder.signer(), undefined), purpose: purpose as never, documentLoader: createDocumentLoader() });
}

describe('createPresentation', () => {
  it('writes a VC 2.0 presentation: holder, the JSON credential as is, the JWT enveloped, one authentication proof with challenge and domain', () => {
    expect(vp['@context']).toEqual([VC_V2_CONTEXT]);
    expect(vp.type).toEqual(['VerifiablePresentation']);
    expect(vp.holder).toBe(teacher.controller);
    expect(vp.verifiableCredential).toEqual([json, { '@context': VC_V2_CONTEXT, id: `data:application/vc+jwt,${jwt}`, type: 'EnvelopedVerifiableCredential' }]);
    expect(vp.proof).toEqual([expect.objectContaining({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'authentication', challenge: CHALLENGE, domain: DOMAIN, verificationMethod: teacher.id })]);
  });

  it('its proof verifies with plain jsonld-signatures and the Digital Bazaar suite (AuthenticationProofPurpose)', async () => {
    const check = (challenge: string) => jsigs.verify(vp, {
      suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
      purpose: new jsigs.purposes.AuthenticationProofPurpose({ challenge, domain: DOMAIN }),
      documentLoader: contextsAndDidKeyLoader,
    });
    expect((await check(CHALLENGE)).verified).toBe(true);
    expect((await check('another')).verified).toBe(false);
  });

  it('refuses: no challenge, no credentials, an unsigned credential, a credential about someone else', async () => {
    expect((await caughtError(() => createPresentation({ holder: teacher, credentials: [json], challenge: '' }))).message).toMatch(/challenge is required/);
    expect((await caughtError(() => createPresentation({ holder: teacher, credentials: [], challenge: CHALLENGE }))).code).toBe('INVALID_ARGUMENT');
    const { proof: _p, ...unsigned } = json;
    expect((await caughtError(() => createPresentation({ holder: teacher, credentials: [unsigned], challenge: CHALLENGE }))).message).toMatch(/has no proof/);
    const other = await generateKey();
    const error = await caughtError(() => createPresentation({ holder: other, credentials: [json, jwt], challenge: CHALLENGE }));
    expect(error.message).toMatch(/credentials\[0\] was issued to did:key:.*HOLDER_MISMATCH/);
    // A VC-JWT's subject is read as the verifier reads it (its vc claim or its payload).
    expect((await caughtError(() => createPresentation({ holder: other, credentials: [jwt], challenge: CHALLENGE }))).message).toMatch(/credentials\[0\] was issued to did:key:.*HOLDER_MISMATCH/);
    expect((await caughtError(() => createPresentation({ holder: teacher, credentials: ['not a credential'], challenge: CHALLENGE }))).code).toBe('INVALID_ARGUMENT');
  });
});

describe('createPresentation signs through signDocument', () => {
  it('a credential with a term no context defines: JSONLD_INVALID naming it (not a bare SIGNING_FAILED)', async () => {
    const odd = { ...json, unexplained: 'not in any context' };
    const error = await caughtError(() => createPresentation({ holder: teacher, credentials: [odd], challenge: CHALLENGE }));
    expect(error.code).toBe('JSONLD_INVALID');
    expect(error.message).toContain('unexplained');
  });

  it('a KMS holder whose signature is not 64 bytes: SIGNING_FAILED', async () => {
    const holder = { id: teacher.id, algorithm: 'Ed25519' as const, sign: async () => new Uint8Array(32) };
    const error = await caughtError(() => createPresentation({ holder, credentials: [json], challenge: CHALLENGE }));
    expect(error.code).toBe('SIGNING_FAILED');
  });
});

describe('verifyPresentation', () => {
  it('verifies the holder, challenge, domain and both credentials (each with its own full report)', async () => {
    const report = await verify(vp);
    expectPresentationChecks(report, {});
    expect(report).toMatchObject({ verified: true, format: 'json', provenHolder: teacher.controller });
    expect(report.credentials.map((c) => [c.format, c.verified, c.provenIssuer])).toEqual([
      ['json', true, district.controller],
      ['jwt', true, state.controller],
    ]);
    expect(report.credentials[1]!.checks.map((c) => c.id)).toContain('issuer-key');
  });

  it('formats as text: the presentation\'s check lines as a credential report writes them, then each credential\'s report', async () => {
    const report = await verify(vp);
    const lines = formatPresentationReport(report).split('\n');
    expect(lines[0]).toBe(`VERIFIED: presentation of 2 credentials by ${teacher.controller}`);
    const check = report.checks.find((c) => c.id === 'challenge')!;
    expect(lines).toContain(`  [ok  ] challenge    ${check.message}`);
    expect(lines).toContain('credential #1 (jwt):');
    expect(lines).toContain(`  ${formatReport(report.credentials[1]!).split('\n')[0]}`);
  });

  it.each([
    ['another request\'s challenge', { challenge: 'stale-challenge' }, { challenge: ['failed', 'CHALLENGE_MISMATCH'] }],
    ['another verifier\'s domain', { domain: 'other.example' }, { domain: ['failed', 'DOMAIN_MISMATCH'] }],
  ] as const)('%s is refused', async (_, options, expected) => {
    const report = await verify(vp, options);
    expectPresentationChecks(report, expected);
    expect(report.verified).toBe(false);
  });

  it('a presentation made without a domain: DOMAIN_MISSING when one is expected, skipped when none is', async () => {
    const undomained = await createPresentation({ holder: teacher, credentials: [json], challenge: CHALLENGE });
    expectPresentationChecks(await verify(undomained), { domain: ['failed', 'DOMAIN_MISSING'] });
    const lax = await verifyPresentation(undomained, { now: NOW, challenge: CHALLENGE });
    expectPresentationChecks(lax, { domain: 'skipped' });
    expect(lax.verified).toBe(true);
  });

  it('a challenge stripped from the proof: CHALLENGE_MISSING, and the signature no longer matches', async () => {
    const stripped = structuredClone(vp);
    delete stripped.proof[0].challenge;
    expectPresentationChecks(await verify(stripped), { proof: ['failed', 'PROOF_INVALID'], challenge: ['failed', 'CHALLENGE_MISSING'], holder: 'skipped' });
  });

  it('a credential edited inside the presentation: the holder\'s proof and the credential both fail', async () => {
    const edited = structuredClone(vp);
    edited.verifiableCredential[0].credentialSubject.creditsEarned = 40;
    const report = await verify(edited);
    expectPresentationChecks(report, { proof: ['failed', 'PROOF_INVALID'], credentials: ['failed', 'EMBEDDED_CREDENTIAL_NOT_VERIFIED'], holder: 'skipped' });
    expect(report.credentials[0]!.checks.find((c) => c.id === 'proof')).toMatchObject({ code: 'PROOF_INVALID' });
  });

  it('a credential about someone else, signed into a presentation by a careless wallet: HOLDER_MISMATCH', async () => {
    const other = await generateKey();
    const presentation = { '@context': [VC_V2_CONTEXT], type: ['VerifiablePresentation'], holder: other.controller, verifiableCredential: [json] };
    const signed = await walletSigned(presentation, other, new jsigs.purposes.AuthenticationProofPurpose({ challenge: CHALLENGE, domain: DOMAIN }));
    const report = await verify(signed);
    expectPresentationChecks(report, { holder: ['failed', 'HOLDER_MISMATCH'] });
    expect(report.verified).toBe(false);
  });

  it('a presentation naming a holder other than its signer: HOLDER_MISMATCH in the proof check', async () => {
    const other = await generateKey();
    const presentation = { '@context': [VC_V2_CONTEXT], type: ['VerifiablePresentation'], holder: teacher.controller, verifiableCredential: [json] };
    const signed = await walletSigned(presentation, other, new jsigs.purposes.AuthenticationProofPurpose({ challenge: CHALLENGE, domain: DOMAIN }));
    const report = await verify(signed);
    expect(report.checks.find((c) => c.id === 'proof')).toMatchObject({ status: 'failed', code: 'HOLDER_MISMATCH' });
    expect(report.provenHolder).toBeUndefined();
  });

  it('a credential whose recipient is a hashed e-mail: HOLDER_NOT_PROVEN, not a pass', async () => {
    const hashed = await issueCredential(waitTimeDraft(district.controller), { key: district });
    const presentation = await createPresentation({ holder: teacher, credentials: [hashed], challenge: CHALLENGE, domain: DOMAIN });
    const report = await verify(presentation);
    expectPresentationChecks(report, { holder: ['indeterminate', 'HOLDER_NOT_PROVEN'] });
    expect(report.verified).toBe(false);
    expect(report.checks.find((c) => c.id === 'holder')!.message).toMatch(/hashed identifier/);
  });

  it('an assertionMethod proof (an issuer\'s, not a holder\'s): PROOF_INVALID', async () => {
    const presentation = { '@context': [VC_V2_CONTEXT], type: ['VerifiablePresentation'], holder: teacher.controller, verifiableCredential: [json] };
    const signed = await walletSigned(presentation, teacher, new jsigs.purposes.AssertionProofPurpose());
    const report = await verify(signed);
    expect(report.checks.find((c) => c.id === 'proof')).toMatchObject({ status: 'failed', code: 'PROOF_INVALID' });
    expect(report.checks.find((c) => c.id === 'challenge')).toMatchObject({ status: 'skipped' });
  });

  it('empty, unsigned, not a presentation, a JWT, garbage: reported with codes, never thrown', async () => {
    const empty = await walletSigned({ '@context': [VC_V2_CONTEXT], type: ['VerifiablePresentation'], holder: teacher.controller, verifiableCredential: [] }, teacher, new jsigs.purposes.AuthenticationProofPurpose({ challenge: CHALLENGE, domain: DOMAIN }));
    expectPresentationChecks(await verify(empty), { credentials: ['failed', 'PRESENTATION_EMPTY'], holder: 'skipped' });
    const { proof: _p, ...unsigned } = vp;
    expectPresentationChecks(await verify(unsigned), { proof: ['failed', 'PROOF_MISSING'], challenge: 'skipped', domain: 'skipped', holder: 'skipped' });
    expect((await verify(json)).checks.find((c) => c.id === 'type')).toMatchObject({ status: 'failed', code: 'TYPE_INVALID' });
    const asJwt = await verify(jwt);
    expect(asJwt.checks[0]).toMatchObject({ status: 'failed', code: 'INPUT_FORMAT_UNSUPPORTED' });
    expect(asJwt.checks.slice(1).every((c) => c.status === 'skipped')).toBe(true);
    expect((await verify('{not json')).checks[0]).toMatchObject({ status: 'failed', code: 'INPUT_NOT_JSON' });
  });

  it('misuse throws: no challenge given', async () => {
    expect((await caughtError(() => verifyPresentation(vp, { now: NOW } as never))).message).toMatch(/options\.challenge is required/);
  });
});

describe('the holder\'s key, resolved and authorized like any published key', () => {
  it('a did:web holder must list the key under authentication (assertionMethod is not enough)', async () => {
    const HOLDER = 'did:web:teacher.example';
    const webTeacher = await generateKey({ controller: HOLDER });
    const credential = await issueCredential(waitTimeDraft(district.controller, { recipient: { id: HOLDER } }), { key: district });
    const presentation = await createPresentation({ holder: webTeacher, credentials: [credential], challenge: CHALLENGE, domain: DOMAIN });
    const document = buildDidDocument({ id: HOLDER, keys: [webTeacher] });
    const proofCheck = async (served: object) => {
      const report = await verifyPresentation(presentation, { now: NOW, challenge: CHALLENGE, domain: DOMAIN, fetch: fetchStub({ [didWebDocumentUrl(HOLDER)]: served }).fetch });
      return report.checks.find((c) => c.id === 'proof');
    };
    expect(await proofCheck(document)).toMatchObject({ status: 'failed', code: 'KEY_NOT_AUTHORIZED', message: expect.stringContaining('not listed under authentication') });
    expect(await proofCheck({ ...document, authentication: [webTeacher.id] })).toMatchObject({ status: 'passed' });
  });

  it('a bare did:key (no fragment) names its one key, which did:key lists under authentication', async () => {
    const presentation = { '@context': [VC_V2_CONTEXT], type: ['VerifiablePresentation'], holder: teacher.controller, verifiableCredential: [json] };
    const bare = { id: teacher.controller, algorithm: 'Ed25519' as const, sign: (data: Uint8Array) => teacher.signer().sign(data) };
    const signed = await jsigs.sign(structuredClone(presentation), {
      suite: createSigningSuite('eddsa-rdfc-2022', bare, undefined),
      purpose: new jsigs.purposes.AuthenticationProofPurpose({ challenge: CHALLENGE, domain: DOMAIN }),
      documentLoader: createDocumentLoader(),
    });
    expect((signed.proof as Json).verificationMethod).toBe(teacher.controller);
    expectPresentationChecks(await verify(signed), {});
  });
});
