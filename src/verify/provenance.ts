/** What a report relied on, so an agency can file it and re-check it later. */
import packageJson from '../../package.json';
import { BUNDLED_CONTEXTS } from '../contexts/bundled.js';
import { sha256 } from '../sha256.js';
import type { FetchedDocument, ReportProvenance, VerificationPolicy } from './report.js';
import { REPORT_VERSION } from './report.js';

export const LIBRARY_VERSION: string = packageJson.version;

export function buildProvenance(args: {
  inputSha256: string;
  policy: VerificationPolicy;
  now: Date;
  extraContexts: ReadonlyMap<string, object>;
  fetched: readonly FetchedDocument[];
}): ReportProvenance {
  return {
    reportVersion: REPORT_VERSION,
    inputSha256: args.inputSha256,
    library: { name: 'obv3', version: LIBRARY_VERSION },
    contexts: [
      ...BUNDLED_CONTEXTS.map((bundled) => ({ url: bundled.url, sha256: bundled.sha256 })),
      ...[...args.extraContexts].map(([url, document]) => ({
        url,
        sha256: sha256(JSON.stringify(document)),
      })),
    ],
    policy: { ...args.policy },
    now: args.now.toISOString(),
    verifiedAt: new Date().toISOString(),
    fetched: args.fetched.map((f) => ({ ...f })),
  };
}
