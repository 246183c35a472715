/** What a report relied on, so an agency can file it and re-check it later. */
import packageJson from '../../package.json';
import { BUNDLED_CONTEXTS } from '../contexts/bundled.js';
import type { ContextDigest } from './options.js';
import type { FetchedDocument, ReportProvenance, VerificationPolicy } from './report.js';
import { REPORT_VERSION } from './report.js';

export const LIBRARY_VERSION: string = packageJson.version;

export function buildProvenance(args: {
  inputSha256: string;
  policy: VerificationPolicy;
  now: Date;
  /** The caller's extra contexts, hashed once when the options were normalized. */
  extraContexts: readonly ContextDigest[];
  fetched: readonly FetchedDocument[];
}): ReportProvenance {
  return {
    reportVersion: REPORT_VERSION,
    inputSha256: args.inputSha256,
    library: { name: 'obv3', version: LIBRARY_VERSION },
    contexts: [
      ...BUNDLED_CONTEXTS.map(({ url, sha256 }) => ({ url, sha256 })),
      ...args.extraContexts.map((extra) => ({ ...extra })),
    ],
    policy: { ...args.policy },
    now: args.now.toISOString(),
    verifiedAt: new Date().toISOString(),
    fetched: args.fetched.map((f) => ({ ...f })),
  };
}
