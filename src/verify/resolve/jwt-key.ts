/**
 * The public key a VC-JWT was signed with, as the issuer publishes it (the OB 3.0 implementation
 * guide's key provenance). The JWT verifier calls `resolveJwtKey` with the JOSE header
 * and the credential's issuer, and verifies the signature with each key returned (usually one):
 *
 * - `kid` a DID URL or HTTPS URL → that verification method, resolved like an embedded proof's
 *   key (resolve-key.ts): listed by its controller under assertionMethod, the controller is the
 *   issuer, and its retirement marks judged at `signedAt`;
 * - otherwise the issuer's own keys: a did:key / did:jwk issuer's key, or for an HTTPS or did:web
 *   issuer the JWK Set at `https://<issuer host>/.well-known/jwks.json`, picked by a plain `kid`
 *   and/or the header's `jwk`; a JWK whose `iss` member names someone else is never used.
 *
 * A `jwk` in the header is only ever a selector: it is accepted when it is the same key as one
 * the issuer publishes, and the published copy is what is returned. The key in the header alone
 * proves nothing.
 *
 * Caller: the JWT verifier (verify/jwt/verify-jwt-signature.ts), with
 * `{ issuer, kid?, jwk?, alg?, signedAt?, now }` and its fetcher. Key types: RSA, EC P-256 and OKP
 * Ed25519; `alg` picks which type is returned. The result is the published copies (never the
 * header's key) or a failure carrying the same codes as the `proof` check. Not exported from
 * obv3: the README describes the behaviour (VC-JWT, verifying, step 2), not this function.
 */
import { isObv3Error } from '../../errors.js';
import type { PublicJsonWebKey } from '../../keys/controller-document.js';
import { isDidWeb } from '../../keys/did-web.js';
import { jwksUrl } from '../../keys/jwks-url.js';
import { jwkFamily, readPublicJwk, sameKey, type PublicKeyAlgorithmFamily } from '../../keys/public-jwk.js';
import { asArray, isObject } from '../credential-fields.js';
import { isDefinitiveFailure, type Fetcher } from '../fetcher.js';
import { judgeKeyRetirement } from '../key-retirement.js';
import { resolveKey } from './resolve-key.js';
import { fail, type ResolutionFailure, type ResolvedKey } from './resolved-key.js';

export interface JwtKeyRequest {
  /** The credential's issuer id (what `iss` must equal). */
  issuer: string;
  /** The JOSE header `kid`, if any. */
  kid?: string;
  /** The JOSE header `jwk`, if any: used only to pick among published keys. */
  jwk?: unknown;
  /** The JOSE header `alg`: only keys of its type are returned. */
  alg?: string;
  /** When the JWT says it was signed (`nbf`, else `iat`), for keys retired with `expires`. */
  signedAt?: Date;
  /** The instant the verification judges key revocation and expiry at. */
  now: Date;
}

export interface PublishedJwtKey {
  /** The published key (the issuer's copy, never the header's). */
  jwk: PublicJsonWebKey;
  /** Its verification method id, or its `kid` in the JWK Set. */
  keyId: string;
  /** Always the issuer. */
  controller: string;
  source: 'verification-method' | 'jwks' | 'did';
  /** Where it was published (the document fetched, or the DID). */
  url: string;
  /** Set when the key is retired but the JWT was signed before that. */
  note?: string;
}

export type JwtKeyResolution = { ok: true; keys: PublishedJwtKey[] } | ResolutionFailure;

/**
 * The key type each algorithm of JWT_ALGORITHMS (verify-jwt-signature.ts, which refuses any other
 * alg before asking for a key) needs.
 */
const ALG_FAMILIES: Readonly<Record<string, PublicKeyAlgorithmFamily>> = {
  RS256: 'RSA', RS384: 'RSA', RS512: 'RSA', PS256: 'RSA', PS384: 'RSA', PS512: 'RSA',
  ES256: 'EC P-256',
  EdDSA: 'OKP Ed25519',
};

export async function resolveJwtKey(request: JwtKeyRequest, fetcher: Fetcher): Promise<JwtKeyResolution> {
  const { issuer, kid, alg } = request;
  const family = alg === undefined ? undefined : ALG_FAMILIES[alg];
  if (alg !== undefined && !family) {
    return fail('failed', 'VERIFICATION_METHOD_INVALID', `The JWT algorithm ${JSON.stringify(alg)} has no supported key type (supported: RS256/PS256 family, ES256, EdDSA).`);
  }
  let headerJwk: PublicJsonWebKey | undefined;
  if (request.jwk !== undefined) {
    try {
      headerJwk = readPublicJwk(request.jwk, 'the JWT header\'s jwk');
    } catch (error) {
      return fail('failed', 'VERIFICATION_METHOD_INVALID', messageOf(error));
    }
  }
  if (kid !== undefined && /^(did:|https?:)/i.test(kid)) return fromVerificationMethod(kid, request, family, headerJwk, fetcher);
  if (issuer.startsWith('did:key:') || issuer.startsWith('did:jwk:')) return fromIssuerDid(request, family, headerJwk, fetcher);
  if (issuer.startsWith('https://') || isDidWeb(issuer)) return fromJwks(request, family, headerJwk, fetcher);
  return fail('failed', 'KEY_NOT_CONTROLLED_BY_ISSUER', `The issuer ${issuer} publishes no keys (it is neither a DID nor an https:// URL), so no key can be tied to it.`);
}

async function fromVerificationMethod(
  kid: string,
  request: JwtKeyRequest,
  family: PublicKeyAlgorithmFamily | undefined,
  headerJwk: PublicJsonWebKey | undefined,
  fetcher: Fetcher,
): Promise<JwtKeyResolution> {
  const resolved = await resolveKey(kid, fetcher);
  if (!resolved.ok) return resolved;
  const checked = checkMethodKey(resolved.key, request, family, headerJwk);
  if (!checked.ok) return checked;
  return { ok: true, keys: [{ jwk: resolved.key.jwk, keyId: resolved.key.id, controller: resolved.key.controller, source: 'verification-method', url: resolved.key.source, ...checked.note }] };
}

async function fromIssuerDid(
  request: JwtKeyRequest,
  family: PublicKeyAlgorithmFamily | undefined,
  headerJwk: PublicJsonWebKey | undefined,
  fetcher: Fetcher,
): Promise<JwtKeyResolution> {
  // A did:key or did:jwk has exactly one key, named by a fixed fragment.
  const { issuer } = request;
  const vmId = issuer.startsWith('did:jwk:') ? `${issuer}#0` : `${issuer}#${issuer.slice('did:key:'.length)}`;
  if (request.kid !== undefined && request.kid !== vmId && `${issuer}${request.kid.startsWith('#') ? '' : '#'}${request.kid}` !== vmId) {
    return fail('failed', 'KEY_NOT_CONTROLLED_BY_ISSUER', `The JWT names the key ${JSON.stringify(request.kid)}, but the issuer ${issuer} has only the key ${vmId}.`);
  }
  const resolved = await resolveKey(vmId, fetcher);
  if (!resolved.ok) return resolved;
  const checked = checkMethodKey(resolved.key, request, family, headerJwk);
  if (!checked.ok) return checked;
  return { ok: true, keys: [{ jwk: resolved.key.jwk, keyId: vmId, controller: issuer, source: 'did', url: issuer, ...checked.note }] };
}

function checkMethodKey(
  key: ResolvedKey,
  request: JwtKeyRequest,
  family: PublicKeyAlgorithmFamily | undefined,
  headerJwk: PublicJsonWebKey | undefined,
): { ok: true; note: { note?: string } } | ResolutionFailure {
  if (!key.relations.assertionMethod) return fail('failed', 'KEY_NOT_AUTHORIZED', `The key ${key.id} is not listed under assertionMethod by its controller ${key.controller}.`);
  if (key.controller !== request.issuer) {
    return fail('failed', 'KEY_NOT_CONTROLLED_BY_ISSUER', `The JWT claims issuer ${request.issuer} but names the key ${key.id}, controlled by ${key.controller}.`);
  }
  if (key.jwk.iss !== undefined && key.jwk.iss !== request.issuer) {
    return fail('failed', 'KEY_NOT_CONTROLLED_BY_ISSUER', `The key ${key.id} is published for ${JSON.stringify(key.jwk.iss)} (its "iss"), not for ${request.issuer}.`);
  }
  if (family && jwkFamily(key.jwk) !== family) {
    return fail('failed', 'VERIFICATION_METHOD_INVALID', `The JWT is signed with ${request.alg}, which needs an ${family} key, but ${key.id} is an ${jwkFamily(key.jwk)} key.`);
  }
  if (headerJwk && !sameKey(headerJwk, key.jwk)) {
    return fail('failed', 'KEY_NOT_CONTROLLED_BY_ISSUER', `The JWT header carries a jwk that is not the key ${key.id} the issuer publishes.`);
  }
  const signedAt = request.signedAt && !Number.isNaN(request.signedAt.getTime()) ? request.signedAt.toISOString() : undefined;
  const retirement = judgeKeyRetirement(key.id, key.retirement, signedAt, request.now);
  if (!retirement.ok) return fail('failed', retirement.code, retirement.message);
  return { ok: true, note: retirement.note ? { note: retirement.note } : {} };
}

async function fromJwks(
  request: JwtKeyRequest,
  family: PublicKeyAlgorithmFamily | undefined,
  headerJwk: PublicJsonWebKey | undefined,
  fetcher: Fetcher,
): Promise<JwtKeyResolution> {
  const { issuer, kid, alg } = request;
  const url = jwksUrlOf(issuer);
  if (!url) return fail('failed', 'VERIFICATION_METHOD_INVALID', `${issuer} is not a valid issuer id to look up a JWK Set for.`);
  const fetched = await fetcher.fetchJson(url);
  if (!fetched.ok) {
    return fail(isDefinitiveFailure(fetched) ? 'failed' : 'indeterminate', 'VERIFICATION_METHOD_UNRESOLVABLE', `The JWT names no key URL, and the issuer's JWK Set could not be read: ${fetched.message}`);
  }
  if (!isObject(fetched.json) || !Array.isArray(fetched.json.keys)) {
    return fail('failed', 'VERIFICATION_METHOD_INVALID', `${url} is not a JWK Set (an object with a "keys" array).`);
  }
  const published: PublicJsonWebKey[] = [];
  for (const entry of asArray(fetched.json.keys)) {
    try {
      published.push(readPublicJwk(entry));
    } catch {
      // An unusable entry (another key type, a broken key) cannot be this JWT's key; the rest can.
    }
  }
  const forIssuer = published.filter((jwk) => jwk.iss === undefined || jwk.iss === issuer);
  const matching = forIssuer.filter((jwk) =>
    (kid === undefined || jwk.kid === kid) &&
    (headerJwk === undefined || sameKey(headerJwk, jwk)) &&
    (family === undefined || jwkFamily(jwk) === family) &&
    (alg === undefined || jwk.alg === undefined || jwk.alg === alg));
  if (matching.length === 0) {
    const wanted = [kid !== undefined ? `kid ${JSON.stringify(kid)}` : '', headerJwk ? 'the header\'s jwk' : '', family ? `an ${family} key` : ''].filter(Boolean).join(', ');
    const otherIssuer = published.length > forIssuer.length ? ` (${published.length - forIssuer.length} key(s) there are published for other issuers)` : '';
    return fail('failed', 'KEY_NOT_CONTROLLED_BY_ISSUER', `No key in ${url} matches ${wanted || 'the JWT'}${otherIssuer}: the issuer ${issuer} does not publish the key this JWT was signed with.`);
  }
  return {
    ok: true,
    keys: matching.map((jwk) => ({ jwk, keyId: typeof jwk.kid === 'string' ? jwk.kid : url, controller: issuer, source: 'jwks' as const, url })),
  };
}

function jwksUrlOf(issuer: string): string | undefined {
  try {
    return jwksUrl(issuer);
  } catch {
    return undefined;
  }
}

function messageOf(error: unknown): string {
  return isObv3Error(error) || error instanceof Error ? error.message : String(error);
}
