/**
 * A credential's validity window and other dates from a draft: whole-second UTC date-times,
 * `validFrom` defaulting to now, `validUntil` strictly after it.
 */
import { toDateTime, toEpochMs, type DateInput } from './dates.js';
import { at, problem, type Fields } from './fields.js';

/** `path` is where `fields` sit in the draft ('' for its root), for the paths errors name. */
export function validity(fields: Fields, now: Date | undefined, path = ''): { validFrom: string; validUntil?: string } {
  const validFrom = toDateTime((fields.validFrom as DateInput | undefined) ?? now ?? new Date(), at(path, 'validFrom'));
  const validUntil = optionalDate(fields, 'validUntil', path);
  checkOrder(validFrom, validUntil, 'validUntil', 'validFrom', path);
  return { validFrom, validUntil };
}

export function optionalDate(fields: Fields, key: string, path = ''): string | undefined {
  const value = fields[key];
  return value === undefined ? undefined : toDateTime(value as DateInput, at(path, key));
}

/** `later` must not come before `earlier` (for validity: must come strictly after). */
export function checkOrder(earlier: string | undefined, later: string | undefined, laterName: string, earlierName: string, path = ''): void {
  if (earlier === undefined || later === undefined) return;
  const strict = laterName === 'validUntil';
  const start = toEpochMs(earlier);
  const end = toEpochMs(later);
  if (end < start || (strict && end === start)) {
    const consequence = strict ? 'the credential would never be valid' : 'the activity would end before it starts';
    throw problem('SCHEMA_INVALID', at(path, laterName), `(${later}) must be after ${earlierName} (${earlier}): ${consequence}; fix the dates or leave ${laterName} out`);
  }
}
