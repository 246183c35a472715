/**
 * The checks after `parse`, run over one parsed credential. verifyCredential runs it on its input;
 * the `credentials` check runs it again on every credential a CLR embeds, with the same options,
 * the same fetcher (one budget, one provenance) and a shared count of embedded credentials.
 */
import { CHECKS } from './checks/index.js';
import { decide } from './decide.js';
import type { Fetcher } from './fetcher.js';
import type { NormalizedVerifyOptions } from './options.js';
import { parseInput } from './parse-input.js';
import type { Check, EmbeddedCredentialReport } from './report.js';
import type { EmbeddingState, VerificationContext } from './verification-context.js';

export interface CheckRun {
  checks: Check[];
  provenIssuer?: string;
  embedded?: EmbeddedCredentialReport[];
}

export async function runChecks(
  credential: Record<string, unknown>,
  options: NormalizedVerifyOptions,
  fetcher: Fetcher,
  embedding: EmbeddingState,
): Promise<CheckRun> {
  const context: VerificationContext = {
    credential,
    options,
    fetcher,
    proofs: [],
    embedding,
    verifyEmbedded: (inner, path) => verifyEmbedded(inner, path, options, fetcher, { depth: embedding.depth + 1, budget: embedding.budget }),
  };
  const checks: Check[] = [];
  for (const definition of CHECKS) {
    checks.push({ id: definition.id, ...(await runCheck(definition, context)) });
  }
  return {
    checks,
    ...(context.provenIssuer ? { provenIssuer: context.provenIssuer } : {}),
    ...(context.embedded ? { embedded: context.embedded } : {}),
  };
}

/** Every check skipped: what a report says about an input that did not parse. */
export function skippedChecks(): Check[] {
  return CHECKS.map((definition) => ({ id: definition.id, status: 'skipped', message: 'Not checked: the input did not parse.' }));
}

async function verifyEmbedded(
  input: unknown,
  path: string,
  options: NormalizedVerifyOptions,
  fetcher: Fetcher,
  embedding: EmbeddingState,
): Promise<EmbeddedCredentialReport> {
  // An embedded credential is held to the same caps as a top-level one (a JWT string or other
  // non-object fails `parse` here, as it would at the top).
  const parsed = parseInput(input, options);
  const run = parsed.credential ? await runChecks(parsed.credential, options, fetcher, embedding) : { checks: skippedChecks() };
  const checks = [parsed.check, ...run.checks];
  return {
    path,
    inputSha256: parsed.inputSha256,
    verified: decide(checks, options.policy),
    ...(parsed.credential ? { credential: parsed.credential } : {}),
    checks,
    ...(run.provenIssuer ? { provenIssuer: run.provenIssuer } : {}),
    ...(run.embedded ? { embeddedCredentials: run.embedded } : {}),
  };
}

/** A bug in one check must not hide the others' results, nor turn into a thrown error. */
async function runCheck(definition: (typeof CHECKS)[number], context: VerificationContext): Promise<Omit<Check, 'id'>> {
  try {
    return await definition.run(context);
  } catch (error) {
    return {
      status: 'indeterminate',
      message: `The ${definition.id} check could not run: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
