/**
 * issueCredential: draft → OB 3.0 credential → checked against the shape we issue → signed.
 * It refuses, with every problem listed, rather than sign something a verifier would reject,
 * including a key that does not belong to the credential's issuer.
 */
import { buildCredential, type CredentialDraft } from '../build/index.js';
import { createDocumentLoader } from '../contexts/document-loader.js';
import { Obv3Error } from '../errors.js';
import { controllerOfVerificationMethod, signerOf } from '../keys/signer-of.js';
import type { Ed25519KeyPair, Signer } from '../keys/types.js';
import type { OpenBadgeCredential } from '../model/index.js';
import { signDocument } from '../proof/sign.js';
import type { ProofFormat } from '../proof/suites.js';
import type { StatusRegistry } from '../status/status-registry.js';
import type { StatusPurpose } from '../status/types.js';
import { assertValidForIssue, inferSchemaKind } from '../schema/index.js';

export interface IssueOptions {
  /** The issuer's key pair, or a signer backed by a KMS/HSM (`{ id, algorithm, sign(bytes) }`). */
  key: Ed25519KeyPair | Signer;
  /** `eddsa-rdfc-2022` (default, the suite 1EdTech certifies) or `Ed25519Signature2020`. */
  proofFormat?: ProofFormat;
  /** The proof's `created`; default now. */
  created?: Date;
  /** Extra JSON-LD contexts (URL → document) the credential uses besides the bundled ones. */
  contexts?: Readonly<Record<string, object>>;
  /** Give the credential a status entry (revocation by default) from this issuer's registry. */
  status?: StatusRegistry;
  /**
   * Which statuses it can take: `['revocation']` (default), `['suspension']`, or both. Both means
   * two credentialStatus entries, which the official 1EdTech schema does not allow (it allows one):
   * an explicit opt-in.
   */
  statusPurposes?: readonly StatusPurpose[];
}

/** A signed credential: `proof` is always an array. */
export type SignedCredential<T extends object = OpenBadgeCredential> = T & { proof: object[] };

export async function issueCredential(draft: CredentialDraft, options: IssueOptions): Promise<SignedCredential> {
  // The same instant as the proof's created: a draft without validFrom is valid from when it was signed.
  const credential = buildCredential(draft, options.created ? { now: options.created } : {});
  const signer = signerOf(options?.key);
  // Everything is checked before a status index is spent on the credential.
  assertIssuable(credential, signer);
  return signChecked(await withAllocatedStatus(credential, options), signer, options);
}

/** The credential with a status entry from `options.status`, when given (after all checks). */
export async function withAllocatedStatus(
  credential: OpenBadgeCredential,
  options: Pick<IssueOptions, 'status' | 'statusPurposes'>,
): Promise<OpenBadgeCredential> {
  if (!options.status) return credential;
  if (credential.credentialStatus !== undefined) {
    throw new Obv3Error('INVALID_ARGUMENT', 'The draft has a credentialStatus and options.status was given: use one or the other.');
  }
  const entries = await options.status.allocate(credential.id, options.statusPurposes);
  const credentialStatus = entries.length === 1 ? entries[0] : entries;
  return { ...credential, credentialStatus } as OpenBadgeCredential;
}

/**
 * Signs a credential that is already built (an OpenBadgeCredential, AchievementCredential,
 * EndorsementCredential or ClrCredential), after the same checks issueCredential makes.
 */
export async function signCredential<T extends object>(credential: T, options: IssueOptions): Promise<SignedCredential<T>> {
  const signer = signerOf(options?.key);
  assertIssuable(credential, signer);
  return signChecked(credential, signer, options);
}

function assertIssuable(credential: object, signer: Signer): void {
  assertIssuableShape(credential);
  const issuer = (credential as { issuer?: unknown }).issuer;
  assertKeyOfIssuer(signer.id, typeof issuer === 'string' ? issuer : (issuer as { id?: unknown } | undefined)?.id);
}

/** The official shape for the credential's kind (Open Badge, endorsement, CLR); throws SCHEMA_INVALID. */
export function assertIssuableShape(credential: object): void {
  assertValidForIssue(withOneStatusEntry(credential), inferSchemaKind(credential));
}

function signChecked<T extends object>(credential: T, signer: Signer, options: IssueOptions): Promise<SignedCredential<T>> {
  const documentLoader = options.contexts ? createDocumentLoader(new Map(Object.entries(options.contexts))) : undefined;
  return signDocument(credential, {
    signer,
    ...(options.proofFormat ? { proofFormat: options.proofFormat } : {}),
    ...(options.created ? { created: options.created } : {}),
    ...(documentLoader ? { documentLoader } : {}),
  });
}

/**
 * The key (a verification method id, or a VC-JWT's absolute kid) must be one its controller, the
 * credential's issuer, publishes: verifiers reject anything else as KEY_NOT_CONTROLLED_BY_ISSUER.
 */
export function assertKeyOfIssuer(keyId: string, issuerId: unknown): void {
  const controller = controllerOfVerificationMethod(keyId);
  if (issuerId !== controller) {
    throw new Obv3Error(
      'INVALID_ARGUMENT',
      `The key ${keyId} belongs to ${controller}, but the credential's issuer is ${String(issuerId)}: ` +
        `verifiers would reject it as KEY_NOT_CONTROLLED_BY_ISSUER. Set issuer.id to "${controller}", or sign with a key of ${String(issuerId)}.`,
    );
  }
}

/**
 * Two status entries (revocation and suspension) is the one place we knowingly leave the official
 * schema, which allows a single entry; everything else is still held to it.
 */
function withOneStatusEntry<T extends object>(credential: T): T {
  const status = (credential as { credentialStatus?: unknown }).credentialStatus;
  return Array.isArray(status) && status.length > 1 ? { ...credential, credentialStatus: status[0] } : credential;
}
