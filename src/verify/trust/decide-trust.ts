/**
 * Is the proven issuer one the caller trusts? Decided only on the issuer the proofs established
 * (the controller of the signing key), never on `issuer.id` text or names:
 *
 * - a registry lists it under `issuers`, and the entry's limits (achievement types,
 *   jurisdictions, approval period at the credential's issuance) admit this credential; or
 * - a verified endorsement embedded in the credential endorses exactly that issuer, and its own
 *   proven endorser is listed under a registry's `endorsers` with limits that admit it.
 *
 * When nothing trusts it, the reasons say what came close, so an agency can see why.
 */
import type { TrustRegistryEntry } from '../../model/index.js';
import type { EndorsementOutcome } from '../endorsements/outcome.js';
import type { LoadedTrustRegistry } from '../options.js';

export interface TrustQuestion {
  provenIssuer: string;
  /** The issuer's name as the credential writes it, only to point out look-alikes. */
  claimedName?: string;
  achievementType?: string;
  /** The credential's validFrom (VC 1.1: issuanceDate), against entries' approval periods. */
  issuedAt?: Date;
  endorsements: readonly EndorsementOutcome[];
  registries: readonly LoadedTrustRegistry[];
  jurisdiction?: string;
}

export interface RegistryRef {
  id: string;
  name: string;
  publisher: string;
  sha256: string;
}

export type TrustedBy =
  | { kind: 'registry-entry'; registry: RegistryRef; entry: TrustRegistryEntry }
  | { kind: 'endorsement'; registry: RegistryRef; endorser: TrustRegistryEntry; endorsement: { path: string; id?: string; name?: string } };

export type TrustDecision = { trusted: true; by: TrustedBy; message: string } | { trusted: false; reasons: string[] };

export function decideTrust(question: TrustQuestion): TrustDecision {
  const reasons: string[] = [];
  for (const loaded of question.registries) {
    const registry = refOf(loaded);
    for (const entry of loaded.registry.issuers) {
      if (entry.id !== question.provenIssuer) {
        if (question.claimedName && sameName(entry.name, question.claimedName)) {
          reasons.push(`${registry.name} lists "${entry.name}" as ${entry.id}, but this credential was signed by ${question.provenIssuer}; trust is never decided by name.`);
        }
        continue;
      }
      const refusal = refusalOf(entry, question);
      if (!refusal) {
        return { trusted: true, by: { kind: 'registry-entry', registry, entry }, message: `${question.provenIssuer} is listed in ${registry.name} as "${entry.name}".` };
      }
      reasons.push(`${registry.name} lists it as "${entry.name}", but ${refusal}.`);
    }
  }
  for (const loaded of question.registries) {
    const registry = refOf(loaded);
    for (const endorser of loaded.registry.endorsers ?? []) {
      const theirs = question.endorsements.filter((e) => (e.provenEndorser ?? e.endorser) === endorser.id);
      for (const endorsement of theirs) {
        if (endorsement.endorses !== question.provenIssuer) continue;
        if (endorsement.status !== 'verified' || endorsement.provenEndorser !== endorser.id) {
          reasons.push(`an endorsement by ${endorser.name} (${endorser.id}) at ${endorsement.path} does not count: it is ${endorsement.status}${endorsement.code ? ` (${endorsement.code})` : ''}.`);
          continue;
        }
        const refusal = refusalOf(endorser, question);
        if (refusal) {
          reasons.push(`${endorser.name} endorses it (${endorsement.path}), but as an endorser in ${registry.name} ${refusal}.`);
          continue;
        }
        return {
          trusted: true,
          by: { kind: 'endorsement', registry, endorser, endorsement: { path: endorsement.path, ...(endorsement.id ? { id: endorsement.id } : {}), ...(endorsement.name ? { name: endorsement.name } : {}) } },
          message: `${question.provenIssuer} is endorsed by ${endorser.name} (${endorser.id}), a trusted endorser in ${registry.name} (endorsement at ${endorsement.path}).`,
        };
      }
    }
  }
  return { trusted: false, reasons };
}

/** Why an entry that names the issuer does not admit this credential; undefined when it does. */
function refusalOf(entry: TrustRegistryEntry, question: TrustQuestion): string | undefined {
  if (entry.achievementTypes) {
    if (!question.achievementType) return `it is limited to ${entry.achievementTypes.join(', ')} and the credential names no achievementType`;
    if (!(entry.achievementTypes as string[]).includes(question.achievementType)) {
      return `it is limited to ${entry.achievementTypes.join(', ')}, not ${question.achievementType}`;
    }
  }
  if (entry.jurisdictions) {
    if (!question.jurisdiction) return `it is limited to the jurisdictions ${entry.jurisdictions.join(', ')}; say which one you decide for with trust.jurisdiction`;
    if (!entry.jurisdictions.includes(question.jurisdiction)) return `it is limited to the jurisdictions ${entry.jurisdictions.join(', ')}, not ${question.jurisdiction}`;
  }
  if (entry.approvedFrom || entry.approvedUntil) {
    const issued = question.issuedAt?.getTime();
    if (issued === undefined || Number.isNaN(issued)) return 'its approval is limited in time and the credential has no readable issuance date';
    if (entry.approvedFrom && issued < Date.parse(entry.approvedFrom)) return `it was approved from ${entry.approvedFrom}, after the credential was issued`;
    if (entry.approvedUntil && issued > Date.parse(entry.approvedUntil)) return `its approval ended at ${entry.approvedUntil}, before the credential was issued`;
  }
  return undefined;
}

/** How reports name a registry: id, name, publisher and the SHA-256 of what was decided on. */
export function refOf({ registry, sha256 }: LoadedTrustRegistry): RegistryRef {
  return { id: registry.id, name: registry.name, publisher: registry.publisher.id, sha256 };
}

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
