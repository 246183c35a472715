/**
 * A document loader for verifying with plain @digitalbazaar/vc, as an independent path: the
 * bundled contexts as data, did:key documents and methods resolved by identifier.
 */
import { BUNDLED_CONTEXTS, resolveDidKey } from '../../src/index.js';

export async function contextsAndDidKeyLoader(url: string) {
  const context = BUNDLED_CONTEXTS.find((c) => c.url === url);
  if (context) return { contextUrl: null, documentUrl: url, document: context.document };
  const { document, verificationMethod } = resolveDidKey(url);
  return { contextUrl: null, documentUrl: url, document: url.includes('#') ? verificationMethod : document };
}
