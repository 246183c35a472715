/** issueClr: build a ClrCredential (build-clr.ts), check it against our CLR schema, sign it. */
import { signCredential, type IssueOptions, type SignedCredential } from '../issue/index.js';
import type { ClrCredential } from '../model/index.js';
import { buildClr, type ClrDraft } from './build-clr.js';

export async function issueClr(draft: ClrDraft, options: IssueOptions): Promise<SignedCredential<ClrCredential>> {
  return signCredential(buildClr(draft, options.created ? { now: options.created } : {}), options);
}
