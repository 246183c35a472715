/**
 * readRoster: a CSV roster (one row per credential: a teacher and the achievement she earned) →
 * checked credential drafts with derived ids. A bad row never stops the others: it is listed with
 * its row number and the reason, and the good rows are returned ready to issue. Only a roster that
 * cannot be read at all (not UTF-8, broken quoting, no achievement or recipient column) throws.
 */
import { parse } from 'csv-parse/sync';
import { buildAchievement, buildCredential, type AchievementInput, type CredentialDraft, type ProfileInput } from '../build/index.js';
import { Obv3Error, type Obv3ErrorCode, type ValidationProblem } from '../errors.js';
import type { Achievement, Profile } from '../model/index.js';
import { assertValidForIssue } from '../schema/index.js';
import { mapColumns, ROSTER_FIELDS, type ColumnMap } from './columns.js';
import { batchCredentialId } from './credential-id.js';
import { recipientKey, RowProblem, rowDraft, type RowCells } from './row-draft.js';

export interface ReadRosterOptions {
  /** Names the batch; with the row it determines each credential id (keep it to resume a batch). */
  batchId: string;
  /** The achievements rows may name, by key (`"wait-time": {…}`); a row may also give an achievement's id. */
  achievements: Readonly<Record<string, AchievementInput | Achievement>>;
  issuer: ProfileInput | Profile;
  /** Most rows read. Default 1,000,000. */
  maxRows?: number;
}

/** A row ready to issue. */
export interface RosterEntry {
  /** The row number a spreadsheet shows: the header is row 1 (for a quoted multi-line cell, its first line). */
  row: number;
  credentialId: string;
  /** The achievement's key in `achievements`, and its id and name. */
  achievement: { key: string; id: string; name: string };
  /** The e-mail address or DID the credential names. */
  recipient: string;
  /** The `name` cell, for summaries (OB 3.0 credentials name recipients by hashed e-mail or DID, not by name). */
  name?: string;
  /** The draft, with `id` set to credentialId; it builds and meets the OB 3.0 shape. */
  draft: CredentialDraft;
}

export type RosterProblemCode = 'ROW_INVALID' | 'ROW_DUPLICATE' | Obv3ErrorCode;

export interface RosterProblem {
  row: number;
  code: RosterProblemCode;
  /** What is wrong and how to fix it. */
  message: string;
  problems?: readonly ValidationProblem[];
}

export interface Roster {
  batchId: string;
  /** Data rows read (not counting the header and empty lines). */
  rows: number;
  entries: RosterEntry[];
  problems: RosterProblem[];
  /** Header cells that name no roster column (ignored). */
  ignoredColumns: string[];
}

const DEFAULT_MAX_ROWS = 1_000_000;

export function readRoster(csv: string | Uint8Array, options: ReadRosterOptions): Roster {
  const { batchId, issuer, maxRows = DEFAULT_MAX_ROWS } = checkOptions(options);
  const achievements = indexAchievements(options.achievements);
  // The header, maxRows rows and one more to tell that there are too many: the parser stops
  // there, so the limit bounds the work, not only the result.
  const records = parseCsv(csv, maxRows + 2);
  if (records.length === 0) throw new Obv3Error('ROSTER_INVALID', `The roster is empty: its first line must be a header naming the columns (${ROSTER_FIELDS.join(', ')}).`);
  const [header, ...data] = records;
  if (data.length > maxRows) throw new Obv3Error('ROSTER_INVALID', `The roster has more than ${maxRows} rows; at most ${maxRows} are read at once: split it.`);
  const columns = mapColumns(header!.cells);
  const roster: Roster = { batchId, rows: data.length, entries: [], problems: [], ignoredColumns: columns.ignored };
  const seen = new Map<string, number>();
  for (const record of data) {
    try {
      const entry = readRow(record, columns, achievements, issuer, batchId);
      const first = seen.get(entry.credentialId);
      if (first !== undefined) {
        roster.problems.push({ row: record.row, code: 'ROW_DUPLICATE', message: `awards "${entry.achievement.name}" to ${entry.recipient} again: row ${first} already does. Remove one of them.` });
        continue;
      }
      seen.set(entry.credentialId, record.row);
      roster.entries.push(entry);
    } catch (error) {
      roster.problems.push(rowProblem(record.row, error));
    }
  }
  return roster;
}

interface CsvRecord {
  row: number;
  cells: string[];
}

/** At most `maxRecords` records; lines whose cells are all empty are skipped and not counted. */
function parseCsv(csv: string | Uint8Array, maxRecords: number): CsvRecord[] {
  let text: string;
  try {
    text = typeof csv === 'string' ? csv : new TextDecoder('utf-8', { fatal: true }).decode(csv);
  } catch {
    throw new Obv3Error('ROSTER_INVALID', 'The roster is not UTF-8 text: save it from your spreadsheet as "CSV UTF-8".');
  }
  try {
    const parsed = parse(text, {
      bom: true,
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      trim: true,
      to: maxRecords,
    }) as unknown as {
      record: string[];
      info: { lines: number };
      raw: string;
    }[];
    return parsed.map(({ record, info, raw }) => ({ row: info.lines - (raw.replace(/^[\r\n]+/, '').replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0), cells: record }));
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new Obv3Error('ROSTER_INVALID', `The roster is not valid CSV${line ? ` (line ${line})` : ''}: ${(error as Error).message}. Check the quotes around cells that contain commas or line breaks.`);
  }
}

function readRow(record: CsvRecord, columns: ColumnMap, achievements: AchievementIndex, issuer: ProfileInput | Profile, batchId: string): RosterEntry {
  const cells: RowCells = {};
  for (const [field, index] of Object.entries(columns.fields) as [keyof RowCells, number][]) {
    const value = record.cells[index];
    if (value !== undefined && value !== '') cells[field] = value;
  }
  if (cells.achievement === undefined) throw new RowProblem('names no achievement: fill in the achievement cell');
  const found = achievements.get(cells.achievement);
  if (!found) {
    throw new RowProblem(`names achievement ${JSON.stringify(cells.achievement)}, which the achievements file does not define: use one of ${[...achievements.keys].map((k) => JSON.stringify(k)).join(', ')}`);
  }
  const recipient = recipientKey(cells);
  const credentialId = batchCredentialId(batchId, recipient, found.achievement.id);
  const draft = rowDraft(cells, found.achievement, issuer, credentialId);
  // Built and checked now, so a bad row is reported before anything is spent on it (a status index).
  assertValidForIssue(buildCredential(draft));
  return {
    row: record.row,
    credentialId,
    achievement: { key: found.key, id: found.achievement.id, name: found.achievement.name },
    recipient: cells.email ?? cells.did!,
    ...(cells.name !== undefined ? { name: cells.name } : {}),
    draft,
  };
}

function rowProblem(row: number, error: unknown): RosterProblem {
  if (error instanceof RowProblem) return { row, code: 'ROW_INVALID', message: error.message };
  if (error instanceof Obv3Error) return { row, code: error.code, message: error.message, ...(error.problems.length > 0 ? { problems: error.problems } : {}) };
  return { row, code: 'ROW_INVALID', message: error instanceof Error ? error.message : String(error) };
}

interface AchievementIndex {
  keys: string[];
  get(keyOrId: string): { key: string; achievement: Achievement } | undefined;
}

function indexAchievements(input: unknown): AchievementIndex {
  if (typeof input !== 'object' || input === null || Array.isArray(input) || Object.keys(input).length === 0) {
    throw new Obv3Error('INVALID_ARGUMENT', 'achievements must map keys to achievements, e.g. { "wait-time": { id, name, description, criteria } }.');
  }
  const byKey = new Map<string, { key: string; achievement: Achievement }>();
  const byId = new Map<string, { key: string; achievement: Achievement }>();
  for (const [key, value] of Object.entries(input)) {
    let achievement: Achievement;
    try {
      achievement = buildAchievement(value as AchievementInput);
    } catch (error) {
      if (!(error instanceof Obv3Error)) throw error;
      throw new Obv3Error(error.code, `Achievement "${key}": ${error.message}`, { problems: error.problems });
    }
    byKey.set(key, { key, achievement });
    byId.set(achievement.id, { key, achievement });
  }
  return { keys: [...byKey.keys()], get: (k) => byKey.get(k) ?? byId.get(k) };
}

function checkOptions(options: ReadRosterOptions): ReadRosterOptions {
  if (typeof options !== 'object' || options === null) throw new Obv3Error('INVALID_ARGUMENT', 'readRoster needs options { batchId, achievements, issuer }.');
  if (typeof options.batchId !== 'string' || options.batchId.trim() === '') throw new Obv3Error('INVALID_ARGUMENT', 'options.batchId must name the batch, e.g. "2026-spring".');
  if (options.issuer === undefined) throw new Obv3Error('INVALID_ARGUMENT', 'options.issuer is missing: give the issuing organisation as { id, name }.');
  if (options.maxRows !== undefined && (!Number.isSafeInteger(options.maxRows) || options.maxRows < 1)) throw new Obv3Error('INVALID_ARGUMENT', 'options.maxRows must be a positive whole number.');
  return options;
}
