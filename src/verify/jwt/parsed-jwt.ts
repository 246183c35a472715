/** A VC-JWT as the parser hands it to the checks: the token, its JOSE header and its claims. */
export interface ParsedJwt {
  /** The compact JWS exactly as given (what the signature covers). */
  compact: string;
  /** The JOSE protected header. */
  header: Record<string, unknown>;
  /** The registered claims found in the payload (iss, sub, jti, nbf, exp, iat, aud). */
  claims: Record<string, unknown>;
  /** `vc`: the credential is the payload's `vc` claim (VC 1.1 JWTs); `payload`: it is the payload itself. */
  credentialIn: 'vc' | 'payload';
}
