/** Endorsements: third-party claims about a credential, achievement or profile. */
import type { Iri } from './common.js';
import type { VerifiableCredentialFields } from './credential.js';
import type { Evidence } from './subject.js';

/** A signed statement by an endorser about the thing whose id is `credentialSubject.id`. */
export interface EndorsementCredential extends VerifiableCredentialFields {
  type: ['VerifiableCredential', 'EndorsementCredential', ...string[]];
  /** Required for endorsements (optional on other credentials). */
  name: string;
  credentialSubject: EndorsementSubject;
  /** What the endorser examined. */
  evidence?: Evidence[];
}

export interface EndorsementSubject {
  /** The endorsed credential, achievement, profile or organisation. */
  id: Iri;
  type: ['EndorsementSubject', ...string[]];
  /** Markdown. */
  endorsementComment?: string;
}
