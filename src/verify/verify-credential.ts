/**
 * verifyCredential: the entry point state agencies use. Parses the input, then runs every check
 * in order and always returns a report: a bad credential is a report that says so, never an
 * exception. Only misuse (bad options) throws.
 */
import { CHECKS } from './checks/index.js';
import { decide } from './decide.js';
import { createFetcher } from './fetcher.js';
import { normalizeVerifyOptions, type VerifyOptions } from './options.js';
import { parseInput, type VerifyInput } from './parse-input.js';
import { buildProvenance } from './provenance.js';
import type { Check, VerificationReport } from './report.js';
import type { VerificationContext } from './verification-context.js';

export async function verifyCredential(input: VerifyInput, options?: VerifyOptions): Promise<VerificationReport> {
  const normalized = normalizeVerifyOptions(options);
  const fetcher = createFetcher(normalized.fetch, normalized);
  const parsed = parseInput(input, normalized);
  const checks: Check[] = [parsed.check];
  let provenIssuer: string | undefined;

  if (parsed.credential) {
    const context: VerificationContext = { credential: parsed.credential, options: normalized, fetcher, proofs: [] };
    for (const definition of CHECKS) {
      checks.push({ id: definition.id, ...(await runCheck(definition, context)) });
    }
    provenIssuer = context.provenIssuer;
  } else {
    for (const definition of CHECKS) {
      checks.push({ id: definition.id, status: 'skipped', message: 'Not checked: the input did not parse.' });
    }
  }

  return {
    verified: decide(checks, normalized.policy),
    format: parsed.format,
    ...(parsed.credential ? { credential: parsed.credential } : {}),
    checks,
    ...(provenIssuer ? { provenIssuer } : {}),
    provenance: buildProvenance({
      inputSha256: parsed.inputSha256,
      policy: normalized.policy,
      now: normalized.now,
      extraContexts: normalized.contexts,
      fetched: fetcher.fetched,
    }),
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
