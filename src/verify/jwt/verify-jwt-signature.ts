/**
 * The signature of a VC-JWT, checked with jose against the keys its issuer publishes
 * (resolve/jwt-key.ts): never with a key from the token itself. Returns the outcome the proof
 * and issuer-key checks read, like an embedded proof's. Never throws.
 */
import { compactVerify, errors } from 'jose';
import { publicKeyObjectOfJwk } from '../../keys/public-jwk.js';
import { issuerId } from '../credential-fields.js';
import type { Fetcher } from '../fetcher.js';
import { resolveJwtKey, type PublishedJwtKey } from '../resolve/jwt-key.js';
import type { ProofOutcome } from '../verify-proof.js';
import type { ParsedJwt } from './parsed-jwt.js';

/** Asymmetric algorithms whose keys resolveJwtKey can find. HS* (shared secrets) and none never. */
export const JWT_ALGORITHMS: ReadonlySet<string> = new Set(['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'EdDSA']);
// RFC 7519 "JWT" and the VC-JOSE media types, with or without "application/".
const TYP = /^(?:application\/)?(?:jwt|vc\+jwt|vc\+ld\+json\+jwt|vc-ld\+jwt)$/i;

export interface JwtSignatureOutcome extends ProofOutcome {
  /** The published key that verified (or was tried), with where it was published. */
  key?: Omit<PublishedJwtKey, 'jwk'>;
}

export async function verifyJwtSignature(
  jwt: ParsedJwt,
  credential: Record<string, unknown>,
  { fetcher, now }: { fetcher: Fetcher; now: Date },
): Promise<JwtSignatureOutcome> {
  const { header, claims } = jwt;
  const alg = header.alg;
  const kid = typeof header.kid === 'string' ? header.kid : undefined;
  const base = { index: 0, type: 'VC-JWT', ...(kid ? { verificationMethod: kid } : {}) };
  const problem = headerProblem(header);
  if (problem) return { ...base, result: 'invalid', ...problem };

  const issuer = issuerId(credential) ?? (typeof claims.iss === 'string' ? claims.iss : undefined);
  if (!issuer) return { ...base, result: 'invalid', code: 'KEY_NOT_CONTROLLED_BY_ISSUER', message: 'Neither the credential nor the JWT names an issuer, so no published key can be looked up.' };
  const signedAtSeconds = typeof claims.nbf === 'number' ? claims.nbf : typeof claims.iat === 'number' ? claims.iat : undefined;
  const resolved = await resolveJwtKey({
    issuer,
    ...(kid !== undefined ? { kid } : {}),
    ...(header.jwk !== undefined ? { jwk: header.jwk } : {}),
    alg: alg as string,
    ...(signedAtSeconds !== undefined ? { signedAt: new Date(signedAtSeconds * 1000) } : {}),
    now,
  }, fetcher);
  if (!resolved.ok) return { ...base, result: resolved.status === 'failed' ? 'invalid' : 'indeterminate', code: resolved.code, message: resolved.message };

  let failure: string | undefined;
  for (const published of resolved.keys) {
    const { jwk, ...about } = published;
    try {
      // The KeyObject is cached (public-jwk.ts): jose reuses its own conversion of it, too.
      await compactVerify(jwt.compact, publicKeyObjectOfJwk(jwk), { algorithms: [alg as string] });
      const note = about.note ? ` ${about.note}` : '';
      return {
        ...base,
        verificationMethod: about.keyId,
        controller: about.controller,
        key: about,
        result: 'valid',
        message: `JWT signature (${String(alg)}) valid with ${about.keyId === about.url ? 'a key' : about.keyId}, published by ${about.controller} (${describeSource(about)}).${note}`,
      };
    } catch (error) {
      failure = error instanceof errors.JWSSignatureVerificationFailed
        ? 'The JWT signature does not match: the token was changed after signing, or signed with another key.'
        : `The JWT could not be verified: ${error instanceof Error ? error.message : String(error)}.`;
    }
  }
  const [first] = resolved.keys;
  return { ...base, ...(first ? { verificationMethod: first.keyId, controller: first.controller } : {}), result: 'invalid', code: 'PROOF_INVALID', message: failure ?? 'No published key verified the JWT.' };
}

function headerProblem(header: Record<string, unknown>): Pick<ProofOutcome, 'code' | 'message'> | undefined {
  const { alg } = header;
  if (alg === 'none') {
    return { code: 'JWT_ALGORITHM_UNSUPPORTED', message: 'The JWT is unsecured (alg "none"): it carries no signature, so it proves nothing about who wrote it.' };
  }
  if (typeof alg === 'string' && /^HS/.test(alg)) {
    return { code: 'JWT_ALGORITHM_UNSUPPORTED', message: `The JWT uses ${alg}, a shared-secret MAC: anyone holding the secret could have made it, so it cannot show that the issuer signed. Issuers sign with RS256 or ES256.` };
  }
  if (typeof alg !== 'string' || !JWT_ALGORITHMS.has(alg)) {
    return { code: 'JWT_ALGORITHM_UNSUPPORTED', message: `The JWT algorithm ${JSON.stringify(alg)} is not supported (RS256 and ES256 as OB 3.0 names them; also RS384/RS512, PS256–PS512 and EdDSA).` };
  }
  if (header.crit !== undefined) {
    return { code: 'JWT_INVALID', message: `The JWT header marks extensions as critical (crit ${JSON.stringify(header.crit)}) that obv3 does not implement, so it must be rejected (RFC 7515 §4.1.11).` };
  }
  if (header.typ !== undefined && (typeof header.typ !== 'string' || !TYP.test(header.typ))) {
    return { code: 'JWT_INVALID', message: `The JWT header's typ ${JSON.stringify(header.typ)} is not a credential JWT type ("JWT" or "vc+jwt").` };
  }
  if (header.kid !== undefined && (typeof header.kid !== 'string' || header.kid.length === 0)) {
    return { code: 'JWT_INVALID', message: 'The JWT header\'s kid must be a non-empty string.' };
  }
  return undefined;
}

function describeSource(key: Omit<PublishedJwtKey, 'jwk'>): string {
  if (key.source === 'jwks') return `in its JWK Set ${key.url}`;
  return key.url.startsWith('did:') && !key.url.startsWith('did:web:') ? 'resolved from the identifier itself' : `in ${key.url}`;
}
