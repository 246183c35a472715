/**
 * For the examples: an issuer's published documents (DID document, profile document, JWK Set)
 * served by a real HTTP server on 127.0.0.1, and the verifier's fetch that reaches it. A real
 * verifier would pass a guarded fetch (HTTPS only, no private addresses) instead.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FetchFunction, PublishedDocument } from '../src/index.js';

/** A real HTTP server on 127.0.0.1 serving the documents by path. */
export async function serve(documents: readonly PublishedDocument[]): Promise<Server> {
  const byPath = new Map(documents.map((d) => [d.path, d]));
  const server = createServer((request, response) => {
    const document = byPath.get(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    if (!document) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': document.contentType }).end(document.body);
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
