/** readRoster: rows → checked drafts with derived ids; bad rows listed by row number with the reason. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { batchCredentialId, buildCredential, isObv3Error, readRoster, type ReadRosterOptions } from '../../src/index.js';

const fixture = (name: string) => readFileSync(new URL(`../../examples/assets/${name}`, import.meta.url));
const achievements = JSON.parse(fixture('achievements.json').toString()) as ReadRosterOptions['achievements'];
const ISSUER = { id: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', name: 'Lakeside USD' };
const options = (batchId = 'spring-2026'): ReadRosterOptions => ({ batchId, achievements, issuer: ISSUER });

function refused(csv: string): string {
  try {
    readRoster(csv, options());
  } catch (error) {
    if (isObv3Error(error, 'ROSTER_INVALID')) return error.message;
    throw error;
  }
  throw new Error('expected ROSTER_INVALID');
}

describe('readRoster', () => {
  const roster = readRoster(fixture('roster.csv'), options());

  it('turns good rows into drafts that build, naming rows as a spreadsheet does', () => {
    expect(roster.rows).toBe(9);
    expect(roster.entries.map((e) => [e.row, e.name, e.recipient, e.achievement.key])).toEqual([
      [2, 'Maria Lopez', 'maria.lopez@lakeside.example.org', 'wait-time'],
      [3, 'Sam Ortiz', 'sam.ortiz@lakeside.example.org', 'wait-time'],
      [4, 'Aisha Patel', 'aisha.patel@lakeside.example.org', 'questioning'],
      [5, 'Tom Baker', 'did:example:tom-baker', 'questioning'],
    ]);
    const maria = buildCredential(roster.entries[0]!.draft);
    expect(maria.id).toBe(roster.entries[0]!.credentialId);
    expect(maria.credentialSubject).toMatchObject({
      creditsEarned: 15,
      result: [{ resultDescription: 'https://lakeside.example.org/achievements/wait-time/rubric', achievedLevel: 'https://lakeside.example.org/achievements/wait-time/rubric/proficient' }],
      identifier: [{ identityType: 'emailAddress', hashed: true }],
    });
    expect(maria.evidence).toEqual([{ id: 'https://evidence.lakeside.example.org/maria/wt', type: ['Evidence'] }]);
    expect(maria.awardedDate).toBe('2026-05-01T00:00:00Z');
    expect(buildCredential(roster.entries[3]!.draft).credentialSubject.id).toBe('did:example:tom-baker');
    expect(roster.ignoredColumns).toEqual(['School']);
  });

  it('lists every bad row with its number, code and reason', () => {
    expect(roster.problems.map((p) => [p.row, p.code])).toEqual([
      [6, 'ROW_INVALID'],
      [7, 'ROW_INVALID'],
      [8, 'ROW_INVALID'],
      [9, 'INVALID_ARGUMENT'],
      [10, 'ROW_DUPLICATE'],
    ]);
    const [noRecipient, badLevel, unknown, badDate, duplicate] = roster.problems.map((p) => p.message);
    expect(noRecipient).toContain('names no recipient');
    expect(badLevel).toBe('result "Superb" is not a rubric level of "Wait Time": use one of "Proficient", "Exemplary"');
    expect(unknown).toContain('"reading", which the achievements file does not define: use one of "wait-time", "questioning"');
    expect(badDate).toContain('awardedDate "yesterday" is not an ISO 8601 date-time');
    expect(duplicate).toContain('row 2 already does');
  });

  it('derives ids from the batch and what each row awards to whom, not from its position', () => {
    const lines = fixture('roster.csv').toString().trim().split('\n');
    const shuffled = [lines[0], ...lines.slice(1).reverse(), 'Extra,extra@lakeside.example.org,,questioning,,,,,'].join('\n');
    const again = readRoster(shuffled, options());
    const ids = (r: typeof roster) => new Map(r.entries.map((e) => [e.recipient.toLowerCase() + e.achievement.key, e.credentialId]));
    for (const [who, id] of ids(roster)) expect(ids(again).get(who)).toBe(id);
    const other = readRoster(fixture('roster.csv'), options('fall-2026'));
    expect(other.entries.map((e) => e.credentialId)).not.toContain(roster.entries[0]!.credentialId);
    const id = batchCredentialId('spring-2026', 'maria.lopez@lakeside.example.org', 'https://lakeside.example.org/achievements/wait-time');
    expect(id).toBe(roster.entries[0]!.credentialId);
    expect(id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('numbers rows by their first line when a quoted cell spans lines, and skips empty lines', () => {
    const csv = 'email,achievement,narrative\n\n"a@x.org",wait-time,"line one\nline two"\nb@x.org,nope,\n';
    const result = readRoster(csv, options());
    expect(result.entries.map((e) => e.row)).toEqual([3]);
    expect(result.problems.map((p) => p.row)).toEqual([5]);
    expect(buildCredential(result.entries[0]!.draft).credentialSubject.narrative).toBe('line one\nline two');
  });

  it('stops reading at maxRows: a longer roster is refused without parsing the rest', () => {
    const rows = ['email,achievement', 'a@x.org,wait-time', 'b@x.org,wait-time', 'c@x.org,wait-time'];
    // A broken quote after the limit is never reached, so the refusal is the row limit, not the CSV.
    let caught: unknown;
    try {
      readRoster(`${rows.join('\n')}\n"d@x.org,wait-time\n`, { ...options(), maxRows: 2 });
    } catch (error) {
      caught = error;
    }
    expect(isObv3Error(caught, 'ROSTER_INVALID') && caught.message).toContain('more than 2 rows');
    const withBlankCells = readRoster(`${rows.slice(0, 3).join('\n')}\n,,\n , \n`, { ...options(), maxRows: 2 });
    expect(withBlankCells.rows).toBe(2);
    expect(withBlankCells.entries.map((e) => e.row)).toEqual([2, 3]);
    const afterBlankCells = readRoster(`${rows[0]}\n,\n${rows[1]}\n`, { ...options(), maxRows: 1 });
    expect(afterBlankCells.entries.map((e) => e.row)).toEqual([3]);
  });

  it('splits several evidence URLs and several results', () => {
    const csv = 'email,achievement,evidence,result\na@x.org,wait-time,https://e.org/1 | https://e.org/2,Proficient; https://lakeside.example.org/achievements/wait-time/rubric/exemplary\n';
    const credential = buildCredential(readRoster(csv, options()).entries[0]!.draft);
    expect(credential.evidence?.map((e) => e.id)).toEqual(['https://e.org/1', 'https://e.org/2']);
    expect(credential.credentialSubject.result?.map((r) => r.achievedLevel?.split('/').pop())).toEqual(['proficient', 'exemplary']);
  });

  it('refuses a roster it cannot read at all with ROSTER_INVALID', () => {
    expect(refused('email,name\na@x.org,A\n')).toContain('no "achievement" column');
    expect(refused('name,achievement\nA,wait-time\n')).toContain('neither an "email" nor a "did" column');
    expect(refused('email,Email,achievement\n')).toContain('two "email" columns');
    expect(refused('email,achievement\n"a@x.org,wait-time\n')).toContain('not valid CSV');
    expect(refused('')).toContain('empty');
    let caught: unknown;
    try {
      readRoster(new Uint8Array([0x65, 0x6d, 0xff, 0xfe]), options());
    } catch (error) {
      caught = error;
    }
    expect(isObv3Error(caught, 'ROSTER_INVALID') && caught.message).toContain('not UTF-8');
  });
});
