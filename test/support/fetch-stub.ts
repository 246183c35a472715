/**
 * A stand-in for `fetch` that answers as issuers' servers would, so tests never touch the network.
 * It also records every URL asked for.
 */
import { didWebDocumentUrl } from '../../src/keys/did-web.js';
import type { FetchFunction } from '../../src/verify/options.js';

export interface FetchStub {
  fetch: FetchFunction;
  requested: string[];
}

export function fetchStub(documents: ReadonlyMap<string, unknown> | Record<string, unknown>): FetchStub {
  const map = documents instanceof Map ? documents : new Map(Object.entries(documents));
  const requested: string[] = [];
  const fetch: FetchFunction = async (url) => {
    requested.push(url);
    if (!map.has(url)) return new Response('not found', { status: 404 });
    const body = map.get(url);
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { fetch, requested };
}

/**
 * The documents the issuers of the given credentials would publish: for each HTTPS verification
 * method `https://host/path#z6Mk…`, a controlled identifier document at `https://host/path`, and
 * for each `did:web:…#z6Mk…`, the DID document at the did:web URL, listing that Multikey (the
 * fragment's multibase is the public key) under assertionMethod.
 */
export function issuerKeyDocuments(credentials: readonly unknown[]): Map<string, object> {
  const docs = new Map<string, { '@context': string[]; id: string; verificationMethod: object[]; assertionMethod: string[] }>();
  for (const credential of credentials) {
    for (const proof of proofsOf(credential)) {
      const vm = (proof as { verificationMethod?: unknown }).verificationMethod;
      if (typeof vm !== 'string' || !vm.includes('#')) continue;
      const [documentId, fragment] = vm.split('#') as [string, string];
      let documentUrl: string;
      if (vm.startsWith('https://')) documentUrl = documentId;
      else if (vm.startsWith('did:web:')) documentUrl = didWebDocumentUrl(documentId);
      else continue;
      const doc = docs.get(documentUrl) ?? {
        '@context': vm.startsWith('did:') ? ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'] : ['https://www.w3.org/ns/cid/v1'],
        id: documentId,
        verificationMethod: [],
        assertionMethod: [],
      };
      if (!doc.assertionMethod.includes(vm)) {
        doc.verificationMethod.push({ id: vm, type: 'Multikey', controller: documentId, publicKeyMultibase: fragment });
        doc.assertionMethod.push(vm);
      }
      docs.set(documentUrl, doc);
    }
  }
  return docs;
}

function proofsOf(credential: unknown): unknown[] {
  const proof = (credential as { proof?: unknown })?.proof;
  return proof === undefined ? [] : Array.isArray(proof) ? proof : [proof];
}
