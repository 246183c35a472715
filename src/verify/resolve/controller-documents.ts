/**
 * Loads the document that lists a key or names a controller, by identifier:
 *
 * - did:key, did:jwk: computed locally from the identifier;
 * - did:web: the DID document at the did:web URL, through the verifier's fetcher
 *   (`DID_NOT_FOUND`, `DID_DOCUMENT_INVALID`, `DID_ID_MISMATCH`);
 * - https: the document at the URL, through the fetcher.
 *
 * Nothing else is fetched: other DID methods are `indeterminate`, other URL schemes fail.
 */
import { isObv3Error } from '../../errors.js';
import { resolveDidJwk } from '../../keys/did-jwk.js';
import { resolveDidKey } from '../../keys/did-key.js';
import { didWebDocumentUrl, parseDidWeb } from '../../keys/did-web.js';
import { asArray, isObject } from '../credential-fields.js';
import { isDefinitiveFailure, type Fetcher } from '../fetcher.js';
import type { Json } from './json.js';
import { fail, type ResolutionFailure } from './resolved-key.js';

export type LoadedDocument = { ok: true; document: Json; source: string } | ResolutionFailure;

/** The document of `id` (a DID or an https URL without fragment). */
export async function loadDocument(id: string, fetcher: Fetcher, what: string): Promise<LoadedDocument> {
  if (id.startsWith('did:key:')) return local(id, () => resolveDidKey(id).document as unknown as Json);
  if (id.startsWith('did:jwk:')) return local(id, () => resolveDidJwk(id).document as unknown as Json);
  if (id.startsWith('did:web:')) return loadDidWeb(id, fetcher);
  if (id.startsWith('did:')) {
    return fail('indeterminate', 'VERIFICATION_METHOD_UNRESOLVABLE',
      `${what} ${id} uses the DID method "did:${id.split(':')[1] ?? ''}", which obv3 cannot resolve (supported: did:key, did:web, did:jwk and HTTPS key documents).`);
  }
  if (!id.startsWith('https://')) {
    return fail('failed', 'VERIFICATION_METHOD_UNRESOLVABLE', `${what} ${id} is neither a supported DID nor an https:// URL, so it is not looked up.`);
  }
  const fetched = await fetcher.fetchJson(id);
  if (!fetched.ok) {
    return fail(isDefinitiveFailure(fetched) ? 'failed' : 'indeterminate', 'VERIFICATION_METHOD_UNRESOLVABLE', `Could not read ${what} ${id}: ${fetched.message}`);
  }
  if (!isObject(fetched.json)) return fail('failed', 'VERIFICATION_METHOD_INVALID', `The document at ${id} is not a JSON object.`);
  return { ok: true, document: fetched.json, source: id };
}

async function loadDidWeb(did: string, fetcher: Fetcher): Promise<LoadedDocument> {
  let url: string;
  try {
    parseDidWeb(did);
    url = didWebDocumentUrl(did);
  } catch (error) {
    return fail('failed', 'VERIFICATION_METHOD_INVALID', isObv3Error(error) ? error.message : `${did} is not a valid did:web.`);
  }
  const fetched = await fetcher.fetchJson(url);
  if (!fetched.ok) {
    if (fetched.reason === 'notFound') return fail('failed', 'DID_NOT_FOUND', `The DID ${did} has no DID document: ${fetched.message}`);
    if (fetched.reason === 'not-json') return fail('failed', 'DID_DOCUMENT_INVALID', `The DID document of ${did} is not JSON: ${fetched.message}`);
    return fail('indeterminate', 'VERIFICATION_METHOD_UNRESOLVABLE', `Could not read the DID document of ${did}: ${fetched.message}`);
  }
  const document = fetched.json;
  if (!isObject(document)) return fail('failed', 'DID_DOCUMENT_INVALID', `The DID document at ${url} is not a JSON object.`);
  if (document.id !== did) {
    return fail('failed', 'DID_ID_MISMATCH', `The document at ${url} is the DID document of ${JSON.stringify(document.id)}, not of ${did}: a did:web document must name its own DID.`);
  }
  const problem = shapeProblem(document);
  if (problem) return fail('failed', 'DID_DOCUMENT_INVALID', `The DID document of ${did} is malformed: ${problem}.`);
  return { ok: true, document, source: url };
}

/** The DID Core shape rules a resolver relies on (sets of methods and references). */
function shapeProblem(document: Json): string | undefined {
  if (document.verificationMethod !== undefined) {
    if (!Array.isArray(document.verificationMethod)) return 'verificationMethod must be an array';
    if (!document.verificationMethod.every((m) => isObject(m) && typeof m.id === 'string')) return 'every verificationMethod entry must be an object with an id';
  }
  for (const relation of ['assertionMethod', 'authentication'] as const) {
    const value = document[relation];
    if (value === undefined) continue;
    if (!Array.isArray(value)) return `${relation} must be an array`;
    if (!asArray(value).every((e) => typeof e === 'string' || (isObject(e) && typeof e.id === 'string'))) {
      return `every ${relation} entry must be a method id or a method object with an id`;
    }
  }
  return undefined;
}

function local(id: string, resolve: () => Json): LoadedDocument {
  try {
    return { ok: true, document: resolve(), source: id };
  } catch (error) {
    return fail('failed', 'VERIFICATION_METHOD_INVALID', `${id} cannot be resolved: ${isObv3Error(error) ? error.message : String(error)}`);
  }
}
