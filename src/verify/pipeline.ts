/**
 * The checks after parsing, run in order on one credential. verifyCredential runs it on the
 * credential it was given; the endorsements check runs it again, one level down, on each embedded
 * endorsement, and the credentials check on each credential a CLR embeds — always with the same
 * options, fetcher (fetch budget, cache, provenance) and verification budget.
 */
import { CHECKS } from './checks/index.js';
import { decide } from './decide.js';
import type { Fetcher } from './fetcher.js';
import type { NormalizedVerifyOptions } from './options.js';
import { parseInput } from './parse-input.js';
import type { ParsedJwt } from './jwt/parsed-jwt.js';
import type { Check, EmbeddedCredentialReport, InputFormat } from './report.js';
import type { CheckDefinition, EmbeddedVerification, Position, VerificationBudget, VerificationContext } from './verification-context.js';

export interface VerificationSession {
  options: NormalizedVerifyOptions;
  fetcher: Fetcher;
  budget: VerificationBudget;
}

export const TOP_LEVEL: Position = { depth: 0, embeddingDepth: 0 };

export function createSession(options: NormalizedVerifyOptions, fetcher: Fetcher): VerificationSession {
  return { options, fetcher, budget: { endorsements: options.maxEndorsements, embeddedCredentials: options.maxEmbeddedCredentials } };
}

/** The context the checks of one credential share. */
export function createContext(credential: Record<string, unknown>, session: VerificationSession, position: Position, jwt?: ParsedJwt): VerificationContext {
  return {
    credential,
    ...(jwt ? { jwt } : {}),
    options: session.options,
    fetcher: session.fetcher,
    ...position,
    budget: session.budget,
    verifyEndorsement: (endorsement, endorsementJwt) => runChecks(endorsement, session, { ...position, depth: position.depth + 1 }, endorsementJwt),
    verifyEmbeddedCredential: (input, path) => verifyEmbeddedInput(input, path, session, { depth: 0, embeddingDepth: position.embeddingDepth + 1 }),
    proofs: [],
    endorsements: [],
  };
}

async function runChecks(credential: Record<string, unknown>, session: VerificationSession, position: Position, jwt?: ParsedJwt): Promise<EmbeddedVerification> {
  const context = createContext(credential, session, position, jwt);
  const checks: Check[] = [];
  for (const definition of CHECKS) {
    checks.push({ id: definition.id, ...(await runCheck(definition, context)) });
  }
  return {
    verified: decide(checks, session.options.policy),
    checks,
    ...(context.provenIssuer ? { provenIssuer: context.provenIssuer } : {}),
    endorsements: context.endorsements,
    ...(context.embedded ? { embedded: context.embedded } : {}),
  };
}

/** Every check skipped: what a report says about an input that did not parse. */
function skippedChecks(): Check[] {
  return CHECKS.map((definition) => ({ id: definition.id, status: 'skipped', message: 'Not checked: the input did not parse.' }));
}

/** One input verified: parsed, then (when it parses) every check; what both report kinds carry. */
export interface InputVerification extends Omit<EmbeddedCredentialReport, 'path'> {
  format: InputFormat;
}

/**
 * Parses one input and runs every check on it: the credential given to verifyCredential, or one
 * a CLR embeds. Every level is held to the same caps and parsed the same way, so a JWT string in
 * a CLR is verified as a VC-JWT, as it would be at the top.
 */
export async function verifyInput(input: unknown, session: VerificationSession, position: Position): Promise<InputVerification> {
  const parsed = parseInput(input, session.options);
  const run = parsed.credential ? await runChecks(parsed.credential, session, position, parsed.jwt) : undefined;
  const checks = [parsed.check, ...(run?.checks ?? skippedChecks())];
  return {
    format: parsed.format,
    inputSha256: parsed.inputSha256,
    verified: decide(checks, session.options.policy),
    ...(parsed.credential ? { credential: parsed.credential } : {}),
    checks,
    ...(run?.provenIssuer ? { provenIssuer: run.provenIssuer } : {}),
    ...(run?.embedded ? { embeddedCredentials: run.embedded } : {}),
  };
}

async function verifyEmbeddedInput(input: unknown, path: string, session: VerificationSession, position: Position): Promise<EmbeddedCredentialReport> {
  const { format: _format, inputSha256, ...report } = await verifyInput(input, session, position);
  return { path, inputSha256, ...report };
}

/** A bug in one check must not hide the others' results, nor turn into a thrown error. */
export async function runCheck(definition: Pick<CheckDefinition, 'run'> & { id: string }, context: VerificationContext): Promise<Omit<Check, 'id'>> {
  try {
    return await definition.run(context);
  } catch (error) {
    return {
      status: 'indeterminate',
      message: `The ${definition.id} check could not run: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
