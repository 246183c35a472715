/**
 * VC-JWT issuing (OB 3.0 §"JSON Web Token Proof Format"): the credential as the JWT payload (in
 * a `vc` claim for a VC 1.1 credential) with `iss`, `jti`, `sub`, `nbf` and `exp` taken from it;
 * the JOSE header is `alg`, `typ: "JWT"` and `kid` (the signer's id), nothing else. RS256 and
 * ES256; EdDSA only when opted into. Refuses, saying why, rather than sign a JWT a verifier
 * would have to reject.
 */
import { buildCredential, type CredentialDraft } from '../build/index.js';
import { Obv3Error } from '../errors.js';
import { jwsSignerOf } from '../keys/jws-signer-of.js';
import type { Ed25519KeyPair, JwsKeyPair, JwsSigner } from '../keys/types.js';
import { signCompactJws } from '../proof/vc-jwt/compact-jws-encoding.js';
import { REGISTERED_CLAIMS, deriveClaims, type DerivedClaims } from '../proof/vc-jwt/jwt-claims.js';
import { assertIssuableShape, assertKeyOfIssuer, withAllocatedStatus, type IssueOptions } from './issue-credential.js';

export interface IssueJwtOptions extends Pick<IssueOptions, 'status' | 'statusPurposes'> {
  /**
   * An RSA (RS256) or P-256 (ES256) key pair, a KMS signer `{ id, algorithm, sign }` (its `id` is
   * the JOSE `kid`), or an Ed25519 key pair with `allowEdDSA`.
   */
  key: JwsKeyPair | JwsSigner | Ed25519KeyPair;
  /** Accept EdDSA (an Ed25519 key). Default false: the official 1EdTech validator accepts only RS256/ES256. */
  allowEdDSA?: boolean;
  /**
   * Sign a credential whose subject has no `id` (a recipient named by a hashed e-mail), so the JWT
   * has no `sub`. Default false: OB 3.0 requires `sub`, and verifiers report its absence.
   */
  allowMissingSub?: boolean;
}

/** Builds a credential from a draft and signs it as a VC-JWT (compact JWS string). */
export async function issueCredentialJwt(draft: CredentialDraft, options: IssueJwtOptions): Promise<string> {
  const credential = buildCredential(draft);
  const signer = jwsSignerOf(options?.key, options?.allowEdDSA === true);
  // Every check before a status index is spent: the status entry does not change the claims.
  const derived = checkSignable(credential, signer, options);
  return encode((await withAllocatedStatus(credential, options)) as unknown as Record<string, unknown>, derived, signer);
}

/** Signs a credential you built yourself (without an embedded proof) as a VC-JWT. */
export async function signCredentialJwt(credential: object, options: Omit<IssueJwtOptions, 'status' | 'statusPurposes'>): Promise<string> {
  const signer = jwsSignerOf(options?.key, options?.allowEdDSA === true);
  return encode(credential as Record<string, unknown>, checkSignable(credential, signer, options), signer);
}

/** Refuses what a verifier would reject; returns the claims, derived once for checking and signing. */
function checkSignable(credential: object, signer: JwsSigner, options: Pick<IssueJwtOptions, 'allowMissingSub'>): DerivedClaims {
  if (typeof credential !== 'object' || credential === null || Array.isArray(credential)) {
    throw new Obv3Error('INVALID_ARGUMENT', 'signCredentialJwt needs the credential object.');
  }
  const record = credential as Record<string, unknown>;
  if (record.proof !== undefined) {
    throw new Obv3Error('INVALID_ARGUMENT', 'The credential already has an embedded proof: a VC-JWT secures the credential itself. Sign the credential without its proof (or keep the embedded-proof form).');
  }
  const clashing = REGISTERED_CLAIMS.filter((claim) => claim in record);
  if (clashing.length > 0) {
    throw new Obv3Error('INVALID_ARGUMENT', `The credential has the propert${clashing.length > 1 ? 'ies' : 'y'} ${clashing.join(', ')}, which the JWT's registered claims would overwrite: remove ${clashing.length > 1 ? 'them' : 'it'}.`);
  }
  assertIssuableShape(credential);
  const derived = deriveClaims(record);
  const { claims, from, timeProblems } = derived;
  const [timeProblem] = timeProblems;
  if (timeProblem) {
    throw new Obv3Error('INVALID_ARGUMENT', timeProblem.problem === 'fractional'
      ? `${timeProblem.property} ${JSON.stringify(timeProblem.value)} has fractions of a second, but JWT times are whole seconds, so ${timeProblem.property === from.nbf ? 'nbf' : 'exp'} could not equal it. Use whole-second timestamps (buildCredential writes them).`
      : `${timeProblem.property} ${JSON.stringify(timeProblem.value)} is not a date-time, so it cannot become a JWT time.`);
  }
  if (claims.nbf === undefined) throw new Obv3Error('INVALID_ARGUMENT', `The credential has no ${from.nbf}, which the JWT's nbf claim must carry.`);
  if (claims.sub === undefined && options.allowMissingSub !== true) {
    throw new Obv3Error('INVALID_ARGUMENT',
      'credentialSubject has no id (the recipient is named by a hashed identifier, e.g. an e-mail), so the JWT cannot carry the "sub" claim OB 3.0 requires, and verifiers report it missing (JWT_CLAIM_MISSING) unless they accept that. Name the recipient by id (e.g. the teacher\'s DID), or pass allowMissingSub: true to sign without sub.');
  }
  assertKidOfIssuer(claims.iss, signer.id);
  return derived;
}

/**
 * The kid must be a key the issuer publishes: a verification method of the issuer (as for
 * embedded proofs), or a plain JWK Set kid of an HTTPS / did:web issuer.
 */
function assertKidOfIssuer(issuer: string | undefined, kid: string): void {
  if (/^[a-z][a-z0-9+.-]*:/i.test(kid)) {
    assertKeyOfIssuer(kid, issuer);
    return;
  }
  if (!(issuer?.startsWith('https://') || issuer?.startsWith('did:web:'))) {
    throw new Obv3Error('INVALID_ARGUMENT',
      `The kid ${JSON.stringify(kid)} is a plain key id, which verifiers look up in the issuer's JWK Set, but the issuer ${String(issuer)} is not an https:// or did:web issuer that publishes one. Give the signer its verification method id as id.`);
  }
}

function encode(credential: Record<string, unknown>, { claims, vc11 }: DerivedClaims, signer: JwsSigner): Promise<string> {
  const registered = {
    iss: claims.iss,
    ...(claims.jti !== undefined ? { jti: claims.jti } : {}),
    ...(claims.sub !== undefined ? { sub: claims.sub } : {}),
    nbf: claims.nbf,
    ...(claims.exp !== undefined ? { exp: claims.exp } : {}),
  };
  const payload = vc11 ? { vc: credential, ...registered } : { ...credential, ...registered };
  return signCompactJws({ alg: signer.algorithm, typ: 'JWT', kid: signer.id }, payload, signer);
}
