/** `valid-from` and `valid-until`, judged at `options.now` with the policy's clock skew. */
import { isVc11 } from '../credential-fields.js';
import type { CheckDefinition } from '../verification-context.js';

// XML Schema dateTimeStamp: a time zone is required, so the instant is unambiguous.
const DATE_TIME_STAMP = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

function parseInstant(value: unknown): Date | undefined {
  if (typeof value !== 'string' || !DATE_TIME_STAMP.test(value)) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export const validFromCheck: CheckDefinition = {
  id: 'valid-from',
  run({ credential, options }) {
    const property = isVc11(credential) ? 'issuanceDate' : 'validFrom';
    const raw = credential[property];
    if (raw === undefined) {
      return { status: 'failed', code: 'DATE_INVALID', message: `${property} is missing; OB 3.0 requires it.` };
    }
    const from = parseInstant(raw);
    if (!from) return { status: 'failed', code: 'DATE_INVALID', message: `${property} ${JSON.stringify(raw)} is not a date-time with a time zone.` };
    const skewMs = options.policy.clockSkewSeconds * 1000;
    if (from.getTime() > options.now.getTime() + skewMs) {
      return {
        status: 'failed',
        code: 'NOT_YET_VALID',
        message: `Not valid until ${from.toISOString()}; judged at ${options.now.toISOString()}.`,
        details: { [property]: raw, now: options.now.toISOString() },
      };
    }
    return { status: 'passed', message: `Valid from ${raw}.`, details: { [property]: raw } };
  },
};

export const validUntilCheck: CheckDefinition = {
  id: 'valid-until',
  run({ credential, options }) {
    const property = isVc11(credential) ? 'expirationDate' : 'validUntil';
    const raw = credential[property];
    if (raw === undefined) return { status: 'passed', message: `No ${property}: the credential does not expire.` };
    const until = parseInstant(raw);
    if (!until) return { status: 'failed', code: 'DATE_INVALID', message: `${property} ${JSON.stringify(raw)} is not a date-time with a time zone.` };
    const skewMs = options.policy.clockSkewSeconds * 1000;
    if (until.getTime() < options.now.getTime() - skewMs) {
      return {
        status: 'failed',
        code: 'EXPIRED',
        message: `Expired at ${until.toISOString()}; judged at ${options.now.toISOString()}.`,
        details: { [property]: raw, now: options.now.toISOString() },
      };
    }
    return { status: 'passed', message: `Valid until ${raw}.`, details: { [property]: raw } };
  },
};
