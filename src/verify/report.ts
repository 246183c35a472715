/**
 * The verification report: the contract state agencies file. Its JSON shape is described by
 * `schemas/verification-report-v1.schema.json`; bump REPORT_VERSION on any breaking change.
 */

export const REPORT_VERSION = '1.0.0';

export type CheckStatus = 'passed' | 'failed' | 'warning' | 'skipped' | 'indeterminate';

/** The checks, in the order they always appear in a report. */
export const CHECK_IDS = [
  'parse',
  'context',
  'type',
  'schema',
  'subject',
  'proof',
  'issuer-key',
  'valid-from',
  'valid-until',
  'status',
  'endorsements',
  // CLR: every credential a ClrCredential embeds, verified with this same pipeline.
  'credentials',
  'trust',
] as const;

export type CheckId = (typeof CHECK_IDS)[number];

/** Stable report codes; documented in the README. */
export type CheckCode =
  // parse
  | 'INPUT_NOT_JSON'
  | 'INPUT_NOT_OBJECT'
  | 'INPUT_TOO_LARGE'
  | 'INPUT_TOO_DEEP'
  | 'INPUT_FORBIDDEN_KEY'
  | 'INPUT_FORMAT_UNSUPPORTED'
  // parse: baked PNG/SVG images (src/bake); unbake() throws Obv3Errors with the same codes
  | 'BAKED_IMAGE_INVALID'
  | 'BAKED_CREDENTIAL_MISSING'
  | 'BAKED_CREDENTIAL_INVALID'
  | 'OB2_ASSERTION'
  // context
  | 'CONTEXT_MISSING'
  | 'CONTEXT_ORDER'
  | 'CONTEXT_UNKNOWN'
  | 'CONTEXT_OUTDATED'
  | 'VC_1_1'
  // type
  | 'TYPE_INVALID'
  // schema
  | 'SCHEMA_INVALID'
  | 'CREDENTIAL_SCHEMA_UNAVAILABLE'
  // subject
  | 'SUBJECT_MISSING'
  | 'SUBJECT_IDENTIFIER_MISSING'
  | 'ACHIEVEMENT_MISSING'
  // proof
  | 'PROOF_MISSING'
  | 'PROOF_INVALID'
  | 'PROOF_TYPE_UNSUPPORTED'
  | 'CRYPTOSUITE_UNSUPPORTED'
  | 'LEGACY_CRYPTOSUITE'
  | 'INPUT_TOO_COMPLEX'
  | 'VERIFICATION_METHOD_UNRESOLVABLE'
  | 'VERIFICATION_METHOD_INVALID'
  | 'KEY_NOT_AUTHORIZED'
  | 'KEY_REVOKED'
  | 'KEY_EXPIRED'
  // issuer-key
  | 'KEY_NOT_CONTROLLED_BY_ISSUER'
  | 'ISSUER_UNRESOLVABLE'
  | 'ISSUER_ACCEPTED_BY_POLICY'
  // valid-from / valid-until
  | 'NOT_YET_VALID'
  | 'EXPIRED'
  | 'DATE_INVALID'
  // status
  | 'REVOKED'
  | 'SUSPENDED'
  | 'STATUS_UNAVAILABLE'
  | 'STATUS_TYPE_UNSUPPORTED'
  | 'STATUS_LIST_ISSUER_MISMATCH'
  | 'STATUS_INDEX_NUMERIC'
  // trust
  | 'ISSUER_NOT_TRUSTED'
  // schema (declared schemas read as JSON-LD); CLR bundles: embedded credentials, associations
  | 'SCHEMA_SINGLE_VALUE'
  | 'CLR_CREDENTIALS_MISSING'
  | 'EMBEDDED_CREDENTIAL_NOT_VERIFIED'
  | 'EMBEDDED_CREDENTIALS_TOO_MANY'
  | 'EMBEDDING_TOO_DEEP'
  | 'EMBEDDED_RECIPIENT_MISMATCH'
  | 'ASSOCIATION_DANGLING'
  // proof (did:web resolution); endorsements
  | 'DID_NOT_FOUND'
  | 'DID_DOCUMENT_INVALID'
  | 'DID_ID_MISMATCH'
  | 'ENDORSEMENT_INVALID'
  | 'ENDORSEMENT_UNVERIFIABLE'
  | 'ENDORSEMENT_LIMIT_EXCEEDED'
  // VC-JWT: parse and proof; presentations: verifyPresentation's own checks
  | 'JWT_INVALID'
  | 'JWT_ALGORITHM_UNSUPPORTED'
  | 'JWT_CLAIM_MISSING'
  | 'JWT_CLAIM_MISMATCH'
  | 'PRESENTATION_EMPTY'
  | 'CHALLENGE_MISSING'
  | 'CHALLENGE_MISMATCH'
  | 'DOMAIN_MISSING'
  | 'DOMAIN_MISMATCH'
  | 'HOLDER_MISMATCH'
  | 'HOLDER_NOT_PROVEN';

export interface Check {
  id: CheckId;
  status: CheckStatus;
  code?: CheckCode;
  message: string;
  details?: unknown;
}

export type InputFormat = 'json' | 'jwt' | 'png' | 'svg';

/** A document the verifier fetched through `options.fetch`, recorded so a report can be filed. */
export interface FetchedDocument {
  url: string;
  /** HTTP status, or absent when the request failed before a response. */
  status?: number;
  /** SHA-256 (hex) of the response body bytes, when a body was read. */
  sha256?: string;
  /** ISO time the response was received (from the real clock, not `options.now`). */
  fetchedAt: string;
  error?: string;
  /** Served from the status-list cache: `fetchedAt` is when it was really fetched. */
  fromCache?: boolean;
}

/** What the verification relied on: enough for an agency to file and later re-check the report. */
export interface ReportProvenance {
  reportVersion: string;
  /** SHA-256 (hex) of the input exactly as given (UTF-8 text for objects: their JSON). */
  inputSha256: string;
  library: { name: 'obv3'; version: string };
  /** Each bundled context URL with the SHA-256 (hex) of the bytes we serve for it. */
  contexts: { url: string; sha256: string }[];
  /** The policy in force (defaults filled in). */
  policy: VerificationPolicy;
  /** The instant the credential was judged at (ISO). */
  now: string;
  /** When the verification actually ran (ISO, real clock). */
  verifiedAt: string;
  fetched: FetchedDocument[];
}

/** Decisions a caller may change; the defaults are the strict ones. */
export interface VerificationPolicy {
  /**
   * Accept a credential whose issuer id cannot be resolved to keys (e.g. `urn:uuid:…` signed by a
   * did:key). The key's controller is then named as the proven issuer. Default false.
   */
  acceptUnresolvableIssuer: boolean;
  /** Accept a credential whose status could not be determined. Default false. */
  acceptUnavailableStatus: boolean;
  /**
   * Accept a status list issued by someone other than the credential's issuer (the W3C spec
   * allows it, e.g. a status service). Default false: STATUS_LIST_ISSUER_MISMATCH.
   */
  acceptStatusListFromOtherIssuer: boolean;
  /** Tolerated clock skew in seconds for valid-from / valid-until. Default 0. */
  clockSkewSeconds: number;
  /** Fail the credential when an embedded endorsement does not verify. Default false. */
  requireValidEndorsements: boolean;
  /**
   * VC-JWT: accept a JWT that lacks a registered claim its credential calls for (`nbf`, `exp`,
   * `sub`, `iss`, `jti`), as the OB 3.0 spec's own examples do; the proof check is then a warning
   * `JWT_CLAIM_MISSING` instead of failing. A claim that is present but wrong always fails. Default false.
   */
  acceptMissingJwtClaims: boolean;
}

export interface VerificationReport {
  verified: boolean;
  format: InputFormat;
  /** The parsed credential, when the input parsed. */
  credential?: Record<string, unknown>;
  checks: Check[];
  /** The issuer id the proofs establish (the credential's issuer, or by policy the key's controller). */
  provenIssuer?: string;
  /**
   * For a ClrCredential: one report per credential it embeds (`credentialSubject.verifiableCredential`),
   * in document order, each from the same pipeline. Their fetches are in this report's provenance.
   */
  embeddedCredentials?: EmbeddedCredentialReport[];
  provenance: ReportProvenance;
}

/** The report on one credential embedded in another (a CLR), sharing the outer report's provenance. */
export interface EmbeddedCredentialReport {
  /** JSON Pointer to the credential in the outer one, e.g. `/credentialSubject/verifiableCredential/0`. */
  path: string;
  /** SHA-256 (hex) of the embedded credential's JSON text (JSON.stringify of it as embedded). */
  inputSha256: string;
  verified: boolean;
  credential?: Record<string, unknown>;
  checks: Check[];
  provenIssuer?: string;
  /** Credentials embedded in this one (a CLR inside a CLR), within the nesting limit. */
  embeddedCredentials?: EmbeddedCredentialReport[];
}
