/**
 * The JWK Sets the issuers of the spec's VC-JWT examples would publish: each example's header
 * carries its RSA key, so a JWK Set at `https://<issuer host>/.well-known/jwks.json` lists every
 * header key of that host's examples (EXPECTED.md: "JWKS served by the stub").
 */
import { jwksUrl } from '../../src/keys/jwks-url.js';
import type { Fixture } from './expected-fixtures.js';

export interface DecodedJwt {
  header: Record<string, any>;
  payload: Record<string, any>;
}

export function decodeJwt(text: string): DecodedJwt {
  const [header, payload] = text.trim().split('.') as [string, string];
  const json = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, any>;
  return { header: json(header), payload: json(payload) };
}

export function specExampleJwks(fixtures: readonly Fixture[]): Map<string, { keys: object[] }> {
  const sets = new Map<string, { keys: object[] }>();
  for (const { file, text } of fixtures) {
    if (!file.startsWith('examples/') || !file.endsWith('.jwt')) continue;
    const { header, payload } = decodeJwt(text);
    const url = jwksUrl(payload.iss as string);
    const set = sets.get(url) ?? { keys: [] };
    set.keys.push(header.jwk as object);
    sets.set(url, set);
  }
  return sets;
}
