/**
 * For the examples: an issuer's published documents (DID document, profile document, JWK Set,
 * status lists) served by a real HTTP server on 127.0.0.1, and the verifier's fetch that reaches
 * it. A real verifier would pass a guarded fetch (HTTPS only, no private addresses) instead.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FetchFunction } from '../src/index.js';

/** One document to serve. publishIssuer's PublishedDocuments are these already. */
export interface ServedDocument {
  /** The URL's path, e.g. `/.well-known/did.json` or `/status/1`. */
  path: string;
  contentType: string;
  body: string;
  /** Sent as `Cache-Control`, e.g. `max-age=300` for a status list. */
  cacheControl?: string;
}

/** A real HTTP server on 127.0.0.1 serving the documents by path. */
export async function serve(documents: readonly ServedDocument[]): Promise<Server> {
  const byPath = new Map(documents.map((d) => [d.path, d]));
  const server = createServer((request, response) => {
    const document = byPath.get(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    if (!document) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': document.contentType, ...(document.cacheControl ? { 'cache-control': document.cacheControl } : {}) }).end(document.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/** The verifier's fetch: https://<host>/… goes to the local server, anything else is refused. */
export function routeTo(server: Server, host: string): FetchFunction {
  const { port } = server.address() as AddressInfo;
  return async (url, init) => {
    const target = new URL(url);
    if (target.protocol !== 'https:' || target.host !== host) throw new TypeError(`offline example: ${url} is not served here`);
    return fetch(`http://127.0.0.1:${port}${target.pathname}${target.search}`, init);
  };
}

export function close(server: Server): Promise<void> {
  return new Promise<void>((resolve) => server.close(() => resolve()));
}
