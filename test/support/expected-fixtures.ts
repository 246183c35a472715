/**
 * The OB 3.0 inputs of ../shared/spec/ob-v3p0 (signed spec examples and the official validator's
 * fixtures), the key documents their issuers would serve, and a compact way to state the report
 * a fixture must get: every check's status and code, in report order.
 */
import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import { CHECK_IDS, type CheckCode, type CheckId, type CheckStatus, type VerificationReport } from '../../src/index.js';
import { issuerKeyDocuments } from './fetch-stub.js';
import { hasSharedSpec, listShared, readSharedText } from './shared-spec.js';

/** The instant every verdict is judged at: after every validFrom, before 2030, after 2010. */
export const NOW = new Date('2026-06-01T00:00:00Z');

export interface Fixture {
  /** Path under ob-v3p0/, e.g. `validator-fixtures/simple.json`. */
  file: string;
  text: string;
  /** The parsed JSON, for `.json` files. */
  json?: Record<string, unknown>;
}

/** Every verifiable input of the folder: examples/*.eddsa.json, examples/*.jwt, validator-fixtures/*. */
export function loadObFixtures(): Fixture[] {
  if (!hasSharedSpec) return [];
  const files = [
    ...listShared('ob-v3p0', 'examples')
      .filter((f) => f.endsWith('.eddsa.json') || f.endsWith('.jwt'))
      .map((f) => `examples/${f}`),
    ...listShared('ob-v3p0', 'validator-fixtures').map((f) => `validator-fixtures/${f}`),
  ];
  return files.map((file) => {
    const text = readSharedText('ob-v3p0', ...file.split('/'));
    return file.endsWith('.json') ? { file, text, json: JSON.parse(text) as Record<string, unknown> } : { file, text };
  });
}

/**
 * One key-document map for all fixtures: several share an issuer URL with different keys, so each
 * document must list every key its fixtures use.
 */
export function servedKeyDocuments(fixtures: readonly Fixture[]): Map<string, object> {
  return issuerKeyDocuments(fixtures.flatMap((f) => (f.json ? [f.json] : [])));
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** What one check must say: a bare status (no code expected) or [status, code]. */
export type ExpectedCheck = CheckStatus | readonly [CheckStatus, CheckCode];
export type ExpectedChecks = Partial<Record<CheckId, ExpectedCheck>>;

/** A credential that parses and has nothing notable: the baseline every row overrides. */
export const CLEAN: Readonly<Record<CheckId, ExpectedCheck>> = {
  parse: 'passed',
  context: 'passed',
  type: 'passed',
  schema: 'passed',
  subject: 'passed',
  proof: 'passed',
  'issuer-key': 'passed',
  'valid-from': 'passed',
  'valid-until': 'passed',
  status: 'skipped', // no credentialStatus declared
  endorsements: 'skipped', // none embedded
  credentials: 'skipped', // not a CLR: it embeds no credentials
  trust: 'skipped', // no trusted-issuer registry given
};

/** An input that did not parse: every later check is skipped. */
export const UNPARSED: Readonly<Record<CheckId, ExpectedCheck>> = Object.fromEntries(
  CHECK_IDS.map((id) => [id, 'skipped']),
) as Record<CheckId, ExpectedCheck>;

interface CheckSummary {
  id: string;
  status: string;
  code: string | null;
}

/**
 * Asserts every check of the report: CLEAN (or `base`) with `overrides` applied. Compared as one
 * list so a failure shows the whole report's shape side by side.
 */
export function expectChecks(report: VerificationReport, overrides: ExpectedChecks, base: Readonly<Record<CheckId, ExpectedCheck>> = CLEAN): void {
  const expected = { ...base, ...overrides };
  const actual: CheckSummary[] = report.checks.map((c) => ({ id: c.id, status: c.status, code: c.code ?? null }));
  const wanted: CheckSummary[] = CHECK_IDS.map((id) => {
    const want = expected[id];
    const [status, code] = typeof want === 'string' ? [want, null] : [want[0], want[1]];
    return { id, status, code };
  });
  expect(actual).toEqual(wanted);
}

/** The check with this id (the report always has all of them). */
export function checkOf(report: VerificationReport, id: CheckId) {
  const found = report.checks.find((c) => c.id === id);
  if (!found) throw new Error(`the report has no ${id} check`);
  return found;
}
