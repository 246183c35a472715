/**
 * `buildDidDocument`: the `did.json` a did:web issuer serves (at `didWebDocumentUrl(id)`), with its
 * keys under `assertionMethod`. did:key and did:jwk need no document: they are resolved from the
 * identifier itself.
 */
import type { ControllerDocument, ControllerService } from '../keys/controller-document.js';
import { parseDidWeb } from '../keys/did-web.js';
import { DID_CONTEXT_V1 } from '../keys/multikey-context.js';
import { isObv3Error } from '../errors.js';
import { compact, problem, readObject } from './fields.js';
import { listKeys } from './key-listing.js';
import type { PublishedKeyInput } from './verification-method.js';

export interface DidDocumentInput {
  /** The did:web DID, e.g. `did:web:district.example`. */
  id: string;
  /** Current and retired keys (retired ones with `expires` or `revoked`). */
  keys: PublishedKeyInput[];
  /** Other identifiers of the issuer, e.g. its HTTPS profile URL. */
  alsoKnownAs?: string[];
  service?: ControllerService[];
}

export function buildDidDocument(input: DidDocumentInput): ControllerDocument {
  const fields = readObject(input, 'didDocument');
  const id = fields.id;
  if (typeof id !== 'string') throw problem('INVALID_ARGUMENT', 'id', 'is missing: give the did:web DID, e.g. did:web:district.example');
  try {
    const parts = parseDidWeb(id);
    if (parts.fragment !== undefined) throw problem('INVALID_ARGUMENT', 'id', `is a DID URL; give the DID without #${parts.fragment}`);
  } catch (error) {
    if (isObv3Error(error, 'INVALID_ARGUMENT')) throw error;
    throw problem('INVALID_ARGUMENT', 'id', isObv3Error(error) ? error.message : 'is not a did:web');
  }
  const { verificationMethod, assertionMethod, contexts } = listKeys(fields.keys, id, 'keys');
  return compact<ControllerDocument>({
    '@context': [DID_CONTEXT_V1, ...contexts],
    id,
    alsoKnownAs: Array.isArray(fields.alsoKnownAs) && fields.alsoKnownAs.length > 0 ? structuredClone(fields.alsoKnownAs as string[]) : undefined,
    verificationMethod,
    assertionMethod,
    service: Array.isArray(fields.service) && fields.service.length > 0 ? structuredClone(fields.service as ControllerService[]) : undefined,
  });
}
