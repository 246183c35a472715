/** A presentation report as plain text: the presentation's checks, then each credential's report. */
import { formatReport } from '../verify/format-report.js';
import type { PresentationReport } from './presentation-report.js';

const MARK = { passed: 'ok  ', warning: 'warn', failed: 'FAIL', indeterminate: '??  ', skipped: '--  ' } as const;

export function formatPresentationReport(report: PresentationReport): string {
  const count = report.credentials.length;
  const lines = [
    `${report.verified ? 'VERIFIED' : 'NOT VERIFIED'}: presentation of ${count} credential${count === 1 ? '' : 's'}${report.provenHolder ? ` by ${report.provenHolder}` : ''}`,
    `judged at ${report.provenance.now} by obv3 ${report.provenance.library.version}; input sha256 ${report.provenance.inputSha256}`,
    '',
    ...report.checks.map((c) => `  [${MARK[c.status]}] ${c.id.padEnd(12)} ${c.code ? `${c.code}: ` : ''}${c.message}`),
  ];
  report.credentials.forEach((credential, index) => {
    lines.push('', `credential #${index} (${credential.format}):`, ...formatReport(credential).split('\n').map((line) => (line ? `  ${line}` : line)));
  });
  return lines.join('\n');
}
