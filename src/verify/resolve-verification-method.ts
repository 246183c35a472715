/**
 * The key of an embedded proof (eddsa-rdfc-2022, Ed25519Signature2020): resolved like any
 * published key (resolve/resolve-key.ts: did:key, did:jwk, did:web, HTTPS key documents), then
 * handed to the signature suites as the Ed25519 Multikey they consume.
 */
import { MULTIKEY_CONTEXT } from '../contexts/bundled.js';
import { isObv3Error } from '../errors.js';
import type { PublicJsonWebKey } from '../keys/controller-document.js';
import { ed25519BytesFromJwk } from '../keys/public-jwk.js';
import { multibaseFromPublicKey } from '../keys/public-key-multibase.js';
import type { Fetcher } from './fetcher.js';
import type { RetirementMarks } from './key-retirement.js';
import type { CheckCode } from './report.js';
import { resolveKey } from './resolve/resolve-key.js';
import type { ResolvedKey } from './resolve/resolved-key.js';

/** The public key as the signature suites consume it. */
export interface ResolvedVerificationMethod {
  '@context': string;
  id: string;
  type: 'Multikey';
  controller: string;
  publicKeyMultibase: string;
}

export type ResolveResult =
  | {
      ok: true;
      verificationMethod: ResolvedVerificationMethod;
      /** The same key as a JWK (what the fast path verifies with). */
      jwk: PublicJsonWebKey;
      controller: string;
      /** Under which verification relationships the controller lists the key. */
      relations: ResolvedKey['relations'];
      /** The controller's retirement marks, judged by key-retirement.ts rather than by the suites. */
      retirement: RetirementMarks;
    }
  | { ok: false; status: 'failed' | 'indeterminate'; code: CheckCode; message: string };

export async function resolveVerificationMethod(reference: unknown, fetcher: Fetcher): Promise<ResolveResult> {
  const resolved = await resolveKey(reference, fetcher);
  if (!resolved.ok) return resolved;
  const { id, controller, jwk, relations, retirement } = resolved.key;
  let publicKeyMultibase: string;
  try {
    // Published as a multibase: as it is. As a JWK or base58 (or not Ed25519): from the JWK.
    publicKeyMultibase = resolved.key.publicKeyMultibase ?? multibaseFromPublicKey(ed25519BytesFromJwk(jwk));
  } catch (error) {
    return { ok: false, status: 'failed', code: 'VERIFICATION_METHOD_INVALID', message: `The key ${id} is not a usable Ed25519 public key: ${isObv3Error(error) ? error.message : String(error)}` };
  }
  return {
    ok: true,
    verificationMethod: { '@context': MULTIKEY_CONTEXT, id, type: 'Multikey', controller, publicKeyMultibase },
    jwk,
    controller,
    relations,
    retirement,
  };
}
