/**
 * verifyPresentation: what a verifier runs on a presentation it asked for with a challenge (and
 * domain). It checks the presentation's envelope and the holder's proof, the challenge and the
 * domain, then verifies every credential with verifyCredential's own pipeline and options, and
 * that each is about the holder. Like verifyCredential it never throws on bad input, only on
 * misuse (bad options, no challenge).
 */
import { Obv3Error } from '../errors.js';
import { asArray, idOf } from '../verify/credential-fields.js';
import { createFetcher } from '../verify/fetcher.js';
import { normalizeVerifyOptions, type VerifyOptions } from '../verify/options.js';
import { parseInput, type VerifyInput } from '../verify/parse-input.js';
import { buildProvenance } from '../verify/provenance.js';
import type { VerificationReport } from '../verify/report.js';
import { verifyWithNormalizedOptions } from '../verify/verify-credential.js';
import { checkChallenge, checkDomain } from './checks/challenge-domain.js';
import { summarizeCredentials } from './checks/credentials.js';
import { checkPresentationContext, checkPresentationType } from './checks/envelope.js';
import { checkHolderBinding } from './checks/holder-binding.js';
import { verifyHolderProof } from './checks/holder-proof.js';
import { PRESENTATION_CHECK_IDS, type PresentationCheck, type PresentationReport } from './presentation-report.js';

export interface VerifyPresentationOptions extends VerifyOptions {
  /** The challenge the verifier issued for this request. Required: without it any old presentation would do. */
  challenge: string;
  /** The verifier's domain; when given, the holder's proof must name it. */
  domain?: string;
}

export async function verifyPresentation(input: VerifyInput, options: VerifyPresentationOptions): Promise<PresentationReport> {
  const { challenge, domain, ...verifyOptions } = readOptions(options);
  const normalized = normalizeVerifyOptions(verifyOptions);
  const fetcher = createFetcher(normalized.fetch, normalized);
  const parsed = parseInput(input, normalized);
  const provenance = () => buildProvenance({ inputSha256: parsed.inputSha256, policy: normalized.policy, now: normalized.now, extraContexts: normalized.contextDigests, fetched: fetcher.fetched });
  let parse: PresentationCheck = { ...parsed.check, id: 'parse' };
  if (parsed.check.status === 'passed' && (parsed.format !== 'json' || parsed.jwt)) {
    parse = { id: 'parse', status: 'failed', code: 'INPUT_FORMAT_UNSUPPORTED', message: `This is a ${parsed.format === 'jwt' ? 'JWT' : parsed.format.toUpperCase()} input; verifyPresentation reads a JSON Verifiable Presentation with a Data Integrity proof (VP-JWTs are not supported).` };
  }
  const presentation = parse.status === 'passed' ? parsed.credential : undefined;
  if (!presentation) {
    const checks = PRESENTATION_CHECK_IDS.map((id): PresentationCheck => (id === 'parse' ? parse : { id, status: 'skipped', message: 'Not checked: the input did not parse.' }));
    return { verified: false, format: 'json', checks, credentials: [], provenance: provenance() };
  }

  const holderProof = await verifyHolderProof(presentation, { fetcher, contexts: normalized.contexts, now: normalized.now });
  const provenHolder = holderProof.result === 'valid' ? holderProof.controller : undefined;
  const items = asArray(presentation.verifiableCredential);
  const credentials: VerificationReport[] = [];
  if (items.length <= normalized.maxEmbeddedCredentials) {
    // One at a time: each has its own fetch budget, and the reports list fetches in a stable order.
    // The options (and trust registries) were checked once, above.
    for (const item of items) credentials.push(await verifyWithNormalizedOptions(item as VerifyInput, normalized));
  }
  const byId: Record<Exclude<PresentationCheck['id'], 'parse'>, Omit<PresentationCheck, 'id'>> = {
    context: checkPresentationContext(presentation, normalized),
    type: checkPresentationType(presentation),
    proof: proofCheck(holderProof, presentation.holder),
    challenge: checkChallenge(holderProof.proof, challenge),
    domain: checkDomain(holderProof.proof, domain),
    credentials: summarizeCredentials(items, credentials, normalized.policy, normalized.maxEmbeddedCredentials),
    holder: checkHolderBinding(credentials, provenHolder),
  };
  const checks = PRESENTATION_CHECK_IDS.map((id): PresentationCheck => (id === 'parse' ? parse : { id, ...byId[id] }));
  const verified = checks.every((c) => c.status !== 'failed' && c.status !== 'indeterminate');
  return {
    verified,
    format: 'json',
    presentation,
    ...(provenHolder && byId.proof.status === 'passed' ? { provenHolder } : {}),
    checks,
    credentials,
    provenance: provenance(),
  };
}

function proofCheck(outcome: Awaited<ReturnType<typeof verifyHolderProof>>, holder: unknown): Omit<PresentationCheck, 'id'> {
  const details = { verificationMethod: outcome.verificationMethod, controller: outcome.controller, holder };
  if (outcome.result !== 'valid') return { status: outcome.result === 'indeterminate' ? 'indeterminate' : 'failed', ...(outcome.code ? { code: outcome.code } : {}), message: outcome.message, details };
  if (holder !== undefined && holder !== outcome.controller) {
    const named = idOf(holder);
    if (named !== outcome.controller) {
      return { status: 'failed', code: 'HOLDER_MISMATCH', message: `The presentation names the holder ${JSON.stringify(named ?? holder)} but is signed by ${outcome.controller}.`, details };
    }
  }
  const unnamed = holder === undefined ? ' (The presentation names no holder; the signer is taken as the holder.)' : '';
  return { status: 'passed', message: `${outcome.message}${unnamed}`, details };
}

function readOptions(options: VerifyPresentationOptions): VerifyPresentationOptions {
  if (typeof options !== 'object' || options === null) {
    throw new Obv3Error('INVALID_ARGUMENT', 'verifyPresentation needs options with the challenge you issued: { challenge, domain?, …verifyCredential options }.');
  }
  if (typeof options.challenge !== 'string' || options.challenge.length === 0) {
    throw new Obv3Error('INVALID_ARGUMENT', 'options.challenge is required: the one-time value you gave the holder for this request. Without it an old presentation could be replayed.');
  }
  if (options.domain !== undefined && (typeof options.domain !== 'string' || options.domain.length === 0)) {
    throw new Obv3Error('INVALID_ARGUMENT', 'options.domain, when given, must be a non-empty string (your domain).');
  }
  return options;
}
