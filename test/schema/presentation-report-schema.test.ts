/**
 * schemas/presentation-report-v1.schema.json describes what verifyPresentation returns: real
 * reports (verified, refused, unparsable) validate against it strictly, and the check ids match.
 */
import { describe, expect, it } from 'vitest';
import presentationSchema from '../../schemas/presentation-report-v1.schema.json';
import reportSchema from '../../schemas/verification-report-v1.schema.json';
import { PRESENTATION_CHECK_IDS, createPresentation, generateKey, issueCredential, issueCredentialJwt, verifyPresentation } from '../../src/index.js';
import { createOwnAjv } from '../../src/schema/ajv-instances.js';
import { waitTimeDraft } from '../support/drafts.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const ajv = createOwnAjv();
ajv.addSchema(reportSchema);
const validate = ajv.compile(presentationSchema);

function problems(report: unknown): unknown {
  return validate(JSON.parse(JSON.stringify(report))) ? [] : validate.errors;
}

describe('presentation report schema', () => {
  it('lists the presentation checks in report order', () => {
    expect(presentationSchema.$defs.check.properties.id.enum).toEqual([...PRESENTATION_CHECK_IDS]);
  });

  it('validates verified, refused and unparsable reports, and rejects a report with a field it does not know', async () => {
    const [issuer, jwtIssuer, teacher] = await Promise.all([generateKey(), generateKey({ algorithm: 'RS256' }), generateKey()]);
    const credential = await issueCredential(waitTimeDraft(issuer.controller, { recipient: { id: teacher.controller } }), { key: issuer });
    const jwt = await issueCredentialJwt(waitTimeDraft(jwtIssuer.controller, { recipient: { id: teacher.controller } }), { key: jwtIssuer });
    const vp = await createPresentation({ holder: teacher, credentials: [credential, jwt], challenge: 'c1', domain: 'state.example' });
    const verified = await verifyPresentation(vp, { now: NOW, challenge: 'c1', domain: 'state.example' });
    expect(verified.verified).toBe(true);
    const refused = await verifyPresentation(vp, { now: NOW, challenge: 'other' });
    const unparsed = await verifyPresentation('{', { now: NOW, challenge: 'c1' });
    for (const report of [verified, refused, unparsed]) expect(problems(report)).toEqual([]);
    expect(problems({ ...verified, extra: true })).not.toEqual([]);
    expect(problems({ ...verified, checks: verified.checks.slice(1) })).not.toEqual([]);
  });
});
