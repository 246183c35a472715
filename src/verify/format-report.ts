/** A verification report as plain text a licensing clerk can read (and a terminal can print). */
import type { CheckStatus, VerificationReport } from './report.js';

const MARK: Record<CheckStatus, string> = {
  passed: 'ok  ',
  warning: 'warn',
  failed: 'FAIL',
  indeterminate: '??  ',
  skipped: '--  ',
};

export function formatReport(report: VerificationReport): string {
  const credential = report.credential ?? {};
  const name = typeof credential.name === 'string' ? credential.name : '(unnamed credential)';
  const lines = [
    `${report.verified ? 'VERIFIED' : 'NOT VERIFIED'}: ${name}`,
    ...(report.provenIssuer ? [`issuer: ${report.provenIssuer}`] : []),
    `judged at ${report.provenance.now} by obv3 ${report.provenance.library.version}; input sha256 ${report.provenance.inputSha256}`,
    '',
    ...report.checks.map((check) => `  [${MARK[check.status]}] ${check.id.padEnd(12)} ${check.code ? `${check.code}: ` : ''}${check.message}`),
  ];
  if (report.provenance.fetched.length > 0) {
    lines.push('', 'fetched:');
    for (const f of report.provenance.fetched) {
      const cached = f.fromCache ? ` (from cache, fetched ${f.fetchedAt})` : '';
      lines.push(`  ${f.url} ${f.status ?? f.error ?? ''} ${f.sha256 ? `sha256 ${f.sha256}` : ''}${cached}`.trimEnd());
    }
  }
  return lines.join('\n');
}
