/**
 * buildClr: an unsigned CLR 2.0 ClrCredential bundling a learner's signed credentials (each
 * embedded exactly as its issuer signed it, so it still verifies on its own), the achievement
 * definitions (stacks and their components) and the associations between them.
 */
import { buildAchievementAt, type AchievementInput } from '../build/achievement.js';
import type { DateInput } from '../build/dates.js';
import { atIndex, compact, describeValue, extensionKeys, optionalBoolean, optionalIri, optionalList, optionalString, problem, readObject, requireString } from '../build/fields.js';
import { newUrnUuid } from '../build/ids.js';
import { buildProfileAt, type ProfileInput } from '../build/profile.js';
import { buildRecipient, type RecipientInput } from '../build/recipient.js';
import { optionalDate, validity } from '../build/validity.js';
import { CLR_CONTEXT, OB_CONTEXT, STACK_CONTEXT, VC_V2_CONTEXT } from '../contexts/bundled.js';
import type { Achievement, AchievementCredential, Association, ClrCredential, Profile } from '../model/index.js';
import { buildAssociation, type AssociationInput } from '../stack/associations.js';
import type { StackDefinition } from '../stack/define-stack.js';

export interface ClrDraft {
  /** Defaults to a fresh `urn:uuid:`. */
  id?: string;
  /** E.g. "Maria Lopez: teacher-leader record". */
  name: string;
  description?: string;
  issuer: ProfileInput | Profile;
  /** The learner, named like a credential's recipient: `{ id }` (DID/URL) or `{ email }` (hashed). */
  learner: RecipientInput;
  /** Signed credentials (objects), embedded unchanged. At least one. */
  credentials: readonly object[];
  /** Stacks to describe: each one's achievement, components and associations are included. */
  stacks?: readonly StackDefinition[];
  /** Further achievement definitions. */
  achievements?: readonly (AchievementInput | Achievement)[];
  /** Further associations (e.g. `precedes` between stacks). */
  associations?: readonly AssociationInput[];
  /** True when the CLR holds only part of the learner's record. */
  partial?: boolean;
  /** Defaults to now. */
  validFrom?: DateInput;
  validUntil?: DateInput;
  awardedDate?: DateInput;
}

// Closed: a ClrDraft has no extension properties, so a misspelt key is an error, not a silent drop.
const KNOWN = [
  'id', 'name', 'description', 'issuer', 'learner', 'credentials', 'stacks', 'achievements', 'associations',
  'partial', 'validFrom', 'validUntil', 'awardedDate',
];

export function buildClr(draft: ClrDraft, options: { now?: Date } = {}): ClrCredential {
  const fields = readObject(draft, 'clr');
  extensionKeys(fields, 'clr', KNOWN, true);
  if (fields.issuer === undefined) throw problem('SCHEMA_INVALID', 'clr.issuer', 'is missing: add the issuing organisation as { id, name }');
  const issuer = buildProfileAt(fields.issuer, 'clr.issuer');
  const learner = buildRecipient(fields.learner, 'clr.learner');
  const credentials = embedCredentials(fields.credentials);
  const stacks = (fields.stacks ?? []) as readonly StackDefinition[];
  if (!Array.isArray(stacks)) throw problem('INVALID_ARGUMENT', 'clr.stacks', 'must be an array of stacks from defineStack');
  const achievements = uniqueAchievements([
    ...stacks.flatMap((s) => [s.achievement, ...s.components]),
    ...(optionalList(fields, 'achievements', 'clr', buildAchievementAt) ?? []),
  ]);
  const associations = uniqueAssociations([
    ...stacks.flatMap((s) => s.associations),
    ...(optionalList(fields, 'associations', 'clr', buildAssociation) ?? []),
  ]);
  const usesStacks = achievements.some((a) => 'stackRule' in a);
  const { validFrom, validUntil } = validity(fields, options.now, 'clr');
  return compact<ClrCredential>({
    '@context': [VC_V2_CONTEXT, CLR_CONTEXT, OB_CONTEXT, ...(usesStacks ? [STACK_CONTEXT] : [])],
    id: optionalIri(fields, 'id', 'clr') ?? newUrnUuid(),
    type: ['VerifiableCredential', 'ClrCredential'],
    name: requireString(fields, 'name', 'clr', 'name the record, e.g. "Maria Lopez: teacher-leader record"'),
    description: optionalString(fields, 'description', 'clr'),
    partial: optionalBoolean(fields, 'partial', 'clr'),
    issuer,
    validFrom,
    validUntil,
    awardedDate: optionalDate(fields, 'awardedDate', 'clr'),
    credentialSubject: compact({
      id: learner.id,
      type: ['ClrSubject'],
      identifier: learner.identifier,
      achievement: achievements.length > 0 ? achievements : undefined,
      verifiableCredential: credentials,
      association: associations.length > 0 ? associations : undefined,
    }),
  });
}

/** Deep copies, so later changes to the caller's objects cannot alter what is signed. */
function embedCredentials(value: unknown): AchievementCredential[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw problem('INVALID_ARGUMENT', 'clr.credentials', 'must list at least one signed credential to bundle');
  }
  return value.map((credential, i) => {
    const at = atIndex('clr.credentials', i);
    if (typeof credential !== 'object' || credential === null || Array.isArray(credential)) {
      throw problem('INVALID_ARGUMENT', at, `must be a signed credential object, got ${describeValue(credential)}`);
    }
    if ((credential as { proof?: unknown }).proof === undefined) {
      throw problem('SCHEMA_INVALID', at, 'has no proof: a CLR bundles credentials exactly as their issuers signed them');
    }
    return structuredClone(credential) as AchievementCredential;
  });
}

/** One definition per id: the first given wins (a stack's own definition comes first). */
function uniqueAchievements(list: readonly Achievement[]): Achievement[] {
  const seen = new Set<string>();
  return list.filter((a) => !seen.has(a.id) && (seen.add(a.id), true));
}

function uniqueAssociations(list: readonly Association[]): Association[] {
  const seen = new Set<string>();
  return list.filter((a) => {
    const key = `${a.associationType} ${a.sourceId} ${a.targetId}`;
    return !seen.has(key) && (seen.add(key), true);
  });
}
