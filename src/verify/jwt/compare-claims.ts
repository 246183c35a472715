/**
 * The registered claims of a VC-JWT against the credential it carries: each of `iss`, `jti`,
 * `sub`, `nbf`, `exp` must say what the credential says (jwt-claims.ts derives what that is).
 * A claim that is present and different is a mismatch; one the credential calls for but the JWT
 * lacks is missing (the spec's own examples lack `nbf`). `nbf` and `exp` are judged in time by the
 * valid-from / valid-until checks, through the credential dates they must equal.
 */
import { deriveClaims, type CredentialClaims } from '../../proof/vc-jwt/jwt-claims.js';

export type ClaimName = keyof CredentialClaims;

export interface ClaimComparison {
  claim: ClaimName;
  status: 'match' | 'missing' | 'mismatch' | 'not-applicable';
  /** The credential property the claim must reflect, e.g. `validFrom`. */
  property: string;
  expected?: string | number;
  actual?: unknown;
  message: string;
}

export function compareClaims(credential: Record<string, unknown>, claims: Record<string, unknown>): ClaimComparison[] {
  const { claims: expected, from } = deriveClaims(credential);
  const property: Record<ClaimName, string> = { iss: 'issuer.id', jti: 'id', sub: 'credentialSubject.id', nbf: from.nbf, exp: from.exp };
  return (['iss', 'jti', 'sub', 'nbf', 'exp'] as const).map((claim) => compareOne(claim, property[claim], expected[claim], claims[claim]));
}

function compareOne(claim: ClaimName, property: string, expected: string | number | undefined, actual: unknown): ClaimComparison {
  const base = { claim, property, ...(expected !== undefined ? { expected } : {}), ...(actual !== undefined ? { actual } : {}) };
  const time = claim === 'nbf' || claim === 'exp';
  if (actual === undefined) {
    if (expected !== undefined) return { ...base, status: 'missing', message: `${claim} is missing; it must be ${show(claim, expected)} (the credential's ${property}).` };
    if (claim === 'sub') return { ...base, status: 'missing', message: 'sub is missing, and the credential\'s subject has no id to put there (it is named by a hashed identifier), so nothing in the JWT says whom it is about.' };
    if (claim === 'exp') return { ...base, status: 'not-applicable', message: `No exp, and the credential has no ${property}: neither expires.` };
    return { ...base, status: 'not-applicable', message: `No ${claim}, and the credential has no ${property}.` };
  }
  if (time && (typeof actual !== 'number' || !Number.isFinite(actual))) {
    return { ...base, status: 'mismatch', message: `${claim} is ${JSON.stringify(actual)}, not a NumericDate (seconds since 1970).` };
  }
  if (expected === undefined) {
    const why = claim === 'exp' ? `the credential has no ${property}, so the JWT would expire while the credential says it does not` : `the credential has no ${property}`;
    return { ...base, status: 'mismatch', message: `${claim} is ${show(claim, actual)}, but ${why}.` };
  }
  if (actual !== expected) return { ...base, status: 'mismatch', message: `${claim} is ${show(claim, actual)}, but the credential's ${property} is ${show(claim, expected)}.` };
  return { ...base, status: 'match', message: `${claim} = ${property}.` };
}

function show(claim: ClaimName, value: unknown): string {
  if ((claim === 'nbf' || claim === 'exp') && typeof value === 'number' && Number.isFinite(value)) {
    const date = new Date(value * 1000);
    return Number.isNaN(date.getTime()) ? String(value) : `${value} (${date.toISOString().replace('.000Z', 'Z')})`;
  }
  return JSON.stringify(value);
}
