/**
 * Adds one proof to a JSON-LD document. The result always carries `proof` as an array: the
 * official 1EdTech schema rejects a single proof object.
 */
import jsigs from 'jsonld-signatures';
import { createDocumentLoader, type DocumentLoader } from '../contexts/document-loader.js';
import { Obv3Error, isObv3Error } from '../errors.js';
import type { Signer } from '../keys/types.js';
import { isCanonicalizationLimitError } from './canonicalization-limits.js';
import { isFastPathEnabled } from './fast/enabled.js';
import { fastSignDocument } from './fast/sign-fast.js';
import { describeJsonLdError, isSafeModeError, rootCause } from './jsonld-error.js';
import { createSigningSuite, type ProofFormat } from './suites.js';

/**
 * Why the proof is made: an issuer asserting a credential (the default), or a holder
 * authenticating a presentation for one verifier's `challenge` (and `domain`), which the proof
 * then carries.
 */
export type SigningPurpose = { proofPurpose: 'assertionMethod' } | { proofPurpose: 'authentication'; challenge: string; domain?: string };

export interface SignDocumentOptions {
  signer: Signer;
  /** Default `{ proofPurpose: 'assertionMethod' }`. */
  purpose?: SigningPurpose;
  /** Default `eddsa-rdfc-2022`. */
  proofFormat?: ProofFormat;
  /** The proof's `created` (whole seconds are written). Default now. */
  created?: Date;
  /** A loader with extra registered contexts; default the bundled contexts only. */
  documentLoader?: DocumentLoader;
}

const defaultLoader = createDocumentLoader();
const ASSERTION: SigningPurpose = { proofPurpose: 'assertionMethod' };
const ED25519_SIGNATURE_LENGTH = 64;

export async function signDocument<T extends object>(document: T, options: SignDocumentOptions): Promise<T & { proof: object[] }> {
  const { proofFormat = 'eddsa-rdfc-2022', created, documentLoader = defaultLoader, purpose = ASSERTION } = options;
  const signer = checkedSigner(options.signer);
  // The fast path covers assertion proofs of documents that use only bundled contexts (which no
  // loader can replace); it gives the same bytes as the suites below, which sign everything else.
  try {
    const fast = isFastPathEnabled() && purpose.proofPurpose === 'assertionMethod' ? await fastSignDocument(document, signer, proofFormat, created) : undefined;
    if (fast) return fast;
  } catch (error) {
    throw toSigningError(error);
  }
  let signed: Record<string, unknown>;
  try {
    // Inside the try: the suites' constructors throw plain Errors (a bad date, a signer they refuse).
    const suite = createSigningSuite(proofFormat, signer, created);
    // jsonld-signatures writes the proof (and a suite context) into the object it is given.
    signed = await jsigs.sign(structuredClone(document), {
      suite,
      purpose: suitePurpose(purpose),
      documentLoader,
    });
  } catch (error) {
    throw toSigningError(error);
  }
  const proof = signed.proof;
  return { ...(signed as T), proof: Array.isArray(proof) ? proof : [proof as object] };
}

function suitePurpose(purpose: SigningPurpose): InstanceType<typeof jsigs.purposes.ProofPurpose> {
  if (purpose.proofPurpose === 'assertionMethod') return new jsigs.purposes.AssertionProofPurpose();
  const { challenge, domain } = purpose;
  return new jsigs.purposes.AuthenticationProofPurpose({ challenge, ...(domain !== undefined ? { domain } : {}) });
}

/**
 * The caller's signer, held to what an Ed25519 proofValue needs: exactly 64 bytes as a Uint8Array.
 * Both paths sign through it, so a KMS returning an ArrayBuffer, nothing, or a truncated or DER
 * signature is SIGNING_FAILED on each, never a credential with a proof no verifier accepts.
 */
function checkedSigner(signer: Signer): Signer {
  return {
    id: signer.id,
    algorithm: signer.algorithm,
    async sign(data: Uint8Array): Promise<Uint8Array> {
      let signature: unknown;
      try {
        signature = await signer.sign(data);
      } catch (error) {
        if (isObv3Error(error)) throw error;
        throw new Obv3Error('SIGNING_FAILED', `The signer ${signer.id} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      if (!(signature instanceof Uint8Array) || signature.length !== ED25519_SIGNATURE_LENGTH) {
        const got = signature instanceof Uint8Array ? `${signature.length} bytes` : signature instanceof ArrayBuffer ? 'an ArrayBuffer' : typeof signature;
        throw new Obv3Error('SIGNING_FAILED', `The signer ${signer.id} returned ${got}; sign must resolve to the ${ED25519_SIGNATURE_LENGTH}-byte Ed25519 signature as a Uint8Array.`);
      }
      return signature;
    },
  };
}

function toSigningError(error: unknown): Obv3Error {
  const cause = rootCause(error);
  if (isObv3Error(cause)) return cause;
  if (isCanonicalizationLimitError(error)) {
    return new Obv3Error('INPUT_TOO_COMPLEX', 'The document is too complex to canonicalize within obv3\'s work limit.', { cause: error });
  }
  const message = describeJsonLdError(error);
  if (isSafeModeError(error) || /relative|dropped|Invalid JSON-LD|jsonld\./i.test(message)) {
    return new Obv3Error(
      'JSONLD_INVALID',
      `The document is not valid JSON-LD under its contexts: ${message}. Every property must be defined by a context ` +
        '(obv3 signs in JSON-LD safe mode, so an undefined term is an error rather than silently unsigned).',
      { cause: error },
    );
  }
  return new Obv3Error('SIGNING_FAILED', `Signing failed: ${message}`, { cause: error });
}
