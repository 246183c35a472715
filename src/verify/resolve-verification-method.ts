/**
 * Whose key is it? Resolves a proof's verification method to a public key and the document of the
 * key's controller, without ever trusting key material from the proof or from a URL fragment
 * (the official validator does, which lets anyone sign as anyone).
 *
 * - did:key: resolved locally (the DID is the key).
 * - https: the URL without its fragment is fetched through `options.fetch`: a controlled
 *   identifier document (CID 1.0 / DID-document shaped) listing the method, or a bare
 *   Multikey/JWK document whose id is the method's URL. The controller's document must list the
 *   method under `assertionMethod`.
 */
import { MULTIKEY_CONTEXT } from '../contexts/bundled.js';
import { isObv3Error } from '../errors.js';
import { multibaseFromPublicKey, publicKeyFromMultibase, resolveDidKey } from '../keys/index.js';
import type { Fetcher } from './fetcher.js';
import type { RetirementMarks } from './key-retirement.js';
import type { CheckCode } from './report.js';

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
      controller: string;
      authorized: boolean;
      /** The controller's retirement marks, judged by key-retirement.ts rather than by the suites. */
      retirement: RetirementMarks;
    }
  | { ok: false; status: 'failed' | 'indeterminate'; code: CheckCode; message: string };

type Json = Record<string, unknown>;

export async function resolveVerificationMethod(reference: unknown, fetcher: Fetcher): Promise<ResolveResult> {
  // An embedded verification method object is only a pointer: its key material is ignored.
  const id = typeof reference === 'string' ? reference : isObject(reference) && typeof reference.id === 'string' ? reference.id : undefined;
  if (!id) return fail('failed', 'VERIFICATION_METHOD_UNRESOLVABLE', 'The proof names no verificationMethod.');
  if (id.startsWith('did:key:')) return resolveDidKeyMethod(id);
  if (id.startsWith('did:')) {
    const method = id.split(':')[1] ?? '';
    return fail('indeterminate', 'VERIFICATION_METHOD_UNRESOLVABLE',
      `The key ${id} uses the DID method "did:${method}", which this version of obv3 cannot resolve (supported: did:key, HTTPS key documents).`);
  }
  let url: URL;
  try {
    url = new URL(id);
  } catch {
    return fail('failed', 'VERIFICATION_METHOD_UNRESOLVABLE', `The verificationMethod "${id}" is not a URL or DID.`);
  }
  if (url.protocol !== 'https:') {
    return fail('failed', 'VERIFICATION_METHOD_UNRESOLVABLE',
      `The verificationMethod "${id}" uses "${url.protocol}"; keys are only resolved from did:key or HTTPS URLs.`);
  }
  return resolveHttpsMethod(id, url, fetcher);
}

function resolveDidKeyMethod(id: string): ResolveResult {
  try {
    const { document, verificationMethod } = resolveDidKey(id);
    if (verificationMethod.id !== id) {
      // A bare did:key (no fragment), as CLR 2.0 wallets sign with: its document holds exactly one
      // key, listed under assertionMethod, so the DID names that key unambiguously. The key is
      // served under the id the proof uses, since the suites look it up by that id.
      const controllerDocument = { ...document, assertionMethod: [...(document.assertionMethod ?? []), id] };
      return toResolved({ ...verificationMethod, id } as unknown as Json, controllerDocument as unknown as Json, id);
    }
    return toResolved(verificationMethod as unknown as Json, document as unknown as Json, id);
  } catch (error) {
    return fail('failed', 'VERIFICATION_METHOD_INVALID', `The did:key ${id} is not a valid Ed25519 did:key: ${messageOf(error)}`);
  }
}

async function resolveHttpsMethod(id: string, url: URL, fetcher: Fetcher): Promise<ResolveResult> {
  const documentUrl = withoutFragment(url);
  const fetched = await fetchDocument(documentUrl, fetcher, 'key document');
  if (!fetched.ok) return fetched;
  const document = fetched.document;

  let method: Json | undefined;
  let container: Json | undefined;
  if (document.id === id && hasKeyMaterial(document)) {
    method = document; // a bare key document served at the method's own URL
  } else if (document.id === documentUrl) {
    container = document;
    method = findMethod(document, id, documentUrl);
    if (!method) {
      return fail('failed', 'VERIFICATION_METHOD_UNRESOLVABLE', `${documentUrl} does not list the key ${id}.`);
    }
  } else {
    return fail('failed', 'VERIFICATION_METHOD_INVALID',
      `${documentUrl} describes "${String(document.id)}", not ${documentUrl} or ${id}; a key document's id must be its URL.`);
  }

  const controller = method.controller;
  if (typeof controller !== 'string') return fail('failed', 'VERIFICATION_METHOD_INVALID', `The key ${id} names no controller.`);
  let controllerDocument: Json;
  if (container && container.id === controller) {
    controllerDocument = container;
  } else if (controller.startsWith('did:key:')) {
    try {
      controllerDocument = resolveDidKey(controller).document as unknown as Json;
    } catch (error) {
      return fail('failed', 'VERIFICATION_METHOD_INVALID', `The controller ${controller} is not a valid did:key: ${messageOf(error)}`);
    }
  } else if (controller.startsWith('https://')) {
    const fetchedController = await fetchDocument(controller, fetcher, 'controller document');
    if (!fetchedController.ok) return fetchedController;
    if (fetchedController.document.id !== controller) {
      return fail('failed', 'VERIFICATION_METHOD_INVALID', `The controller document at ${controller} has id "${String(fetchedController.document.id)}".`);
    }
    controllerDocument = fetchedController.document;
  } else {
    return fail('indeterminate', 'VERIFICATION_METHOD_UNRESOLVABLE', `The key's controller ${controller} cannot be resolved by this version of obv3.`);
  }
  return toResolved({ ...method, id }, controllerDocument, id);
}

async function fetchDocument(url: string, fetcher: Fetcher, what: string): Promise<{ ok: true; document: Json } | Extract<ResolveResult, { ok: false }>> {
  const result = await fetcher.fetchJson(url);
  if (!result.ok) {
    const definitive = result.reason === 'notFound' || result.reason === 'not-json';
    return fail(definitive ? 'failed' : 'indeterminate', 'VERIFICATION_METHOD_UNRESOLVABLE', `Could not read the ${what}: ${result.message}`);
  }
  if (!isObject(result.json)) return fail('failed', 'VERIFICATION_METHOD_INVALID', `The ${what} at ${url} is not a JSON object.`);
  return { ok: true, document: result.json };
}

function findMethod(document: Json, id: string, base: string): Json | undefined {
  for (const relation of ['verificationMethod', 'assertionMethod']) {
    for (const entry of asArray(document[relation])) {
      if (isObject(entry) && typeof entry.id === 'string' && absolute(entry.id, base) === id) return entry;
    }
  }
  return undefined;
}

function toResolved(method: Json, controllerDocument: Json, id: string): ResolveResult {
  const controller = method.controller;
  if (typeof controller !== 'string') return fail('failed', 'VERIFICATION_METHOD_INVALID', `The key ${id} names no controller.`);
  let publicKeyMultibase: string;
  try {
    publicKeyMultibase = publicKeyMultibaseOf(method);
  } catch (error) {
    return fail('failed', 'VERIFICATION_METHOD_INVALID', `The key ${id} is not a usable Ed25519 public key: ${messageOf(error)}`);
  }
  const base = typeof controllerDocument.id === 'string' ? controllerDocument.id : id;
  const authorized =
    controllerDocument.id === controller &&
    asArray(controllerDocument.assertionMethod).some((entry) => {
      const ref = typeof entry === 'string' ? entry : isObject(entry) ? entry.id : undefined;
      return typeof ref === 'string' && absolute(ref, base) === id;
    });
  const verificationMethod: ResolvedVerificationMethod = {
    '@context': MULTIKEY_CONTEXT,
    id,
    type: 'Multikey',
    controller,
    publicKeyMultibase,
  };
  const retirement: RetirementMarks = {};
  if (method.revoked !== undefined) retirement.revoked = String(method.revoked);
  if (method.expires !== undefined) retirement.expires = String(method.expires);
  return { ok: true, verificationMethod, controller, authorized, retirement };
}

/** Multikey / Ed25519VerificationKey2020 carry a multibase key; JsonWebKey(2020) an OKP JWK. */
function publicKeyMultibaseOf(method: Json): string {
  if (typeof method.publicKeyMultibase === 'string') {
    publicKeyFromMultibase(method.publicKeyMultibase);
    return method.publicKeyMultibase;
  }
  const jwk = method.publicKeyJwk;
  if (isObject(jwk)) {
    if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') {
      throw new Error('only Ed25519 (OKP) JSON Web Keys are supported');
    }
    const bytes = Buffer.from(jwk.x, 'base64url');
    if (bytes.length !== 32) throw new Error('the JWK "x" is not 32 bytes');
    return multibaseFromPublicKey(new Uint8Array(bytes));
  }
  throw new Error(`key type "${String(method.type)}" carries neither publicKeyMultibase nor publicKeyJwk`);
}

function hasKeyMaterial(document: Json): boolean {
  return typeof document.publicKeyMultibase === 'string' || isObject(document.publicKeyJwk);
}

function withoutFragment(url: URL): string {
  const copy = new URL(url.href);
  copy.hash = '';
  return copy.href;
}

function absolute(ref: string, base: string): string {
  try {
    return new URL(ref, base).href;
  } catch {
    return ref;
  }
}

function asArray(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function messageOf(error: unknown): string {
  return isObv3Error(error) || error instanceof Error ? error.message : String(error);
}

function fail(status: 'failed' | 'indeterminate', code: CheckCode, message: string): Extract<ResolveResult, { ok: false }> {
  return { ok: false, status, code, message };
}
