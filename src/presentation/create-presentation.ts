/**
 * createPresentation: a teacher bundles credentials for one verifier. The Verifiable Presentation
 * names her as `holder` and is signed with her key (eddsa-rdfc-2022, proofPurpose
 * `authentication`) over the verifier's `challenge` and `domain`, so it cannot be replayed to
 * another verifier or another request. JWT credentials go in as EnvelopedVerifiableCredentials.
 */
import { newUrnUuid } from '../build/ids.js';
import { VC_V2_CONTEXT } from '../contexts/bundled.js';
import { Obv3Error } from '../errors.js';
import { controllerOfVerificationMethod, signerOf } from '../keys/signer-of.js';
import type { Ed25519KeyPair, Signer } from '../keys/types.js';
import type { EnvelopedVerifiableCredential, VerifiablePresentation } from '../model/index.js';
import { isCompactJws } from '../proof/compact-jws.js';
import { signDocument } from '../proof/sign.js';
import { envelopeJwt, isEnveloped, unwrapEnvelope } from '../verify/jwt/enveloped.js';
import { subjectIdOf } from './subject-of.js';

export interface CreatePresentationOptions {
  /** The holder's Ed25519 key (a did:key from generateKey(), or a KMS signer); its controller is the `holder`. */
  holder: Ed25519KeyPair | Signer;
  /** Signed credentials: embedded-proof objects (or their JSON text), compact VC-JWTs, or EnvelopedVerifiableCredentials. */
  credentials: readonly (object | string)[];
  /** The verifier's one-time challenge (nonce) for this request. Required. */
  challenge: string;
  /** The verifier's domain (e.g. `licensing.oregon.example`), so the presentation is only good there. */
  domain?: string;
  /** The presentation's id. Default: a fresh urn:uuid. */
  id?: string;
  /** The proof's created time. Default now. */
  created?: Date;
}

export async function createPresentation(options: CreatePresentationOptions): Promise<VerifiablePresentation> {
  if (typeof options !== 'object' || options === null) throw new Obv3Error('INVALID_ARGUMENT', 'createPresentation needs { holder, credentials, challenge, domain? }.');
  const signer = signerOf(options.holder);
  const holder = controllerOfVerificationMethod(signer.id);
  if (!holder.startsWith('did:')) {
    throw new Obv3Error('INVALID_ARGUMENT', `The holder ${holder} is not a DID: a presentation is signed by its holder's DID key (e.g. generateKey() for a did:key).`);
  }
  const { challenge, domain } = options;
  if (typeof challenge !== 'string' || challenge.length === 0) {
    throw new Obv3Error('INVALID_ARGUMENT', 'challenge is required: the verifier\'s one-time value for this request, so the presentation cannot be replayed.');
  }
  if (domain !== undefined && (typeof domain !== 'string' || domain.length === 0)) throw new Obv3Error('INVALID_ARGUMENT', 'domain, when given, must be a non-empty string (the verifier\'s domain).');
  if (!Array.isArray(options.credentials) || options.credentials.length === 0) {
    throw new Obv3Error('INVALID_ARGUMENT', 'credentials must be a non-empty array of signed credentials (objects or VC-JWTs).');
  }
  const verifiableCredential = options.credentials.map((credential, index) => toPresented(credential, index, holder));
  const presentation = {
    '@context': [VC_V2_CONTEXT],
    id: options.id ?? newUrnUuid(),
    type: ['VerifiablePresentation'],
    holder,
    verifiableCredential,
  };
  // signDocument's errors keep their codes (JSONLD_INVALID for a credential with an undefined
  // term, INPUT_TOO_COMPLEX, SIGNING_FAILED for the signer).
  const signed = await signDocument(presentation, {
    signer,
    purpose: { proofPurpose: 'authentication', challenge, ...(domain !== undefined ? { domain } : {}) },
    ...(options.created ? { created: options.created } : {}),
  });
  return signed as unknown as VerifiablePresentation;
}

function toPresented(credential: object | string, index: number, holder: string): object | EnvelopedVerifiableCredential {
  const where = `credentials[${index}]`;
  let value: unknown = credential;
  if (typeof credential === 'string') {
    const text = credential.trim();
    if (isCompactJws(text)) return checkedSubject(envelopeJwt(text), text, where, holder);
    try {
      value = JSON.parse(text);
    } catch {
      throw new Obv3Error('INVALID_ARGUMENT', `${where} is a string that is neither a compact VC-JWT nor a credential's JSON.`);
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Obv3Error('INVALID_ARGUMENT', `${where} must be a signed credential (object or JSON text) or a VC-JWT.`);
  if (isEnveloped(value)) {
    const unwrapped = unwrapEnvelope(value);
    if ('problem' in unwrapped) throw new Obv3Error('INVALID_ARGUMENT', `${where}: ${unwrapped.problem}`);
    return checkedSubject(value, unwrapped.jwt, where, holder);
  }
  const record = value as Record<string, unknown>;
  const types = Array.isArray(record.type) ? record.type : [record.type];
  if (!types.includes('VerifiableCredential')) throw new Obv3Error('INVALID_ARGUMENT', `${where} is not a VerifiableCredential (its type is ${JSON.stringify(record.type)}).`);
  if (record.proof === undefined) throw new Obv3Error('INVALID_ARGUMENT', `${where} has no proof: present signed credentials (issueCredential / issueCredentialJwt).`);
  return checkedSubject(record, record, where, holder);
}

/** A credential about someone else cannot be presented as one's own (verifiers would say HOLDER_MISMATCH). */
function checkedSubject<T>(presented: T, credential: Record<string, unknown> | string, where: string, holder: string): T {
  const subject = subjectIdOf(credential);
  if (subject !== undefined && subject !== holder) {
    throw new Obv3Error('INVALID_ARGUMENT', `${where} was issued to ${subject}, not to the holder ${holder}: verifiers would report HOLDER_MISMATCH. Present only credentials whose subject is the holder's DID.`);
  }
  return presented;
}
