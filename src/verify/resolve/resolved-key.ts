/**
 * What key resolution yields: a public key its controller published, in JWK form whatever the
 * document wrote (Multikey, Ed25519VerificationKey2020/2018, JsonWebKey), with the facts a
 * verifier decides on. Consumers: embedded proofs (verify-proof.ts, Ed25519 only) and VC-JWT
 * (jwt-key.ts, RSA / P-256 / Ed25519).
 */
import type { PublicJsonWebKey } from '../../keys/controller-document.js';
import type { RetirementMarks } from '../key-retirement.js';
import type { CheckCode } from '../report.js';

/** The verification relationships a key is checked against: issuers assert, holders authenticate. */
export type VerificationRelation = 'assertionMethod' | 'authentication';

export interface ResolvedKey {
  /** The verification method id, absolute. */
  id: string;
  controller: string;
  jwk: PublicJsonWebKey;
  /** The published `publicKeyMultibase` of an Ed25519 key, checked; absent for other forms. */
  publicKeyMultibase?: string;
  /** Which of these relationships the controller's document lists the key under. */
  relations: Readonly<Record<VerificationRelation, boolean>>;
  retirement: RetirementMarks;
  /** Where the key came from: the URL fetched, or the DID of a locally resolved method. */
  source: string;
}

export type ResolutionFailure = { ok: false; status: 'failed' | 'indeterminate'; code: CheckCode; message: string };

export type KeyResolution = { ok: true; key: ResolvedKey } | ResolutionFailure;

export function fail(status: 'failed' | 'indeterminate', code: CheckCode, message: string): ResolutionFailure {
  return { ok: false, status, code, message };
}
