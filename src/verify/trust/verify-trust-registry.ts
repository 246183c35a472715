/**
 * verifyTrustRegistry: checks a signed `TrustedIssuerRegistryCredential` before an agency relies
 * on it: its proof (same suites and key resolution as credentials; for a VC-JWT, its JWS), that
 * the signing key is the publisher's and the publisher is one the caller accepts, its validity
 * dates, and the registry format. Only then is the registry returned, ready for `verifyCredential(…, { trust })`.
 * Like verifyCredential it never throws on a bad registry credential, only on bad options.
 */
import { TRUST_REGISTRY_CONTEXT, VC_V2_CONTEXT, getBundledContext } from '../../contexts/bundled.js';
import { Obv3Error, type ValidationProblem } from '../../errors.js';
import type { TrustRegistry } from '../../model/index.js';
import { recordCheckedRegistry, validateTrustRegistry } from '../../schema/trust-registry.js';
import { issuerKeyCheck } from '../checks/issuer-key.js';
import { proofCheck } from '../checks/proof.js';
import { validFromCheck, validUntilCheck } from '../checks/dates.js';
import { asArray, isObject, types } from '../credential-fields.js';
import { decide } from '../decide.js';
import { createFetcher } from '../fetcher.js';
import { normalizeVerifyOptions, type VerifyOptions } from '../options.js';
import { parseInput, type VerifyInput } from '../parse-input.js';
import type { CheckCode, CheckStatus, FetchedDocument } from '../report.js';
import { TOP_LEVEL, createContext, createSession, runCheck } from '../pipeline.js';
import type { CheckDefinition, VerificationContext } from '../verification-context.js';

export interface VerifyTrustRegistryOptions
  extends Pick<VerifyOptions, 'now' | 'fetch' | 'clockSkewSeconds' | 'contexts' | 'maxInputBytes' | 'maxDepth' | 'maxFetches' | 'maxFetchBytes' | 'fetchTimeoutMs'> {
  /** The DIDs / URLs of the agencies whose registries you accept (required: anyone can sign one). */
  publishers: string | readonly string[];
}

export type TrustRegistryCheckId = 'parse' | 'context' | 'type' | 'proof' | 'issuer-key' | 'publisher' | 'valid-from' | 'valid-until' | 'registry';

export interface TrustRegistryCheck {
  id: TrustRegistryCheckId;
  status: CheckStatus;
  code?: CheckCode;
  message: string;
  details?: unknown;
}

export interface TrustRegistryVerification {
  verified: boolean;
  /** The registry (a deep-frozen copy), only when verified. */
  registry?: TrustRegistry;
  /** The publisher the proof establishes. */
  publisher?: string;
  checks: TrustRegistryCheck[];
  fetched: FetchedDocument[];
}

export async function verifyTrustRegistry(input: VerifyInput, options: VerifyTrustRegistryOptions): Promise<TrustRegistryVerification> {
  const publishers = acceptedPublishers(options?.publishers);
  const { publishers: _publishers, ...verifyOptions } = options;
  const normalized = normalizeVerifyOptions(verifyOptions);
  const fetcher = createFetcher(normalized.fetch, normalized);
  const parsed = parseInput(input, normalized);
  const checks: TrustRegistryCheck[] = [{ ...parsed.check, id: 'parse' }];
  if (!parsed.credential) return { verified: false, checks, fetched: [...fetcher.fetched] };

  // A registry embeds nothing to verify: no endorsement or embedded-credential budget.
  const session = { ...createSession(normalized, fetcher), budget: { endorsements: 0, embeddedCredentials: 0 } };
  // A registry sent as a VC-JWT is secured by its JWS: the proof check verifies that.
  const context = createContext(parsed.credential, session, TOP_LEVEL, parsed.jwt);
  const steps: { id: TrustRegistryCheckId; run: CheckDefinition['run'] }[] = [
    { id: 'context', run: registryContextCheck },
    { id: 'type', run: registryTypeCheck },
    { id: 'proof', run: proofCheck.run },
    { id: 'issuer-key', run: issuerKeyCheck.run },
    { id: 'publisher', run: (c) => publisherCheck(c, publishers) },
    { id: 'valid-from', run: validFromCheck.run },
    { id: 'valid-until', run: validUntilCheck.run },
    { id: 'registry', run: registryContentCheck },
  ];
  for (const step of steps) checks.push({ id: step.id, ...(await runCheck(step, context)) });
  const verified = decide(checks, normalized.policy);
  const subject = parsed.credential.credentialSubject;
  return {
    verified,
    // Checked by the registry step: recorded, so verifyCredential's trust option only looks it up.
    ...(verified ? { registry: recordCheckedRegistry(structuredClone(subject) as TrustRegistry) } : {}),
    ...(context.provenIssuer ? { publisher: context.provenIssuer } : {}),
    checks,
    fetched: fetcher.fetched.map((f) => ({ ...f })),
  };
}

function acceptedPublishers(value: unknown): string[] {
  const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  if (list.length === 0 || !list.every((p) => typeof p === 'string' && p.length > 0)) {
    throw new Obv3Error('INVALID_ARGUMENT', 'options.publishers must name the agencies whose registries you accept (a DID or URL, or a list of them): without it anyone could sign a registry.');
  }
  return list as string[];
}

function registryContextCheck({ credential, options }: VerificationContext): ReturnType<CheckDefinition['run']> {
  const contexts = asArray(credential['@context']);
  if (contexts[0] !== VC_V2_CONTEXT) return { status: 'failed', code: 'CONTEXT_ORDER', message: `A registry credential's first @context must be ${VC_V2_CONTEXT}.` };
  if (!contexts.includes(TRUST_REGISTRY_CONTEXT)) return { status: 'failed', code: 'CONTEXT_MISSING', message: `A registry credential must use the context ${TRUST_REGISTRY_CONTEXT}.` };
  const unknown = contexts.filter((c) => typeof c !== 'string' || (!getBundledContext(c) && !options.contexts.has(c)));
  if (unknown.length > 0) return { status: 'failed', code: 'CONTEXT_UNKNOWN', message: `Unknown @context entries: ${unknown.map((c) => JSON.stringify(c)).join(', ')}.` };
  return { status: 'passed', message: 'The VC 2.0 and trust-registry contexts are present; every context is bundled.' };
}

function registryTypeCheck({ credential }: VerificationContext): ReturnType<CheckDefinition['run']> {
  const found = types(credential);
  if (!found.includes('VerifiableCredential') || !found.includes('TrustedIssuerRegistryCredential')) {
    return { status: 'failed', code: 'TYPE_INVALID', message: `type must include "VerifiableCredential" and "TrustedIssuerRegistryCredential"; it is ${JSON.stringify(credential.type)}.` };
  }
  return { status: 'passed', message: 'A TrustedIssuerRegistryCredential.' };
}

function publisherCheck({ credential, provenIssuer }: VerificationContext, accepted: readonly string[]): ReturnType<CheckDefinition['run']> {
  if (!provenIssuer) return { status: 'skipped', message: 'No proof ties the signing key to the issuer, so there is no proven publisher.' };
  if (!accepted.includes(provenIssuer)) {
    return { status: 'failed', code: 'ISSUER_NOT_TRUSTED', message: `The registry was published by ${provenIssuer}; you accept registries only from ${accepted.join(', ')}.`, details: { publisher: provenIssuer, accepted } };
  }
  const subject = isObject(credential.credentialSubject) ? credential.credentialSubject : {};
  const named = isObject(subject.publisher) ? subject.publisher.id : undefined;
  if (named !== provenIssuer) {
    return { status: 'failed', code: 'ISSUER_NOT_TRUSTED', message: `The registry names its publisher ${JSON.stringify(named)}, but it was signed by ${provenIssuer}.`, details: { publisher: provenIssuer, named } };
  }
  return { status: 'passed', message: `Published and signed by ${provenIssuer}, a publisher you accept.`, details: { publisher: provenIssuer } };
}

function registryContentCheck({ credential }: VerificationContext): ReturnType<CheckDefinition['run']> {
  const problems: ValidationProblem[] = validateTrustRegistry(credential.credentialSubject).map((p) => ({ ...p, path: `/credentialSubject${p.path}` }));
  if (problems.length > 0) {
    const shown = problems.slice(0, 5).map((p) => `${p.path}: ${p.message}`).join('; ');
    return { status: 'failed', code: 'SCHEMA_INVALID', message: `The registry is not valid: ${shown}${problems.length > 5 ? `; and ${problems.length - 5} more` : ''}.`, details: { problems } };
  }
  const registry = credential.credentialSubject as TrustRegistry;
  return {
    status: 'passed',
    message: `"${registry.name}": ${registry.issuers.length} issuer${registry.issuers.length === 1 ? '' : 's'}, ${registry.endorsers?.length ?? 0} endorser${registry.endorsers?.length === 1 ? '' : 's'}.`,
  };
}
