/**
 * issueCredential: draft → OB 3.0 credential → checked against the shape we issue → signed.
 * It refuses, with every problem listed, rather than sign something a verifier would reject,
 * including a key that does not belong to the credential's issuer.
 */
import { buildCredential, type CredentialDraft } from '../build/index.js';
import { createDocumentLoader } from '../contexts/document-loader.js';
import { Obv3Error } from '../errors.js';
import type { Ed25519KeyPair, Signer } from '../keys/types.js';
import { toSigner } from './signer-from-key.js';
import type { OpenBadgeCredential } from '../model/index.js';
import { signDocument } from '../proof/sign.js';
import type { ProofFormat } from '../proof/suites.js';
import { assertValidForIssue, type SchemaKind } from '../schema/index.js';

export interface IssueOptions {
  /** The issuer's key pair, or a signer backed by a KMS/HSM (`{ id, algorithm, sign(bytes) }`). */
  key: Ed25519KeyPair | Signer;
  /** `eddsa-rdfc-2022` (default, the suite 1EdTech certifies) or `Ed25519Signature2020`. */
  proofFormat?: ProofFormat;
  /** The proof's `created`; default now. */
  created?: Date;
  /** Extra JSON-LD contexts (URL → document) the credential uses besides the bundled ones. */
  contexts?: Readonly<Record<string, object>>;
}

/** A signed credential: `proof` is always an array. */
export type SignedCredential<T extends object = OpenBadgeCredential> = T & { proof: object[] };

export async function issueCredential(draft: CredentialDraft, options: IssueOptions): Promise<SignedCredential> {
  const credential = buildCredential(draft);
  return signCredential(credential, options);
}

/**
 * Signs a credential that is already built (an OpenBadgeCredential, AchievementCredential or
 * EndorsementCredential), after the same checks issueCredential makes.
 */
export async function signCredential<T extends object>(credential: T, options: IssueOptions): Promise<SignedCredential<T>> {
  const signer = toSigner(options?.key);
  const kind: SchemaKind = hasType(credential, 'EndorsementCredential') ? 'endorsement' : 'credential';
  assertValidForIssue(credential, kind);
  assertKeyBelongsToIssuer(credential, signer);
  const documentLoader = options.contexts ? createDocumentLoader(new Map(Object.entries(options.contexts))) : undefined;
  return signDocument(credential, {
    signer,
    ...(options.proofFormat ? { proofFormat: options.proofFormat } : {}),
    ...(options.created ? { created: options.created } : {}),
    ...(documentLoader ? { documentLoader } : {}),
  });
}

/** The verification method's controller is its URL without the fragment (did:key, https). */
function controllerOf(verificationMethod: string): string {
  const hash = verificationMethod.indexOf('#');
  return hash === -1 ? verificationMethod : verificationMethod.slice(0, hash);
}

function assertKeyBelongsToIssuer(credential: object, signer: Signer): void {
  const issuer = (credential as { issuer?: unknown }).issuer;
  const issuerId = typeof issuer === 'string' ? issuer : (issuer as { id?: unknown } | undefined)?.id;
  const controller = controllerOf(signer.id);
  if (issuerId !== controller) {
    throw new Obv3Error(
      'INVALID_ARGUMENT',
      `The key ${signer.id} belongs to ${controller}, but the credential's issuer is ${String(issuerId)}: ` +
        `verifiers would reject it as KEY_NOT_CONTROLLED_BY_ISSUER. Set issuer.id to "${controller}", or sign with a key of ${String(issuerId)}.`,
    );
  }
}

function hasType(value: object, type: string): boolean {
  const t = (value as { type?: unknown }).type;
  return Array.isArray(t) ? t.includes(type) : t === type;
}
