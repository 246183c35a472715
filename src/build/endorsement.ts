/**
 * `buildEndorsement`: an unsigned OB 3.0 EndorsementCredential, e.g. a state department of
 * education endorsing a district's micro-credential programme (the achievement) or the district
 * itself (its issuer profile). Sign it with `issueEndorsement` or `signCredential`, and embed the
 * signed result in the endorsed profile or achievement (`endorsement: [signed]`).
 */
import type { CredentialSchema, CredentialStatus, EndorsementCredential, EndorsementSubject, Profile, RefreshService, TermsOfUse } from '../model/index.js';
import { buildContexts } from './credential-contexts.js';
import { optionalServices } from './credential-services.js';
import { buildEvidence, type EvidenceInput } from './evidence.js';
import { compact, extensionKeys, optionalIri, optionalList, optionalString, problem, readObject, requireIri, requireString } from './fields.js';
import { newUrnUuid } from './ids.js';
import { buildProfileAt, type ProfileInput } from './profile.js';
import { optionalDate, validity } from './validity.js';
import type { DateInput } from './dates.js';

export interface EndorsementDraft {
  /** Defaults to a fresh `urn:uuid:`. */
  id?: string;
  /** The endorser. */
  issuer: ProfileInput | Profile;
  /** The id of what is endorsed: an issuer profile, an achievement, or a credential. */
  endorses: string;
  /** Markdown: what the endorser says about it. */
  comment?: string;
  /** Required by OB 3.0, e.g. "State approval of the Wait Time micro-credential". */
  name: string;
  description?: string;
  awardedDate?: DateInput;
  /** Defaults to now. */
  validFrom?: DateInput;
  validUntil?: DateInput;
  evidence?: EvidenceInput[];
  credentialSchema?: CredentialSchema[];
  credentialStatus?: CredentialStatus;
  refreshService?: RefreshService;
  termsOfUse?: TermsOfUse[];
  extraContexts?: string[];
}

const KNOWN = [
  'id', 'issuer', 'endorses', 'comment', 'name', 'description', 'awardedDate', 'validFrom', 'validUntil',
  'evidence', 'credentialSchema', 'credentialStatus', 'refreshService', 'termsOfUse', 'extraContexts',
];

export function buildEndorsement(draft: EndorsementDraft, options: { now?: Date } = {}): EndorsementCredential {
  const fields = readObject(draft, 'endorsement');
  extensionKeys(fields, '', KNOWN, true);
  if (fields.issuer === undefined) throw problem('SCHEMA_INVALID', 'issuer', 'is missing: add the endorsing organisation as { id, name }');
  const issuer = buildProfileAt(fields.issuer, 'issuer');
  const endorses = requireIri(fields, 'endorses', '', 'give the id of the profile, achievement or credential being endorsed');
  const { validFrom, validUntil } = validity(fields, options.now);
  const subject = compact<EndorsementSubject>({
    id: endorses,
    type: ['EndorsementSubject'],
    endorsementComment: optionalString(fields, 'comment', ''),
  });
  return compact<EndorsementCredential>({
    '@context': buildContexts(fields, ''),
    id: optionalIri(fields, 'id', '') ?? newUrnUuid(),
    type: ['VerifiableCredential', 'EndorsementCredential'],
    name: requireString(fields, 'name', '', 'name the endorsement, e.g. "State approval of the Wait Time micro-credential"'),
    description: optionalString(fields, 'description', ''),
    issuer,
    validFrom,
    validUntil,
    awardedDate: optionalDate(fields, 'awardedDate'),
    credentialSubject: subject,
    evidence: optionalList(fields, 'evidence', '', buildEvidence),
    ...optionalServices(fields, ''),
  });
}
