/** `buildCredential`: an unsigned OB 3.0 credential from a draft, ready for a signer. */
import type {
  Achievement,
  AchievementCredentialTypeName,
  AchievementSubject,
  CredentialSchema,
  CredentialStatus,
  EndorsementCredential,
  OpenBadgeCredential,
  Profile,
  RefreshService,
  TermsOfUse,
} from '../model/index.js';
import { buildAchievementAt, type AchievementInput } from './achievement.js';
import { buildContexts } from './credential-contexts.js';
import { optionalServices } from './credential-services.js';
import { optionalEndorsementJwts, optionalEndorsements } from './endorsements.js';
import { buildEvidence, type EvidenceInput } from './evidence.js';
import {
  compact,
  extensionKeys,
  optionalIri,
  optionalList,
  optionalNumber,
  optionalString,
  problem,
  readObject,
  type Fields,
} from './fields.js';
import { newUrnUuid } from './ids.js';
import { optionalImage, type ImageInput } from './image.js';
import { buildProfileAt, type ProfileInput } from './profile.js';
import { buildRecipient, type RecipientInput } from './recipient.js';
import { buildResult, type ResultInput } from './results.js';
import { checkOrder, optionalDate, validity } from './validity.js';
import type { DateInput } from './dates.js';

export interface CredentialDraft {
  /** Defaults to a fresh `urn:uuid:`. */
  id?: string;
  /** Defaults to 'OpenBadgeCredential'. */
  type?: AchievementCredentialTypeName;
  issuer: ProfileInput | Profile;
  achievement: AchievementInput | Achievement;
  recipient: RecipientInput;
  /** Defaults to the achievement's name. */
  name?: string;
  description?: string;
  image?: ImageInput;
  evidence?: EvidenceInput[];
  results?: ResultInput[];
  creditsEarned?: number;
  licenseNumber?: string;
  term?: string;
  role?: string;
  /** Markdown: how this recipient met the criteria. */
  narrative?: string;
  /** The organisation within the issuer that made the award. */
  source?: ProfileInput | Profile;
  activityStartDate?: DateInput;
  activityEndDate?: DateInput;
  awardedDate?: DateInput;
  /** Defaults to now. Written as whole seconds, UTC. */
  validFrom?: DateInput;
  /** Must be after validFrom. */
  validUntil?: DateInput;
  credentialSchema?: CredentialSchema[];
  credentialStatus?: CredentialStatus;
  termsOfUse?: TermsOfUse[];
  refreshService?: RefreshService;
  endorsement?: EndorsementCredential[];
  endorsementJwt?: string[];
  /** Context URLs appended after the VC 2.0 and OB 3.0 contexts (e.g. for extension terms). */
  extraContexts?: string[];
}

export interface BuildCredentialOptions {
  /** The clock for the default validFrom; defaults to the current time. */
  now?: Date;
}

const KNOWN = [
  'id', 'type', 'issuer', 'achievement', 'recipient', 'name', 'description', 'image', 'evidence',
  'results', 'creditsEarned', 'licenseNumber', 'term', 'role', 'narrative', 'source',
  'activityStartDate', 'activityEndDate', 'awardedDate', 'validFrom', 'validUntil',
  'credentialSchema', 'credentialStatus', 'termsOfUse', 'refreshService', 'endorsement',
  'endorsementJwt', 'extraContexts',
];

const PATH = 'credential';

/**
 * An unsigned `OpenBadgeCredential` (or `AchievementCredential`). Throws an `Obv3Error`
 * (`SCHEMA_INVALID` or `INVALID_ARGUMENT`) whose message starts with the path of the bad field.
 * Draft fields are reported by their own names (`issuer.id`, `results[0].achievedLevel`).
 */
export function buildCredential(draft: CredentialDraft, options: BuildCredentialOptions = {}): OpenBadgeCredential {
  const fields = readObject(draft, PATH);
  extensionKeys(fields, '', KNOWN, true);
  if (fields.issuer === undefined) throw problem('SCHEMA_INVALID', 'issuer', 'is missing: add the issuing organisation as { id, name }');
  const issuer = buildProfileAt(fields.issuer, 'issuer');
  if (fields.achievement === undefined) throw problem('SCHEMA_INVALID', 'achievement', 'is missing: add the achievement (see buildAchievement)');
  const achievement = buildAchievementAt(fields.achievement, 'achievement');
  const recipient = buildRecipient(fields.recipient, 'recipient');
  const { validFrom, validUntil } = validity(fields, options.now);
  const subject = compact<AchievementSubject>({
    id: recipient.id,
    type: ['AchievementSubject'],
    identifier: recipient.identifier,
    achievement,
    result: optionalList(fields, 'results', '', (item, path) => buildResult(item, path, achievement)),
    creditsEarned: optionalNumber(fields, 'creditsEarned', '', 0),
    activityStartDate: optionalDate(fields, 'activityStartDate'),
    activityEndDate: optionalDate(fields, 'activityEndDate'),
    licenseNumber: optionalString(fields, 'licenseNumber', ''),
    role: optionalString(fields, 'role', ''),
    term: optionalString(fields, 'term', ''),
    narrative: optionalString(fields, 'narrative', ''),
    source: fields.source === undefined ? undefined : buildProfileAt(fields.source, 'source'),
  });
  checkOrder(subject.activityStartDate, subject.activityEndDate, 'activityEndDate', 'activityStartDate');
  return compact<OpenBadgeCredential>({
    '@context': buildContexts(fields, ''),
    id: optionalIri(fields, 'id', '') ?? newUrnUuid(),
    type: ['VerifiableCredential', credentialType(fields.type)],
    name: optionalString(fields, 'name', '') ?? achievement.name,
    description: optionalString(fields, 'description', ''),
    image: optionalImage(fields, 'image', ''),
    issuer,
    validFrom,
    validUntil,
    awardedDate: optionalDate(fields, 'awardedDate'),
    credentialSubject: subject,
    evidence: optionalList(fields, 'evidence', '', buildEvidence),
    endorsement: optionalEndorsements(fields, ''),
    endorsementJwt: optionalEndorsementJwts(fields, ''),
    ...optionalServices(fields, ''),
  });
}

function credentialType(value: unknown): AchievementCredentialTypeName {
  if (value === undefined) return 'OpenBadgeCredential';
  if (value === 'OpenBadgeCredential' || value === 'AchievementCredential') return value;
  throw problem('SCHEMA_INVALID', 'type', `must be 'OpenBadgeCredential' or 'AchievementCredential', got ${JSON.stringify(value)}: leave it out for 'OpenBadgeCredential'`);
}
