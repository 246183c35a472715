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
import { createSession, runChecks } from './pipeline.js';
import { buildProvenance } from './provenance.js';
import type { Check, VerificationReport } from './report.js';

export async function verifyCredential(input: VerifyInput, options?: VerifyOptions): Promise<VerificationReport> {
  const normalized = normalizeVerifyOptions(options);
  const fetcher = createFetcher(normalized.fetch, normalized);
  const parsed = parseInput(input, normalized);
  const checks: Check[] = [parsed.check];
  let provenIssuer: string | undefined;

  if (parsed.credential) {
    const result = await runChecks(parsed.credential, createSession(normalized, fetcher), 0);
    checks.push(...result.checks);
    provenIssuer = result.provenIssuer;
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
