/**
 * Where an issuer's JWK Set lives: `https://<issuer host>/.well-known/jwks.json`, for an HTTPS
 * issuer id or a did:web (whose host is the DID's domain). The OB 3.0 implementation guide looks
 * there for the keys of VC-JWTs that name no key URL.
 */
import { Obv3Error } from '../errors.js';
import { isDidWeb, parseDidWeb } from './did-web.js';

export function jwksUrl(issuerId: string): string {
  if (isDidWeb(issuerId)) {
    const { host, port } = parseDidWeb(issuerId);
    return `https://${port === undefined ? host : `${host}:${port}`}/.well-known/jwks.json`;
  }
  if (typeof issuerId === 'string' && issuerId.startsWith('https://') && URL.canParse(issuerId)) {
    return new URL('/.well-known/jwks.json', issuerId).href;
  }
  throw new Obv3Error('INVALID_ARGUMENT', `${JSON.stringify(issuerId)} has no JWK Set: only https:// and did:web issuers publish one.`);
}
