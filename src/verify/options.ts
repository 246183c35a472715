/**
 * What a caller may pass to verifyCredential, and its normalization. Bad options are misuse and
 * throw; everything about the credential itself goes into the report instead.
 */
import { Obv3Error } from '../errors.js';
import {
  DEFAULT_FETCH_TIMEOUT_MS,
  DEFAULT_MAX_DEPTH,
  DEFAULT_MAX_EMBEDDED_CREDENTIALS,
  DEFAULT_MAX_ENDORSEMENT_DEPTH,
  DEFAULT_MAX_ENDORSEMENTS,
  DEFAULT_MAX_FETCHES,
  DEFAULT_MAX_FETCH_BYTES,
  DEFAULT_MAX_INPUT_BYTES,
  MAX_ALLOWED_DEPTH,
} from './limits.js';
import type { TrustRegistry } from '../model/index.js';
import { sha256 } from '../sha256.js';
import { JURISDICTION_PATTERN, checkedRegistrySha256, loadTrustRegistry } from '../schema/trust-registry.js';
import type { VerificationPolicy } from './report.js';

/** The global fetch's signature: the only way the verifier reaches the network. */
export type FetchFunction = (input: string, init?: RequestInit) => Promise<Response>;

export interface VerifyOptions extends Partial<VerificationPolicy> {
  /** The instant to judge validity at. Default: the real clock. */
  now?: Date;
  /** Without it nothing is fetched and checks that need the network are `indeterminate`. */
  fetch?: FetchFunction;
  /** Extra JSON-LD contexts (URL → document) to accept besides the bundled ones. */
  contexts?: Readonly<Record<string, object>>;
  maxInputBytes?: number;
  maxDepth?: number;
  maxFetches?: number;
  maxFetchBytes?: number;
  fetchTimeoutMs?: number;
  /** Most credentials verified inside a CLR, all nesting levels together. Default 256. */
  maxEmbeddedCredentials?: number;
  /** Most endorsements verified, all depths together. Default 16. */
  maxEndorsements?: number;
  /** How deep embedded endorsements are followed (1: only the credential's own). Default 2. */
  maxEndorsementDepth?: number;
  /** Whom to trust. Without it the trust check is `skipped`. */
  trust?: TrustOptions;
}

export interface TrustOptions {
  /**
   * One or more registries: from loadTrustRegistry, or verifyTrustRegistry for a signed one. A
   * plain registry object is accepted too, but is then checked again on every verification.
   */
  registry: TrustRegistry | readonly TrustRegistry[];
  /**
   * The jurisdiction the decision is for (ISO 3166, e.g. `US-OR`). Entries limited to
   * jurisdictions apply only when it is one of theirs.
   */
  jurisdiction?: string;
}

/** A registry checked at option time, with the SHA-256 of its JSON (reported with each decision). */
export interface LoadedTrustRegistry {
  registry: TrustRegistry;
  sha256: string;
}

/** A context document as the report's provenance names it. */
export interface ContextDigest {
  url: string;
  /** SHA-256 (hex) of the document's JSON. */
  sha256: string;
}

export interface NormalizedVerifyOptions {
  now: Date;
  fetch: FetchFunction | undefined;
  contexts: ReadonlyMap<string, object>;
  /** The extra contexts' digests, for every report's provenance (hashed once, here). */
  contextDigests: readonly ContextDigest[];
  policy: VerificationPolicy;
  maxInputBytes: number;
  maxDepth: number;
  maxFetches: number;
  maxFetchBytes: number;
  fetchTimeoutMs: number;
  maxEmbeddedCredentials: number;
  maxEndorsements: number;
  maxEndorsementDepth: number;
  trust?: { registries: LoadedTrustRegistry[]; jurisdiction?: string };
}

export function normalizeVerifyOptions(options: VerifyOptions = {}): NormalizedVerifyOptions {
  if (typeof options !== 'object' || options === null) {
    throw new Obv3Error('INVALID_ARGUMENT', 'verifyCredential options must be an object, e.g. { now: new Date() }.');
  }
  const { now = new Date(), fetch, contexts = {} } = options;
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw new Obv3Error('INVALID_ARGUMENT', 'options.now must be a valid Date, e.g. new Date("2026-05-01T12:00:00Z").');
  }
  if (fetch !== undefined && typeof fetch !== 'function') {
    throw new Obv3Error('INVALID_ARGUMENT', 'options.fetch must be a function with the signature of the global fetch.');
  }
  if (typeof contexts !== 'object' || contexts === null) {
    throw new Obv3Error('INVALID_ARGUMENT', 'options.contexts must map context URLs to JSON-LD context documents.');
  }
  const contextMap = new Map(Object.entries(contexts));
  return {
    now,
    fetch,
    contexts: contextMap,
    contextDigests: digestContexts(contextMap),
    policy: {
      acceptUnresolvableIssuer: flag(options.acceptUnresolvableIssuer, 'acceptUnresolvableIssuer'),
      acceptUnavailableStatus: flag(options.acceptUnavailableStatus, 'acceptUnavailableStatus'),
      acceptStatusListFromOtherIssuer: flag(options.acceptStatusListFromOtherIssuer, 'acceptStatusListFromOtherIssuer'),
      clockSkewSeconds: count(options.clockSkewSeconds, 'clockSkewSeconds', 0),
      requireValidEndorsements: flag(options.requireValidEndorsements, 'requireValidEndorsements'),
      acceptMissingJwtClaims: flag(options.acceptMissingJwtClaims, 'acceptMissingJwtClaims'),
    },
    maxInputBytes: count(options.maxInputBytes, 'maxInputBytes', DEFAULT_MAX_INPUT_BYTES),
    maxDepth: depthLimit(options.maxDepth),
    maxFetches: count(options.maxFetches, 'maxFetches', DEFAULT_MAX_FETCHES),
    maxFetchBytes: count(options.maxFetchBytes, 'maxFetchBytes', DEFAULT_MAX_FETCH_BYTES),
    fetchTimeoutMs: count(options.fetchTimeoutMs, 'fetchTimeoutMs', DEFAULT_FETCH_TIMEOUT_MS),
    maxEmbeddedCredentials: count(options.maxEmbeddedCredentials, 'maxEmbeddedCredentials', DEFAULT_MAX_EMBEDDED_CREDENTIALS),
    maxEndorsements: wholeCount(options.maxEndorsements, 'maxEndorsements', DEFAULT_MAX_ENDORSEMENTS),
    maxEndorsementDepth: wholeCount(options.maxEndorsementDepth, 'maxEndorsementDepth', DEFAULT_MAX_ENDORSEMENT_DEPTH),
    ...(options.trust !== undefined ? { trust: normalizeTrust(options.trust) } : {}),
  };
}

/**
 * Registries are checked here, before any credential: a broken registry is the caller's mistake,
 * not the credential's. One that loadTrustRegistry or verifyTrustRegistry already checked (frozen,
 * hash known) is only looked up; anything else is checked and hashed now.
 */
function normalizeTrust(trust: unknown): NonNullable<NormalizedVerifyOptions['trust']> {
  if (typeof trust !== 'object' || trust === null || !('registry' in trust)) {
    throw new Obv3Error('INVALID_ARGUMENT', 'options.trust must be { registry, jurisdiction? }, with the registry (or registries) of trusted issuers.');
  }
  const { registry, jurisdiction } = trust as { registry: unknown; jurisdiction?: unknown };
  const list = Array.isArray(registry) ? registry : [registry];
  if (list.length === 0) throw new Obv3Error('INVALID_ARGUMENT', 'options.trust.registry is an empty list: give at least one registry.');
  if (jurisdiction !== undefined && (typeof jurisdiction !== 'string' || !JURISDICTION_PATTERN.test(jurisdiction))) {
    throw new Obv3Error('INVALID_ARGUMENT', `options.trust.jurisdiction must be an ISO 3166 code such as "US" or "US-OR", got ${JSON.stringify(jurisdiction)}.`);
  }
  const registries = list.map((entry): LoadedTrustRegistry => {
    const registry = checkedRegistrySha256(entry) === undefined ? loadTrustRegistry(entry) : (entry as TrustRegistry);
    return { registry, sha256: checkedRegistrySha256(registry)! };
  });
  return { registries, ...(jurisdiction !== undefined ? { jurisdiction } : {}) };
}

function digestContexts(contexts: ReadonlyMap<string, unknown>): ContextDigest[] {
  return [...contexts].map(([url, document]) => {
    let text: string | undefined;
    try {
      text = typeof document === 'object' && document !== null ? JSON.stringify(document) : undefined;
    } catch {
      text = undefined;
    }
    if (text === undefined) {
      throw new Obv3Error('INVALID_ARGUMENT', `options.contexts[${JSON.stringify(url)}] must be a JSON-LD context document (a JSON object).`);
    }
    return { url, sha256: sha256(text) };
  });
}

function flag(value: unknown, name: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw new Obv3Error('INVALID_ARGUMENT', `options.${name} must be true or false.`);
  return value;
}

function count(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new Obv3Error('INVALID_ARGUMENT', `options.${name} must be a non-negative number.`);
  }
  return value;
}

function wholeCount(value: unknown, name: string, fallback: number): number {
  const n = count(value, name, fallback);
  if (!Number.isInteger(n)) throw new Obv3Error('INVALID_ARGUMENT', `options.${name} must be a whole number.`);
  return n;
}

function depthLimit(value: unknown): number {
  const depth = count(value, 'maxDepth', DEFAULT_MAX_DEPTH);
  if (depth > MAX_ALLOWED_DEPTH) {
    throw new Obv3Error('INVALID_ARGUMENT', `options.maxDepth is at most ${MAX_ALLOWED_DEPTH}: deeper input would overflow the stack of the JSON and JSON-LD processors.`);
  }
  return depth;
}
