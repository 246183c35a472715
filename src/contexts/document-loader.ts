/**
 * The JSON-LD document loader every sign and verify call uses. It serves bundled contexts and the
 * documents a caller registered (pre-resolved verification methods, extra contexts) and nothing
 * else: an unknown URL is an error, never a network call.
 */
import { Obv3Error } from '../errors.js';
import { getBundledContext } from './bundled.js';

export interface RemoteDocument {
  contextUrl: null;
  documentUrl: string;
  document: object;
}

export type DocumentLoader = (url: string) => Promise<RemoteDocument>;

/**
 * Builds a loader over the bundled contexts plus `extra` (URL → JSON object). `extra` entries win
 * over nothing: a bundled context URL cannot be overridden, so a caller cannot swap a context
 * under a signature.
 */
export function createDocumentLoader(extra?: ReadonlyMap<string, object>): DocumentLoader {
  return async (url: string): Promise<RemoteDocument> => {
    const bundled = getBundledContext(url);
    const document = bundled?.document ?? extra?.get(url);
    if (document === undefined) {
      throw new Obv3Error(
        'CONTEXT_UNKNOWN',
        `"${url}" is not a bundled JSON-LD context or a known document; obv3 never fetches contexts. ` +
          'Use one of the OB 3.0 / VC contexts, or register it through the `contexts` option.',
      );
    }
    return { contextUrl: null, documentUrl: url, document };
  };
}

/** The loader over bundled contexts only, shared because jsonld caches per loader identity. */
export const bundledDocumentLoader: DocumentLoader = createDocumentLoader();
