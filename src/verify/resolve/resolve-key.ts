/**
 * Whose key is it? Resolves a verification method id (a DID URL or an HTTPS URL) to the public key
 * its controller publishes, never trusting key material from the proof, a JWT header or a URL
 * fragment (the official validator takes the key from the fragment, which lets anyone sign as
 * anyone).
 *
 * 1. The document the id points into is loaded (did:key / did:jwk locally; did:web and HTTPS
 *    through the fetcher). For HTTPS it may also be a bare key document served at the key's URL.
 * 2. The method must be listed there; a key that is simply absent is not the controller's:
 *    `KEY_NOT_CONTROLLED_BY_ISSUER`. (Retired keys stay listed, marked `revoked` or `expires`.)
 * 3. The method names its controller, whose document says under which verification
 *    relationships it lists the key (`assertionMethod` for issuers, `authentication` for holders).
 */
import { isObv3Error } from '../../errors.js';
import type { Fetcher } from '../fetcher.js';
import type { RetirementMarks } from '../key-retirement.js';
import { loadDocument } from './controller-documents.js';
import { absolute, asArray, isObject, withoutFragment, type Json } from './json.js';
import { hasKeyMaterial, keyOfMethod, type MethodKey } from './key-material.js';
import { fail, type KeyResolution, type VerificationRelation } from './resolved-key.js';

export async function resolveKey(reference: unknown, fetcher: Fetcher): Promise<KeyResolution> {
  // An embedded verification method object is only a pointer: its key material is ignored.
  const id = typeof reference === 'string' ? reference : isObject(reference) && typeof reference.id === 'string' ? reference.id : undefined;
  if (!id) return fail('failed', 'VERIFICATION_METHOD_UNRESOLVABLE', 'No verification method is named.');
  if (id.startsWith('did:key:') || id.startsWith('did:jwk:')) return resolveLocalDid(id, fetcher);
  let containerId: string;
  if (id.startsWith('did:')) {
    containerId = withoutFragment(id);
  } else {
    let url: URL;
    try {
      url = new URL(id);
    } catch {
      return fail('failed', 'VERIFICATION_METHOD_UNRESOLVABLE', `The verification method "${id}" is not a URL or DID.`);
    }
    if (url.protocol !== 'https:') {
      return fail('failed', 'VERIFICATION_METHOD_UNRESOLVABLE', `The verification method "${id}" uses "${url.protocol}"; keys are only resolved from DIDs or HTTPS URLs.`);
    }
    url.hash = '';
    containerId = url.href;
  }
  const loaded = await loadDocument(containerId, fetcher, 'the key document');
  if (!loaded.ok) return loaded;
  const { document, source } = loaded;

  let method: Json | undefined;
  let container: Json | undefined;
  if (!id.startsWith('did:') && document.id === id && hasKeyMaterial(document)) {
    method = document; // a bare key document served at the key's own URL
  } else if (document.id === containerId) {
    container = document;
    method = findMethod(document, id, containerId);
    if (!method) {
      return fail('failed', 'KEY_NOT_CONTROLLED_BY_ISSUER',
        `${containerId} does not list the key ${id}, so it is not a key its controller publishes (a retired key stays listed with "expires" or "revoked"; one that is missing was never, or is no longer, theirs).`);
    }
  } else {
    return fail('failed', 'VERIFICATION_METHOD_INVALID', `${source} describes "${String(document.id)}", not ${containerId}; a key document's id must be its URL.`);
  }
  return fromMethod(id, method, container, source, fetcher);
}

async function resolveLocalDid(id: string, fetcher: Fetcher): Promise<KeyResolution> {
  const loaded = await loadDocument(withoutFragment(id), fetcher, 'the key');
  if (!loaded.ok) return loaded;
  const [method] = asArray(loaded.document.verificationMethod).filter(isObject);
  if (method && id === withoutFragment(id) && typeof method.id === 'string') {
    // A bare did:key / did:jwk (no fragment), as CLR 2.0 wallets sign with: the DID has exactly
    // one key, so the DID names that key unambiguously, with that key's relationships. The key is
    // reported under the id the proof uses, since the suites look it up by that id.
    return fromMethod(id, { ...method, id }, loaded.document, loaded.source, fetcher, method.id);
  }
  if (!method || method.id !== id) {
    const expected = method ? ` (its one key is ${String(method.id)})` : '';
    return fail('failed', 'VERIFICATION_METHOD_INVALID', `${id} does not name the key of ${withoutFragment(id)}${expected}.`);
  }
  return fromMethod(id, method, loaded.document, loaded.source, fetcher);
}

/** `listedAs`: the id the controller's relationships name the key by (the method's own id). */
async function fromMethod(id: string, method: Json, container: Json | undefined, source: string, fetcher: Fetcher, listedAs = id): Promise<KeyResolution> {
  const controller = method.controller;
  if (typeof controller !== 'string' || controller.length === 0) return fail('failed', 'VERIFICATION_METHOD_INVALID', `The key ${id} names no controller.`);
  let controllerDocument: Json;
  if (container && container.id === controller) {
    controllerDocument = container;
  } else {
    const loaded = await loadDocument(controller, fetcher, 'the controller document');
    if (!loaded.ok) return loaded;
    if (loaded.document.id !== controller) {
      return fail('failed', 'VERIFICATION_METHOD_INVALID', `The controller document at ${loaded.source} has id "${String(loaded.document.id)}", not ${controller}.`);
    }
    controllerDocument = loaded.document;
  }
  let material: MethodKey;
  try {
    material = keyOfMethod(method);
  } catch (error) {
    return fail('failed', 'VERIFICATION_METHOD_INVALID', `The key ${id} is not usable: ${isObv3Error(error) || error instanceof Error ? error.message : String(error)}`);
  }
  const listedUnder = (relation: VerificationRelation) =>
    asArray(controllerDocument[relation]).some((entry) => {
      const ref = typeof entry === 'string' ? entry : isObject(entry) ? entry.id : undefined;
      return typeof ref === 'string' && absolute(ref, controller) === listedAs;
    });
  const relations = { assertionMethod: listedUnder('assertionMethod'), authentication: listedUnder('authentication') };
  const retirement: RetirementMarks = {};
  if (method.revoked !== undefined) retirement.revoked = String(method.revoked);
  if (method.expires !== undefined) retirement.expires = String(method.expires);
  return { ok: true, key: { id, controller, ...material, relations, retirement, source } };
}

function findMethod(document: Json, id: string, base: string): Json | undefined {
  for (const relation of ['verificationMethod', 'assertionMethod']) {
    for (const entry of asArray(document[relation])) {
      if (isObject(entry) && typeof entry.id === 'string' && absolute(entry.id, base) === id) return entry;
    }
  }
  return undefined;
}
