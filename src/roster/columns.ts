/**
 * The columns a roster may have. Header cells are matched ignoring case, spaces, `_` and `-`
 * (`Awarded Date`, `awarded_date` and `awardedDate` are one column); other columns are ignored and
 * reported, so a spreadsheet may keep its own notes.
 */
import { Obv3Error } from '../errors.js';

export type RosterField =
  | 'name'
  | 'email'
  | 'did'
  | 'achievement'
  | 'evidence'
  | 'result'
  | 'credits'
  | 'awardedDate'
  | 'validFrom'
  | 'validUntil'
  | 'activityStartDate'
  | 'activityEndDate'
  | 'licenseNumber'
  | 'term'
  | 'narrative';

/** Each field's accepted header names, normalized; the first is the documented name. */
const HEADERS: Record<RosterField, string[]> = {
  name: ['name'],
  email: ['email', 'emailaddress'],
  did: ['did', 'recipientid'],
  achievement: ['achievement', 'achievementid'],
  evidence: ['evidence', 'evidenceurl'],
  result: ['result', 'level'],
  credits: ['credits', 'creditsearned'],
  awardedDate: ['awardeddate', 'awarded'],
  validFrom: ['validfrom'],
  validUntil: ['validuntil'],
  activityStartDate: ['activitystartdate', 'activitystart'],
  activityEndDate: ['activityenddate', 'activityend'],
  licenseNumber: ['licensenumber', 'license'],
  term: ['term'],
  narrative: ['narrative'],
};

export const ROSTER_FIELDS = Object.keys(HEADERS) as RosterField[];

export interface ColumnMap {
  /** Field → index of its column. */
  fields: Partial<Record<RosterField, number>>;
  /** Header cells that name no field, as written. */
  ignored: string[];
}

const normalize = (header: string) => header.toLowerCase().replace(/[\s_-]+/g, '');

export function mapColumns(header: readonly string[]): ColumnMap {
  const fields: Partial<Record<RosterField, number>> = {};
  const ignored: string[] = [];
  header.forEach((cell, index) => {
    const key = normalize(cell);
    const field = ROSTER_FIELDS.find((f) => HEADERS[f].includes(key));
    if (!field) {
      if (cell.trim() !== '') ignored.push(cell);
      return;
    }
    if (fields[field] !== undefined) {
      throw new Obv3Error('ROSTER_INVALID', `The roster has two "${field}" columns (${header[fields[field]!]} and ${cell}): keep one.`);
    }
    fields[field] = index;
  });
  if (fields.achievement === undefined) {
    throw new Obv3Error('ROSTER_INVALID', `The roster has no "achievement" column: add one naming each row's achievement (its key in the achievements file, or its id). Columns: ${ROSTER_FIELDS.join(', ')}.`);
  }
  if (fields.email === undefined && fields.did === undefined) {
    throw new Obv3Error('ROSTER_INVALID', 'The roster has neither an "email" nor a "did" column: add one saying who each credential is for.');
  }
  return { fields, ignored };
}
