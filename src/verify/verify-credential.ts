/**
 * verifyCredential: the entry point state agencies use. Parses the input, then runs every check
 * in order and always returns a report: a bad credential is a report that says so, never an
 * exception. Only misuse (bad options) throws.
 */
import { decide } from './decide.js';
import { createFetcher } from './fetcher.js';
import { normalizeVerifyOptions, type VerifyOptions } from './options.js';
import { parseInput, type VerifyInput } from './parse-input.js';
import { TOP_LEVEL, createSession, runChecks, skippedChecks } from './pipeline.js';
import { buildProvenance } from './provenance.js';
import type { VerificationReport } from './report.js';

export async function verifyCredential(input: VerifyInput, options?: VerifyOptions): Promise<VerificationReport> {
  const normalized = normalizeVerifyOptions(options);
  const fetcher = createFetcher(normalized.fetch, normalized);
  const parsed = parseInput(input, normalized);
  const run = parsed.credential ? await runChecks(parsed.credential, createSession(normalized, fetcher), TOP_LEVEL, parsed.jwt) : undefined;
  const checks = [parsed.check, ...(run?.checks ?? skippedChecks())];

  return {
    verified: decide(checks, normalized.policy),
    format: parsed.format,
    ...(parsed.credential ? { credential: parsed.credential } : {}),
    checks,
    ...(run?.provenIssuer ? { provenIssuer: run.provenIssuer } : {}),
    ...(run?.embedded ? { embeddedCredentials: run.embedded } : {}),
    provenance: buildProvenance({
      inputSha256: parsed.inputSha256,
      policy: normalized.policy,
      now: normalized.now,
      extraContexts: normalized.contexts,
      fetched: fetcher.fetched,
    }),
  };
}
