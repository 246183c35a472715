/** issueEndorsement: draft → EndorsementCredential → checked → signed by the endorser's key. */
import { buildEndorsement, type EndorsementDraft } from '../build/index.js';
import type { EndorsementCredential } from '../model/index.js';
import { signCredential, type IssueOptions, type SignedCredential } from './issue-credential.js';

export async function issueEndorsement(draft: EndorsementDraft, options: IssueOptions): Promise<SignedCredential<EndorsementCredential>> {
  return signCredential(buildEndorsement(draft, options.created ? { now: options.created } : {}), options);
}
