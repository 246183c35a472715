/**
 * One roster row → a credential draft. Each cell is read into the draft field it names; the
 * builders then check everything (dates, URLs, credits, rubric levels) exactly as for a draft
 * written by hand, so a row is refused for the same reasons and with the same messages.
 */
import type { CredentialDraft, EvidenceInput, ProfileInput, RecipientInput, ResultInput } from '../build/index.js';
import type { Achievement, Profile } from '../model/index.js';
import type { RosterField } from './columns.js';

export type RowCells = Partial<Record<RosterField, string>>;

export class RowProblem extends Error {}

/** The recipient key a credential id is derived from: the e-mail address (lower-case), else the DID. */
export function recipientKey(cells: RowCells): string {
  if (cells.email !== undefined) return cells.email.toLowerCase();
  if (cells.did !== undefined) return cells.did;
  throw new RowProblem('names no recipient: fill in the email or did cell');
}

export function rowDraft(cells: RowCells, achievement: Achievement, issuer: ProfileInput | Profile, id: string): CredentialDraft {
  const draft: CredentialDraft = { id, issuer, achievement, recipient: recipient(cells) };
  if (cells.evidence !== undefined) draft.evidence = evidence(cells.evidence);
  if (cells.result !== undefined) draft.results = results(cells.result, achievement);
  if (cells.credits !== undefined) draft.creditsEarned = credits(cells.credits);
  for (const field of ['awardedDate', 'validFrom', 'validUntil', 'activityStartDate', 'activityEndDate', 'licenseNumber', 'term', 'narrative'] as const) {
    const value = cells[field];
    if (value !== undefined) draft[field] = value;
  }
  return draft;
}

function recipient(cells: RowCells): RecipientInput {
  if (cells.email !== undefined) return cells.did !== undefined ? { email: cells.email, id: cells.did } : { email: cells.email };
  if (cells.did !== undefined) return { id: cells.did };
  throw new RowProblem('names no recipient: fill in the email or did cell');
}

/** One URL, or several separated by spaces or `|`. */
function evidence(cell: string): EvidenceInput[] {
  return cell.split(/[\s|]+/).filter(Boolean).map((id) => ({ id }));
}

function credits(cell: string): number {
  const value = Number(cell);
  if (!/^\d+(\.\d+)?$/.test(cell) || !Number.isFinite(value)) throw new RowProblem(`credits must be a number such as 15 or 7.5, got ${JSON.stringify(cell)}`);
  return value;
}

/**
 * Rubric levels by name or id (`Proficient`), several separated by `;`. Each is looked up in the
 * achievement's result descriptions; a name two descriptions share is ambiguous and refused.
 */
function results(cell: string, achievement: Achievement): ResultInput[] {
  const descriptions = achievement.resultDescription ?? [];
  return cell.split(';').map((s) => s.trim()).filter(Boolean).map((wanted) => {
    const matches = descriptions.flatMap((description) =>
      (description.rubricCriterionLevel ?? [])
        .filter((level) => level.id === wanted || level.name.toLowerCase() === wanted.toLowerCase())
        .map((level) => ({ resultDescription: description.id, achievedLevel: level.id })),
    );
    if (matches.length === 1) return matches[0]!;
    const known = descriptions.flatMap((d) => (d.rubricCriterionLevel ?? []).map((l) => l.name));
    if (matches.length === 0) {
      throw new RowProblem(known.length === 0
        ? `result ${JSON.stringify(wanted)}: achievement "${achievement.name}" defines no rubric levels (add a resultDescription with rubricCriterionLevel, or leave result empty)`
        : `result ${JSON.stringify(wanted)} is not a rubric level of "${achievement.name}": use one of ${known.map((n) => JSON.stringify(n)).join(', ')}`);
    }
    throw new RowProblem(`result ${JSON.stringify(wanted)} names a level in ${matches.length} result descriptions of "${achievement.name}": give the level's id instead`);
  });
}
