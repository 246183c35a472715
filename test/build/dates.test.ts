import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toDateTime, toFullDate } from '../../src/build/index.js';
import { isObv3Error } from '../../src/errors.js';

describe('toDateTime', () => {
  it.each([
    ['2026-05-01T12:00:00Z', '2026-05-01T12:00:00Z'],
    ['2026-05-01T12:00:00.999Z', '2026-05-01T12:00:00Z'],
    ['2026-05-01t12:00:00z', '2026-05-01T12:00:00Z'],
    ['2026-05-01T14:30:00+02:00', '2026-05-01T12:30:00Z'],
    ['2026-05-01T07:00:00-0500', '2026-05-01T12:00:00Z'],
    ['2026-05-01T00:30:00+01:00', '2026-04-30T23:30:00Z'],
    ['2026-05-01T12:00Z', '2026-05-01T12:00:00Z'],
    ['2026-05-01', '2026-05-01T00:00:00Z'],
    ['2024-02-29', '2024-02-29T00:00:00Z'],
    ['0099-01-01T00:00:00Z', '0099-01-01T00:00:00Z'],
  ])('%s → %s', (input, expected) => {
    expect(toDateTime(input)).toBe(expected);
  });

  it('truncates Date objects to whole seconds, including before 1970', () => {
    expect(toDateTime(new Date(Date.UTC(2026, 4, 1, 12, 0, 0, 999)))).toBe('2026-05-01T12:00:00Z');
    expect(toDateTime(new Date(-1))).toBe('1969-12-31T23:59:59Z');
  });

  it.each(['2026-02-29', '2026-13-01', '2026-04-31T00:00:00Z', '2026-05-01T24:00:00Z', '2026-05-01T23:59:60Z', '2026-05-01T12:00:00+24:00', '2026-05-01T12:00:00', '1 May 2026', '', '20260501'])(
    'rejects %j',
    (input) => {
      try {
        toDateTime(input, 'validFrom');
        expect.unreachable();
      } catch (error) {
        expect(isObv3Error(error, 'INVALID_ARGUMENT')).toBe(true);
        expect((error as Error).message.startsWith('validFrom ')).toBe(true);
      }
    },
  );

  it('rejects years JSON date-times cannot carry', () => {
    expect(() => toDateTime(new Date(Date.UTC(10000, 0, 1)))).toThrow(/outside the years/);
  });

  it('always writes whole-second UTC, within a second of the input, and is idempotent', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }), (date) => {
        const text = toDateTime(date);
        expect(text).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
        const ms = Date.parse(text);
        expect(date.getTime() - ms).toBeGreaterThanOrEqual(0);
        expect(date.getTime() - ms).toBeLessThan(1000);
        expect(toDateTime(text)).toBe(text);
      }),
    );
  });
});

describe('toFullDate', () => {
  it('accepts real dates only', () => {
    expect(toFullDate('1984-02-29')).toBe('1984-02-29');
    expect(() => toFullDate('1985-02-29')).toThrow(/calendar date/);
    expect(() => toFullDate('1985-2-1')).toThrow(/YYYY-MM-DD/);
  });
});
