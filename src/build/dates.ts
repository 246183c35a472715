/**
 * Every date-time we write is whole seconds in UTC with a `Z` (`2026-05-01T12:00:00Z`): VC-JWT
 * carries `validFrom`/`validUntil` as whole-second `nbf`/`exp`, so anything finer would not
 * survive a round trip, and one fixed form makes credentials compare and sort as text.
 */
import { Obv3Error } from '../errors.js';
import { describeValue, problem } from './fields.js';

export type DateInput = Date | string;

// RFC 3339 date-time (seconds optional, fraction allowed) or a bare full-date. A time without an
// offset is rejected: JavaScript would read it as local time, which differs between machines.
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?)?$/;

/**
 * Formats `value` as `YYYY-MM-DDTHH:MM:SSZ`, converting offsets to UTC and dropping fractions of
 * a second. A bare date (`2026-05-01`) means midnight UTC. `path` names the field in errors.
 */
export function toDateTime(value: DateInput, path = 'date'): string {
  return formatEpoch(toEpochMs(value, path), path);
}

/** Milliseconds since the epoch, truncated to whole seconds. */
export function toEpochMs(value: DateInput, path = 'date'): number {
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw problem('INVALID_ARGUMENT', path, 'is an invalid Date: pass a valid Date or an ISO 8601 string such as 2026-05-01T12:00:00Z');
    return Math.floor(ms / 1000) * 1000;
  }
  if (typeof value !== 'string') {
    throw problem('INVALID_ARGUMENT', path, `must be a Date or an ISO 8601 string, got ${describeValue(value)}`);
  }
  return parseDateTime(value.trim(), path);
}

/** Checks a `YYYY-MM-DD` full-date (e.g. `Profile.dateOfBirth`) and returns it unchanged. */
export function toFullDate(value: DateInput, path = 'date'): string {
  if (value instanceof Date) return toDateTime(value, path).slice(0, 10);
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    throw problem('INVALID_ARGUMENT', path, `must be a date written YYYY-MM-DD, got ${describeValue(value)}`);
  }
  parseDateTime(value, path);
  return value;
}

function parseDateTime(text: string, path: string): number {
  const m = DATE_TIME.exec(text);
  const unparseable = (why: string, fix = 'write it like 2026-05-01T12:00:00Z'): Obv3Error =>
    problem('INVALID_ARGUMENT', path, `${JSON.stringify(text)} ${why}: ${fix}`);
  if (m === null) throw unparseable('is not an ISO 8601 date-time');
  const [, y, mo, d, h, mi, s, , z, sign, oh, om] = m;
  if (h !== undefined && z === undefined && sign === undefined) {
    throw unparseable('has no time zone, and local time differs between machines', 'add Z (UTC) or an offset such as +02:00');
  }
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h ?? 0);
  const minute = Number(mi ?? 0);
  const second = Number(s ?? 0);
  const offsetHours = Number(oh ?? 0);
  const offsetMinutes = Number(om ?? 0);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) throw unparseable('is not a calendar date');
  if (hour > 23 || minute > 59 || second > 59) throw unparseable('is not a valid time of day');
  if (offsetHours > 23 || offsetMinutes > 59) throw unparseable('has an invalid UTC offset');
  // Date.UTC maps years 0–99 to 1900–1999, so set the full year separately.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  const offset = (sign === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes);
  return date.getTime() - offset * 60_000;
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

function formatEpoch(ms: number, path: string): string {
  const iso = new Date(ms).toISOString();
  // Outside years 0000–9999 toISOString writes ±YYYYYY, which RFC 3339 does not allow.
  if (!/^\d{4}-/.test(iso)) throw problem('INVALID_ARGUMENT', path, `is outside the years 0000–9999 (${iso})`);
  return iso.replace(/\.\d{3}Z$/, 'Z');
}
