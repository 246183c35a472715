/**
 * `holder`: every credential presented is about the holder whose key signed the presentation
 * (`credentialSubject.id` = the proven holder). A subject named only by a hashed identifier (an
 * e-mail) cannot be tied to the holder's key: HOLDER_NOT_PROVEN, never a pass.
 */
import { isObject } from '../../verify/credential-fields.js';
import type { VerificationReport } from '../../verify/report.js';
import type { PresentationCheck } from '../presentation-report.js';

interface Binding {
  index: number;
  subject?: string;
  result: 'holder' | 'other' | 'unproven' | 'unparsed';
}

export function checkHolderBinding(reports: readonly VerificationReport[], provenHolder: string | undefined): Omit<PresentationCheck, 'id'> {
  if (reports.length === 0) return { status: 'skipped', message: 'The presentation carries no credentials.' };
  if (!provenHolder) return { status: 'skipped', message: 'No holder is proven (see the proof check), so no credential can be tied to one.' };
  const bindings: Binding[] = reports.map((report, index) => {
    if (!report.credential) return { index, result: 'unparsed' };
    const subject = isObject(report.credential.credentialSubject) ? report.credential.credentialSubject : {};
    if (typeof subject.id === 'string' && subject.id.length > 0) return { index, subject: subject.id, result: subject.id === provenHolder ? 'holder' : 'other' };
    return { index, result: 'unproven' };
  });
  const details = { holder: provenHolder, credentials: bindings };
  const others = bindings.filter((b) => b.result === 'other');
  if (others.length > 0) {
    return {
      status: 'failed',
      code: 'HOLDER_MISMATCH',
      message: `${others.length} credential${others.length > 1 ? 's were' : ' was'} issued to someone other than the holder ${provenHolder}: ${others.map((b) => `#${b.index} to ${b.subject}`).join(', ')}.`,
      details,
    };
  }
  const unproven = bindings.filter((b) => b.result === 'unproven');
  if (unproven.length > 0) {
    return {
      status: 'indeterminate',
      code: 'HOLDER_NOT_PROVEN',
      message: `${unproven.length > 1 ? 'Credentials' : 'Credential'} ${unproven.map((b) => `#${b.index}`).join(', ')} name${unproven.length > 1 ? '' : 's'} the recipient only by a hashed identifier (e.g. an e-mail), which the holder's key does not prove: confirm the recipient another way (recipientMatches) before relying on ${unproven.length > 1 ? 'them' : 'it'}.`,
      details,
    };
  }
  const skipped = bindings.filter((b) => b.result === 'unparsed').length;
  const bound = bindings.length - skipped;
  return { status: 'passed', message: `${bound === 1 ? 'The credential is' : `All ${bound} credentials are`} about the holder ${provenHolder}.${skipped > 0 ? ` (${skipped} did not parse; see the credentials check.)` : ''}`, details };
}
