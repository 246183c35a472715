/** A presentation report as plain text: the presentation's checks, then each credential's report. */
import { checkLine, formatReport } from '../verify/format-report.js';
import type { PresentationReport } from './presentation-report.js';

export function formatPresentationReport(report: PresentationReport): string {
  const count = report.credentials.length;
  const lines = [
    `${report.verified ? 'VERIFIED' : 'NOT VERIFIED'}: presentation of ${count} credential${count === 1 ? '' : 's'}${report.provenHolder ? ` by ${report.provenHolder}` : ''}`,
    `judged at ${report.provenance.now} by obv3 ${report.provenance.library.version}; input sha256 ${report.provenance.inputSha256}`,
    '',
    ...report.checks.map((check) => checkLine(check, '  ')),
  ];
  report.credentials.forEach((credential, index) => {
    lines.push('', `credential #${index} (${credential.format}):`, ...formatReport(credential).split('\n').map((line) => (line ? `  ${line}` : line)));
  });
  return lines.join('\n');
}
