/**
 * did:web identifiers and the URL of their DID document, by the did:web method rules:
 *
 *   did:web:example.com             → https://example.com/.well-known/did.json
 *   did:web:example.com:district:7  → https://example.com/district/7/did.json
 *   did:web:localhost%3A8443        → https://localhost:8443/.well-known/did.json
 *
 * Written here rather than taken from a DID resolver package: the rules are a dozen lines of
 * string handling, and the resolvers we looked at (did-resolver + web-did-resolver) fetch with the
 * global fetch, which would bypass the verifier's budget, size cap and provenance record.
 */
import { Obv3Error } from '../errors.js';

const PREFIX = 'did:web:';
// A DNS name: labels of letters, digits and hyphens (not at either end), separated by dots.
const HOST_NAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
// A URL path segment: unreserved characters, sub-delimiters, "@" and percent-escapes ("/" and ":"
// cannot occur, and "%2F" would smuggle a "/" in, so it is refused too).
const PATH_SEGMENT = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=@]|%(?!2[Ff])[0-9A-Fa-f]{2})+$/;

export interface DidWebParts {
  /** The DID without fragment, e.g. `did:web:example.com:district:7`. */
  did: string;
  host: string;
  port?: number;
  /** Path segments as written in the DID (percent-escapes kept). */
  path: string[];
  /** The fragment of a DID URL (`#key-1` → `key-1`), when there was one. */
  fragment?: string;
}

/** True when `value` starts like a did:web (it may still be malformed). */
export function isDidWeb(value: string): boolean {
  return value.startsWith(PREFIX);
}

/**
 * Splits a did:web DID or DID URL (`did:web:example.com#key-1`). Throws Obv3Error KEY_INVALID,
 * naming the rule broken, for anything the method does not allow: no host, an IP address, a
 * bad port, an empty or dot path segment, a query or a DID path.
 */
export function parseDidWeb(didOrDidUrl: string): DidWebParts {
  if (typeof didOrDidUrl !== 'string' || !didOrDidUrl.startsWith(PREFIX)) {
    throw invalid(didOrDidUrl, 'must start with "did:web:"');
  }
  const hash = didOrDidUrl.indexOf('#');
  const did = hash === -1 ? didOrDidUrl : didOrDidUrl.slice(0, hash);
  const fragment = hash === -1 ? undefined : didOrDidUrl.slice(hash + 1);
  if (/[/?\s]/.test(did)) throw invalid(didOrDidUrl, 'may not contain "/", "?" or spaces: DID paths and queries are not part of did:web');
  const [domain = '', ...path] = did.slice(PREFIX.length).split(':');
  const { host, port } = splitDomain(domain, didOrDidUrl);
  for (const segment of path) {
    if (segment === '.' || segment === '..' || !PATH_SEGMENT.test(segment)) {
      throw invalid(didOrDidUrl, `has the path segment ${JSON.stringify(segment)}; segments must be non-empty URL path text, not "." or ".."`);
    }
  }
  return { did, host, ...(port !== undefined ? { port } : {}), path, ...(fragment !== undefined ? { fragment } : {}) };
}

/** The HTTPS URL of the DID document of a did:web DID (a fragment is ignored). */
export function didWebDocumentUrl(didOrDidUrl: string): string {
  const { host, port, path } = parseDidWeb(didOrDidUrl);
  const authority = port === undefined ? host : `${host}:${port}`;
  const location = path.length === 0 ? '/.well-known' : `/${path.join('/')}`;
  return `https://${authority}${location}/did.json`;
}

/**
 * The did:web DID for an HTTPS location: `https://example.com` → `did:web:example.com`,
 * `https://example.com/district/7` → `did:web:example.com:district:7`. The DID document is then
 * served at `didWebDocumentUrl(did)`.
 */
export function didWebFromUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Obv3Error('INVALID_ARGUMENT', `${JSON.stringify(url)} is not a URL; give the HTTPS location of the issuer, e.g. https://district.example.`);
  }
  if (parsed.protocol !== 'https:') throw new Obv3Error('INVALID_ARGUMENT', `did:web is HTTPS only; ${url} uses ${parsed.protocol}`);
  if (parsed.search || parsed.hash || parsed.username || parsed.password) {
    throw new Obv3Error('INVALID_ARGUMENT', `${url} has a query, fragment or credentials; a did:web names only a host and a path.`);
  }
  const path = parsed.pathname.split('/').filter((s) => s.length > 0);
  if (path.at(-1) === 'did.json') path.pop();
  if (path.length === 1 && path[0] === '.well-known') path.pop();
  const domain = parsed.port ? `${parsed.hostname}%3A${parsed.port}` : parsed.hostname;
  const did = [PREFIX + domain, ...path].join(':');
  parseDidWeb(did);
  return did;
}

function splitDomain(domain: string, original: string): { host: string; port?: number } {
  const match = /^(.*?)(?:%3[Aa](\d+))?$/.exec(domain);
  const host = match?.[1] ?? '';
  const portText = match?.[2];
  if (host.length === 0) throw invalid(original, 'names no host');
  if (IPV4.test(host) || host.startsWith('[')) throw invalid(original, 'names an IP address; the did:web method requires a domain name');
  if (!HOST_NAME.test(host)) throw invalid(original, `has the host ${JSON.stringify(host)}, which is not a domain name (a port must be written %3A, e.g. localhost%3A8443)`);
  if (portText === undefined) return { host };
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw invalid(original, `has the port ${portText}, which is not between 1 and 65535`);
  return { host, port };
}

function invalid(value: unknown, why: string): Obv3Error {
  return new Obv3Error('KEY_INVALID', `${JSON.stringify(value)} is not a valid did:web: it ${why}.`);
}
