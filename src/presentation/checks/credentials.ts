/**
 * `credentials`: every credential in the presentation, verified by the same pipeline as
 * verifyCredential (each gets its own full report), within options.maxEmbeddedCredentials.
 */
import { blockingCheck } from '../../verify/decide.js';
import type { VerificationPolicy, VerificationReport } from '../../verify/report.js';
import type { PresentationCheck } from '../presentation-report.js';

export function summarizeCredentials(items: readonly unknown[], reports: readonly VerificationReport[], policy: VerificationPolicy, limit: number): Omit<PresentationCheck, 'id'> {
  if (items.length === 0) return { status: 'failed', code: 'PRESENTATION_EMPTY', message: 'The presentation carries no credentials (verifiableCredential is empty).' };
  if (items.length > limit) {
    return { status: 'failed', code: 'EMBEDDED_CREDENTIALS_TOO_MANY', message: `The presentation carries ${items.length} credentials, more than the ${limit} examined (options.maxEmbeddedCredentials); none was verified.` };
  }
  const rows = reports.map((report, index) => {
    const blocking = blockingCheck(report.checks, policy);
    const name = report.credential?.name;
    return { index, format: report.format, ...(typeof name === 'string' ? { name } : {}), verified: report.verified, ...(blocking ? { check: blocking.id, ...(blocking.code ? { code: blocking.code } : {}) } : {}) };
  });
  const failing = rows.filter((r) => !r.verified);
  if (failing.length > 0) {
    return {
      status: 'failed',
      code: 'EMBEDDED_CREDENTIAL_NOT_VERIFIED',
      message: `${failing.length} of the ${rows.length} credentials ${failing.length > 1 ? 'are' : 'is'} not verified: ${failing.slice(0, 5).map((r) => `#${r.index}${r.name ? ` "${r.name}"` : ''} (${r.check ?? 'see its report'}${r.code ? ` ${r.code}` : ''})`).join('; ')} (see credentials).`,
      details: { credentials: rows },
    };
  }
  return { status: 'passed', message: `${rows.length === 1 ? 'The credential is' : `All ${rows.length} credentials are`} verified.`, details: { credentials: rows } };
}
