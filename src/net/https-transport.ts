/**
 * The real transport: node:https, connecting to the vetted addresses only. The host name still
 * goes into SNI, certificate verification and the Host header, so TLS checks the name the
 * caller asked for while the socket goes to the address we checked.
 */
import { request } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { ResolvedAddress, Transport, TransportResponse } from './transport.js';

export interface HttpsTransportOptions {
  /**
   * Certificate authorities to trust instead of Node's bundled list (Node's `ca` option):
   * for issuers behind a private CA, and for tests against a throwaway certificate.
   */
  ca?: string | Buffer | Array<string | Buffer>;
}

export function createHttpsTransport(options: HttpsTransportOptions = {}): Transport {
  const { ca } = options;
  return (transportRequest) =>
    new Promise<TransportResponse>((resolve, reject) => {
      const { url, addresses } = transportRequest;
      const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
      const clientRequest = request({
        host,
        // SNI carries names only; for an IP-literal URL the certificate is checked against the IP.
        servername: isIP(host) === 0 ? host : undefined,
        port: url.port === '' ? 443 : Number(url.port),
        path: `${url.pathname}${url.search}`,
        method: transportRequest.method,
        headers: { ...transportRequest.headers, host: url.host },
        lookup: pinnedLookup(addresses),
        // A pooled socket could have been opened by someone else's request; start fresh each time.
        agent: false,
        signal: transportRequest.signal,
        ...(ca === undefined ? {} : { ca }),
      });
      clientRequest.once('error', reject);
      clientRequest.once('response', (response) => {
        const headers: Array<[string, string]> = [];
        for (let index = 0; index + 1 < response.rawHeaders.length; index += 2) {
          headers.push([response.rawHeaders[index]!, response.rawHeaders[index + 1]!]);
        }
        resolve({
          status: response.statusCode ?? 0,
          statusText: response.statusMessage ?? '',
          headers,
          body: response,
          cancel() {
            response.destroy();
            clientRequest.destroy();
          },
        });
      });
      clientRequest.end();
    });
}

/**
 * Answers Node's connect-time lookup with the addresses already vetted, instead of asking DNS
 * again (a second answer could point somewhere else). Node asks for `all` when it races IPv4
 * and IPv6 (autoSelectFamily), so both callback shapes are served.
 */
function pinnedLookup(addresses: readonly ResolvedAddress[]): LookupFunction {
  return (_hostname, lookupOptions, callback) => {
    const wanted = lookupOptions.family === 4 || lookupOptions.family === 6 ? lookupOptions.family : undefined;
    const usable = wanted === undefined ? addresses : addresses.filter(({ family }) => family === wanted);
    const first = usable[0];
    if (!first) {
      callback(Object.assign(new Error('No vetted address to connect to.'), { code: 'ENOTFOUND' }), '', 0);
      return;
    }
    if (lookupOptions.all) callback(null, usable.map(({ address, family }) => ({ address, family })));
    else callback(null, first.address, first.family);
  };
}
