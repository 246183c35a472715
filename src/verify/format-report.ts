/** A verification report as plain text a licensing clerk can read (and a terminal can print). */
import type { Check, CheckStatus, EmbeddedCredentialReport, VerificationReport } from './report.js';

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
    ...report.checks.map((check) => checkLine(check, '  ')),
  ];
  if (report.embeddedCredentials?.length) {
    lines.push('', 'embedded credentials:');
    for (const embedded of report.embeddedCredentials) lines.push(...embeddedLines(embedded, '  '));
  }
  if (report.provenance.fetched.length > 0) {
    lines.push('', 'fetched:');
    for (const f of report.provenance.fetched) {
      const cached = f.fromCache ? ` (from cache, fetched ${f.fetchedAt})` : '';
      lines.push(`  ${f.url} ${f.status ?? f.error ?? ''} ${f.sha256 ? `sha256 ${f.sha256}` : ''}${cached}`.trimEnd());
    }
  }
  return lines.join('\n');
}

/** One check as a line: its mark, id and code, then its message. Presentation reports use it too. */
export function checkLine(check: Pick<Check, 'status' | 'code' | 'message'> & { id: string }, indent: string): string {
  return `${indent}[${MARK[check.status]}] ${check.id.padEnd(12)} ${check.code ? `${check.code}: ` : ''}${check.message}`;
}

/**
 * An embedded credential (of a CLR): its verdict, then, one level further in, only the checks that
 * did not simply pass or skip (a CLR may carry dozens of credentials).
 */
function embeddedLines(report: EmbeddedCredentialReport, indent: string): string[] {
  const name = typeof report.credential?.name === 'string' ? report.credential.name : '(unnamed credential)';
  const inner = `${indent}    `;
  return [
    `${indent}${report.verified ? 'VERIFIED' : 'NOT VERIFIED'}: ${name} at ${report.path}${report.provenIssuer ? `, issuer ${report.provenIssuer}` : ''}`,
    ...report.checks.filter((c) => c.status !== 'passed' && c.status !== 'skipped').map((check) => checkLine(check, inner)),
    ...(report.embeddedCredentials ?? []).flatMap((e) => embeddedLines(e, inner)),
  ];
}
