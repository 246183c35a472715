/** What a report relied on, so an agency can file it and re-check it later. */
import { createHash } from 'node:crypto';
import packageJson from '../../package.json';
import { BUNDLED_CONTEXTS } from '../contexts/bundled.js';
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
      ...BUNDLED_CONTEXTS.map(({ url, sha256 }) => ({ url, sha256 })),
      ...[...args.extraContexts].map(([url, document]) => ({
        url,
        sha256: createHash('sha256').update(JSON.stringify(document)).digest('hex'),
      })),
    ],
    policy: { ...args.policy },
    now: args.now.toISOString(),
    verifiedAt: new Date().toISOString(),
    fetched: args.fetched.map((f) => ({ ...f })),
  };
}
