/** CSV rosters for batch issuance: rows → checked drafts with derived, resumable credential ids. */
export { readRoster, type ReadRosterOptions, type Roster, type RosterEntry, type RosterProblem, type RosterProblemCode } from './read-roster.js';
export { batchCredentialId } from './credential-id.js';
export { ROSTER_FIELDS, type RosterField } from './columns.js';
