/**
 * The holder's proof on a presentation: an eddsa-rdfc-2022 (or Ed25519Signature2020) proof with
 * proofPurpose `authentication`, by a key its controller lists under `authentication`, resolved
 * like any published key (never taken from the proof). Challenge and domain are judged by their
 * own checks; the signature covers them. Never throws.
 */
import jsigs from 'jsonld-signatures';
import { DATA_INTEGRITY_V1_CONTEXT } from '../../contexts/bundled.js';
import { createDocumentLoader } from '../../contexts/document-loader.js';
import { isCanonicalizationLimitError } from '../../proof/canonicalization-limits.js';
import { describeJsonLdError, rootCause } from '../../proof/jsonld-error.js';
import { createVerifyingSuite } from '../../proof/suites.js';
import { asArray, isObject } from '../../verify/credential-fields.js';
import type { Fetcher } from '../../verify/fetcher.js';
import { judgeKeyRetirement } from '../../verify/key-retirement.js';
import { MAX_PROOFS } from '../../verify/limits.js';
import { decodeProofValue } from '../../verify/proof-value.js';
import type { CheckCode } from '../../verify/report.js';
import { resolveVerificationMethod } from '../../verify/resolve-verification-method.js';
import { loadDocument } from '../../verify/resolve/controller-documents.js';
import { absolute } from '../../verify/resolve/json.js';

export interface HolderProofOutcome {
  result: 'valid' | 'invalid' | 'indeterminate';
  code?: CheckCode;
  message: string;
  verificationMethod?: string;
  /** The key's controller: the proven holder when the result is valid. */
  controller?: string;
  /** The authentication proof examined (challenge and domain are read from it). */
  proof?: Record<string, unknown>;
}

export async function verifyHolderProof(
  presentation: Record<string, unknown>,
  { fetcher, contexts, now }: { fetcher: Fetcher; contexts: ReadonlyMap<string, object>; now: Date },
): Promise<HolderProofOutcome> {
  const proofs = asArray(presentation.proof);
  if (proofs.length === 0) return { result: 'invalid', code: 'PROOF_MISSING', message: 'The presentation has no proof: nothing shows the holder made it.' };
  if (proofs.length > MAX_PROOFS) return { result: 'invalid', code: 'PROOF_INVALID', message: `The presentation carries ${proofs.length} proofs; at most ${MAX_PROOFS} are examined.` };
  const proof = proofs.find((p): p is Record<string, unknown> => isObject(p) && p.proofPurpose === 'authentication');
  if (!proof) {
    return { result: 'invalid', code: 'PROOF_INVALID', message: 'The presentation has no proof with proofPurpose "authentication": a holder authenticates a presentation (assertionMethod is how issuers sign credentials).' };
  }
  const vmId = typeof proof.verificationMethod === 'string' ? proof.verificationMethod : undefined;
  const base = { proof, ...(vmId ? { verificationMethod: vmId } : {}) };
  const suite = createVerifyingSuite(proof, asArray(presentation['@context']).includes(DATA_INTEGRITY_V1_CONTEXT));
  if (!suite) {
    const code: CheckCode = proof.type === 'DataIntegrityProof' ? 'CRYPTOSUITE_UNSUPPORTED' : 'PROOF_TYPE_UNSUPPORTED';
    return { ...base, result: 'invalid', code, message: `The holder's proof is ${JSON.stringify(proof.type)}${proof.cryptosuite ? ` / ${JSON.stringify(proof.cryptosuite)}` : ''}; supported: DataIntegrityProof with eddsa-rdfc-2022, Ed25519Signature2020.` };
  }
  if (typeof proof.proofValue !== 'string') return { ...base, result: 'invalid', code: 'PROOF_INVALID', message: 'The holder\'s proof has no proofValue.' };
  const encoding = decodeProofValue(proof.proofValue).problem;
  if (encoding) return { ...base, result: 'invalid', code: 'PROOF_INVALID', message: encoding };

  const resolved = await resolveVerificationMethod(proof.verificationMethod, fetcher);
  if (!resolved.ok) return { ...base, result: resolved.status === 'failed' ? 'invalid' : 'indeterminate', code: resolved.code, message: resolved.message };
  const { verificationMethod, controller } = resolved;
  const withKey = { ...base, verificationMethod: verificationMethod.id, controller };
  const authorized = await listedForAuthentication(verificationMethod.id, controller, fetcher);
  if (authorized !== true) return { ...withKey, ...authorized };
  const retirement = judgeKeyRetirement(verificationMethod.id, resolved.retirement, proof.created, now);
  if (!retirement.ok) return { ...withKey, result: 'invalid', code: retirement.code, message: retirement.message };

  const { proof: _proofs, ...unsigned } = presentation;
  try {
    const result = await jsigs.verify({ ...unsigned, proof }, {
      suite,
      purpose: new jsigs.purposes.ProofPurpose({ term: 'authentication' }),
      documentLoader: createDocumentLoader(new Map([...contexts, [verificationMethod.id, verificationMethod]])),
    });
    if (result.verified) return { ...withKey, result: 'valid', message: `Signed by the holder ${controller} with ${verificationMethod.id} (proofPurpose authentication).` };
    const error = result.results?.map((r) => r.error).find((e) => e !== undefined) ?? result.error;
    return { ...withKey, ...failure(Array.isArray(error) ? error[0] : error) };
  } catch (error) {
    return { ...withKey, ...failure(error) };
  }
}

/** The controller's document must list the key under `authentication` (did:key lists its one key). */
async function listedForAuthentication(keyId: string, controller: string, fetcher: Fetcher): Promise<true | Pick<HolderProofOutcome, 'result' | 'code' | 'message'>> {
  const loaded = await loadDocument(controller, fetcher, 'the holder\'s document');
  if (!loaded.ok) return { result: loaded.status === 'failed' ? 'invalid' : 'indeterminate', code: loaded.code, message: loaded.message };
  const listed = asArray(loaded.document.authentication).some((entry) => {
    const ref = typeof entry === 'string' ? entry : isObject(entry) ? entry.id : undefined;
    return typeof ref === 'string' && absolute(ref, controller) === keyId;
  });
  // A bare did:key (no fragment) names its one key, which did:key lists under authentication.
  const bareDidKey = keyId === controller && controller.startsWith('did:key:');
  if (listed || bareDidKey) return true;
  return { result: 'invalid', code: 'KEY_NOT_AUTHORIZED', message: `The key ${keyId} is not listed under authentication by its controller ${controller}, so it cannot speak for the holder.` };
}

function failure(error: unknown): Pick<HolderProofOutcome, 'result' | 'code' | 'message'> {
  if (isCanonicalizationLimitError(error)) {
    return { result: 'invalid', code: 'INPUT_TOO_COMPLEX', message: 'The presentation is too complex to canonicalize within the work limit; it cannot be verified.' };
  }
  const cause = rootCause(error);
  if (cause instanceof Error && cause.message === 'Invalid signature.') {
    return { result: 'invalid', code: 'PROOF_INVALID', message: 'The holder\'s signature does not match the presentation: it was changed after signing (a credential, the challenge or the domain), or signed with another key.' };
  }
  return { result: 'invalid', code: 'PROOF_INVALID', message: `The holder's proof could not be verified: ${describeJsonLdError(error)}` };
}
