/**
 * verifyCredential: the entry point state agencies use. Parses the input, then runs every check
 * in order and always returns a report: a bad credential is a report that says so, never an
 * exception. Only misuse (bad options) throws.
 */
import { createFetcher } from './fetcher.js';
import { normalizeVerifyOptions, type NormalizedVerifyOptions, type VerifyOptions } from './options.js';
import type { VerifyInput } from './parse-input.js';
import { TOP_LEVEL, createSession, verifyInput } from './pipeline.js';
import { buildProvenance } from './provenance.js';
import type { VerificationReport } from './report.js';

export async function verifyCredential(input: VerifyInput, options?: VerifyOptions): Promise<VerificationReport> {
  return verifyWithNormalizedOptions(input, normalizeVerifyOptions(options));
}

/**
 * verifyCredential on options already normalized, for callers that verify several inputs with the
 * same options (verifyPresentation) and so check them, and their trust registries, once. Each call
 * still has its own fetcher: its own fetch budget, and its own list of what it fetched.
 */
export async function verifyWithNormalizedOptions(input: VerifyInput, options: NormalizedVerifyOptions): Promise<VerificationReport> {
  const fetcher = createFetcher(options.fetch, options);
  const { format, inputSha256, verified, ...report } = await verifyInput(input, createSession(options, fetcher), TOP_LEVEL);
  return {
    verified,
    format,
    ...report,
    provenance: buildProvenance({
      inputSha256,
      policy: options.policy,
      now: options.now,
      extraContexts: options.contextDigests,
      fetched: fetcher.fetched,
    }),
  };
}
