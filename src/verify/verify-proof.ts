/**
 * Verifies one proof of a credential (or, with purpose `authentication`, a holder's proof of a
 * presentation): classify it, resolve its key (see resolve-verification-method.ts), check that
 * its controller lists it for that purpose, then let the Digital Bazaar suite check the signature
 * over the document with the resolved key served by our loader. Never throws.
 */
import jsigs from 'jsonld-signatures';
import { DATA_INTEGRITY_V1_CONTEXT } from '../contexts/bundled.js';
import { createDocumentLoader } from '../contexts/document-loader.js';
import { isCanonicalizationLimitError } from '../proof/canonicalization-limits.js';
import { verifyProofSignature } from '../proof/fast/verify-signature.js';
import { describeJsonLdError, rootCause } from '../proof/jsonld-error.js';
import { EDDSA_RDFC_2022, LEGACY_EDDSA_2022, createVerifyingSuite } from '../proof/suites.js';
import { asArray, isObject } from './credential-fields.js';
import type { Fetcher } from './fetcher.js';
import type { CheckCode } from './report.js';
import { judgeKeyRetirement } from './key-retirement.js';
import { decodeProofValue } from './proof-value.js';
import { resolveVerificationMethod } from './resolve-verification-method.js';
import type { VerificationRelation } from './resolve/resolved-key.js';

export interface ProofOutcome {
  index: number;
  type?: string;
  cryptosuite?: string;
  verificationMethod?: string;
  /** valid: signature checks out with a key its controller authorizes for assertions. */
  result: 'valid' | 'invalid' | 'unsupported' | 'indeterminate';
  code?: CheckCode;
  message: string;
  /** The key's controller, once the key resolved (even when the signature then failed). */
  controller?: string;
  legacyCryptosuite?: boolean;
}

const SUPPORTED_CRYPTOSUITES = new Set([EDDSA_RDFC_2022, LEGACY_EDDSA_2022]);

export interface ProofVerificationEnvironment {
  fetcher: Fetcher;
  contexts: ReadonlyMap<string, object>;
  /** The instant key retirement (`revoked`, `expires`) is judged at. */
  now: Date;
}

/** How outcomes are worded for each purpose: an issuer's proof on a credential, a holder's on a presentation. */
interface Wording {
  noun: string;
  document: string;
  valid: (key: string, controller: string) => string;
  mismatch: string;
}

const WORDING: Record<VerificationRelation, Wording> = {
  assertionMethod: {
    noun: 'credential',
    document: 'an issued credential',
    valid: (key, controller) => `Signature valid with ${key} (controller ${controller}).`,
    mismatch: 'The signature does not match the credential: it was changed after signing, or signed with another key.',
  },
  authentication: {
    noun: 'presentation',
    document: 'a presentation',
    valid: (key, controller) => `Signed by the holder ${controller} with ${key} (proofPurpose authentication).`,
    mismatch: 'The holder\'s signature does not match the presentation: it was changed after signing (a credential, the challenge or the domain), or signed with another key.',
  },
};

export async function verifyProof(
  credential: Record<string, unknown>,
  proof: unknown,
  index: number,
  { fetcher, contexts, now }: ProofVerificationEnvironment,
  purpose: VerificationRelation = 'assertionMethod',
): Promise<ProofOutcome> {
  const wording = WORDING[purpose];
  if (!isObject(proof)) return { index, result: 'invalid', code: 'PROOF_INVALID', message: 'A proof must be an object.' };
  const type = typeof proof.type === 'string' ? proof.type : undefined;
  const cryptosuite = typeof proof.cryptosuite === 'string' ? proof.cryptosuite : undefined;
  const vmId = typeof proof.verificationMethod === 'string' ? proof.verificationMethod : isObject(proof.verificationMethod) ? String(proof.verificationMethod.id) : undefined;
  const base = { index, type, cryptosuite, verificationMethod: vmId };

  if (type === 'DataIntegrityProof' && !SUPPORTED_CRYPTOSUITES.has(cryptosuite ?? '')) {
    return { ...base, result: 'unsupported', code: 'CRYPTOSUITE_UNSUPPORTED', message: `The cryptosuite "${cryptosuite}" is not supported (supported: eddsa-rdfc-2022).` };
  }
  const legacyContext = asArray(credential['@context']).includes(DATA_INTEGRITY_V1_CONTEXT);
  const suite = createVerifyingSuite(proof, legacyContext);
  if (!suite) {
    return { ...base, result: 'unsupported', code: 'PROOF_TYPE_UNSUPPORTED', message: `The proof type "${type}" is not supported (supported: DataIntegrityProof with eddsa-rdfc-2022, Ed25519Signature2020).` };
  }
  if (proof.proofPurpose !== purpose) {
    return { ...base, result: 'invalid', code: 'PROOF_INVALID', message: `proofPurpose must be "${purpose}" for ${wording.document}; it is ${JSON.stringify(proof.proofPurpose)}.` };
  }
  if (typeof proof.proofValue !== 'string') {
    return { ...base, result: 'invalid', code: 'PROOF_INVALID', message: 'The proof has no proofValue.' };
  }
  const { signature, problem } = decodeProofValue(proof.proofValue);
  if (problem !== undefined) return { ...base, result: 'invalid', code: 'PROOF_INVALID', message: problem };

  const resolved = await resolveVerificationMethod(proof.verificationMethod, fetcher);
  if (!resolved.ok) {
    return { ...base, result: resolved.status === 'failed' ? 'invalid' : 'indeterminate', code: resolved.code, message: resolved.message };
  }
  const { verificationMethod, controller } = resolved;
  const withKey = { ...base, controller, legacyCryptosuite: cryptosuite === LEGACY_EDDSA_2022 };
  if (!resolved.relations[purpose]) {
    return { ...withKey, result: 'invalid', code: 'KEY_NOT_AUTHORIZED', message: `The key ${verificationMethod.id} is not listed under ${purpose} by its controller ${controller}.` };
  }
  const retirement = judgeKeyRetirement(verificationMethod.id, resolved.retirement, proof.created, now);
  if (!retirement.ok) return { ...withKey, result: 'invalid', code: retirement.code, message: retirement.message };

  const loader = createDocumentLoader(new Map([...contexts, [verificationMethod.id, verificationMethod]]));
  const { proof: _allProofs, ...unsigned } = credential;
  try {
    const result = await verifyProofSignature(
      { ...unsigned, proof },
      {
        suite,
        purpose: new jsigs.purposes.ProofPurpose({ term: purpose }),
        documentLoader: loader,
        publicKeyJwk: resolved.jwk,
        signature,
        legacyContext,
      },
    );
    if (result.verified) {
      const note = retirement.note ? ` ${retirement.note}` : '';
      return { ...withKey, result: 'valid', message: `${wording.valid(verificationMethod.id, controller)}${note}` };
    }
    return { ...withKey, ...classifyFailure(firstError(result), wording) };
  } catch (error) {
    return { ...withKey, ...classifyFailure(error, wording) };
  }
}

function firstError(result: { error?: Error | Error[]; results?: { error?: Error | Error[] }[] }): unknown {
  const fromResults = result.results?.map((r) => r.error).find((e) => e !== undefined);
  const error = fromResults ?? result.error;
  return Array.isArray(error) ? error[0] : error;
}

function classifyFailure(error: unknown, wording: Wording): Pick<ProofOutcome, 'result' | 'code' | 'message'> {
  if (isCanonicalizationLimitError(error)) {
    return { result: 'invalid', code: 'INPUT_TOO_COMPLEX', message: `The ${wording.noun} is too complex to canonicalize within the work limit (a crafted graph?); it cannot be verified.` };
  }
  const cause = rootCause(error);
  const message = describeJsonLdError(error);
  if (cause instanceof Error && cause.message === 'Invalid signature.') {
    return { result: 'invalid', code: 'PROOF_INVALID', message: wording.mismatch };
  }
  return { result: 'invalid', code: 'PROOF_INVALID', message: `The proof could not be verified: ${message}` };
}
