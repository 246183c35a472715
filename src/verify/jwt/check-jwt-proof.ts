/**
 * The `proof` check for a VC-JWT: the JWS signature with a key the issuer publishes, then its
 * registered claims against the credential (compare-claims.ts). Same check id and codes as an
 * embedded proof, plus JWT_ALGORITHM_UNSUPPORTED / JWT_INVALID (header), JWT_CLAIM_MISMATCH and
 * JWT_CLAIM_MISSING (a warning when the policy sets acceptMissingJwtClaims).
 */
import type { Check } from '../report.js';
import type { VerificationContext } from '../verification-context.js';
import { compareClaims } from './compare-claims.js';
import type { ParsedJwt } from './parsed-jwt.js';
import { verifyJwtSignature } from './verify-jwt-signature.js';

export async function checkJwtProof(context: VerificationContext, jwt: ParsedJwt): Promise<Omit<Check, 'id'>> {
  const { credential, fetcher, options } = context;
  const outcome = await verifyJwtSignature(jwt, credential, { fetcher, now: options.now });
  context.proofs = [outcome];
  const claims = compareClaims(credential, jwt.claims);
  const details = { proofs: [outcome], jwt: { header: describeHeader(jwt.header), credentialIn: jwt.credentialIn, claims } };
  if (outcome.result !== 'valid') {
    return { status: outcome.result === 'indeterminate' ? 'indeterminate' : 'failed', ...(outcome.code ? { code: outcome.code } : {}), message: outcome.message, details };
  }
  const embedded = credential.proof !== undefined ? ' The credential inside also carries an embedded proof, which is not examined: the JWT is what secures it.' : '';
  const eddsa = outcome.key && jwt.header.alg === 'EdDSA' ? ' (EdDSA: the official 1EdTech validator accepts only RS256 and ES256.)' : '';
  const mismatched = claims.filter((c) => c.status === 'mismatch');
  if (mismatched.length > 0) {
    return { status: 'failed', code: 'JWT_CLAIM_MISMATCH', message: `${outcome.message} But its claims contradict the credential: ${mismatched.map((c) => c.message).join(' ')}`, details };
  }
  const missing = claims.filter((c) => c.status === 'missing');
  if (missing.length > 0) {
    const names = missing.map((c) => c.claim).join(', ');
    const accepted = options.policy.acceptMissingJwtClaims;
    return {
      status: accepted ? 'warning' : 'failed',
      code: 'JWT_CLAIM_MISSING',
      message: `${outcome.message} The JWT lacks the registered claim${missing.length > 1 ? 's' : ''} ${names} that OB 3.0 requires: ${missing.map((c) => c.message).join(' ')} ${accepted
        ? 'Accepted by policy (acceptMissingJwtClaims): the credential\'s own dates and subject were judged instead.'
        : 'Set acceptMissingJwtClaims to accept it (the credential\'s own dates and subject are still judged).'}${embedded}`,
      details,
    };
  }
  const matched = claims.filter((c) => c.status === 'match').map((c) => c.claim).join(', ');
  return { status: 'passed', message: `${outcome.message} Its claims ${matched} match the credential.${eddsa}${embedded}`, details };
}

/** The header members that matter, as given (a header jwk is reported by its public members). */
function describeHeader(header: Record<string, unknown>): Record<string, unknown> {
  const shown: Record<string, unknown> = {};
  for (const member of ['alg', 'typ', 'kid', 'cty'] as const) if (header[member] !== undefined) shown[member] = header[member];
  if (typeof header.jwk === 'object' && header.jwk !== null) {
    const jwk = header.jwk as Record<string, unknown>;
    shown.jwk = Object.fromEntries(['kty', 'crv', 'x', 'y', 'n', 'e', 'kid'].filter((m) => jwk[m] !== undefined).map((m) => [m, jwk[m]]));
  }
  const ignored = Object.keys(header).filter((m) => !['alg', 'typ', 'kid', 'cty', 'jwk'].includes(m));
  if (ignored.length > 0) shown.ignored = ignored; // e.g. jku, x5u, x5c: never followed
  return shown;
}
