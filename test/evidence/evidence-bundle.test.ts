/**
 * Evidence bundles: what a verification fetched is recorded byte for byte with the recorder's own
 * clock, and verifying from the bundle later judges status as of the recorded time, in this thread
 * and on worker threads. A live server cannot choose the time (headers are never read), and a
 * changed bundle is refused.
 */
import { describe, expect, it } from 'vitest';
import {
  createEvidenceRecorder,
  isObv3Error,
  openEvidenceBundle,
  verifyCredential,
  verifyCredentials,
  type EvidenceBundle,
  type FetchFunction,
  type VerificationReport,
} from '../../src/index.js';
import { createStatusIssuer, servingFetch } from '../support/status-issuer.js';

const HOUR = 3600_000;
const published = new Date(Date.now() - 3 * 24 * HOUR);
const recordedAt = new Date(published.getTime() + HOUR);

/** A district whose lists were published three days ago, valid for one day: expired today. */
async function expiredListWorld() {
  const issuer = await createStatusIssuer({ now: () => published, validityMs: 24 * HOUR });
  const kept = await issuer.issue();
  const revoked = await issuer.issue();
  await issuer.registry.revoke(revoked.id);
  const lists = await issuer.publish();
  return { kept, revoked, lists };
}

/** A live server that claims (in its headers) that it is still the day the list was valid. */
function liarFetch(lists: Map<string, unknown>): FetchFunction {
  const { fetch } = servingFetch(lists);
  return async (url, init) => {
    const response = await fetch(url, init);
    const headers = new Headers(response.headers);
    headers.set('date', recordedAt.toUTCString());
    headers.set('last-modified', published.toUTCString());
    return new Response(await response.arrayBuffer(), { status: response.status, headers });
  };
}

const status = (report: VerificationReport) => report.checks.find((c) => c.id === 'status')!;

describe('evidence bundles', () => {
  it('a live server cannot make an expired list count by the time it states', async () => {
    const { kept, lists } = await expiredListWorld();
    const report = await verifyCredential(kept, { fetch: liarFetch(lists) });
    expect(status(report)).toMatchObject({ status: 'indeterminate', code: 'STATUS_UNAVAILABLE' });
    expect(Date.parse(report.provenance.fetched[0]!.fetchedAt)).toBeGreaterThan(Date.now() - HOUR);
  });

  it('records each document with the recorder clock, and a re-verification from the bundle judges status as of then', async () => {
    const { kept, revoked, lists } = await expiredListWorld();
    const live = servingFetch(lists);
    const recorder = createEvidenceRecorder(live.fetch, { now: () => recordedAt });
    await verifyCredential(kept, { fetch: recorder.fetch });
    await verifyCredential(revoked, { fetch: recorder.fetch });
    const bundle = recorder.bundle();
    const [listUrl] = [...lists.keys()];
    expect(live.requests.get(listUrl!)).toBe(1); // one snapshot for the whole run
    expect(bundle).toMatchObject({ type: 'Obv3EvidenceBundle', version: 1, documents: [{ url: listUrl, status: 200, fetchedAt: recordedAt.toISOString(), contentType: 'application/vc+ld+json' }] });
    expect(Buffer.from(bundle.documents[0]!.body!, 'base64').toString()).toBe(JSON.stringify(lists.get(listUrl!)));

    const opened = openEvidenceBundle(JSON.stringify(bundle));
    const keptReport = await verifyCredential(kept, { fetch: opened.fetch });
    expect(keptReport.verified).toBe(true);
    expect(status(keptReport).message).toContain(`as of ${recordedAt.toISOString()}`);
    expect(keptReport.provenance.fetched).toEqual([expect.objectContaining({ url: listUrl, fetchedAt: recordedAt.toISOString(), sha256: bundle.documents[0]!.sha256 })]);
    const revokedReport = await verifyCredential(revoked, { fetch: opened.fetch });
    expect(status(revokedReport)).toMatchObject({ status: 'failed', code: 'REVOKED' });
  });

  it('serves recorded times to worker threads too', async () => {
    const { kept, revoked, lists } = await expiredListWorld();
    const recorder = createEvidenceRecorder(servingFetch(lists).fetch, { now: () => recordedAt });
    const opened = openEvidenceBundle(recorder.bundle());
    await verifyCredential(kept, { fetch: recorder.fetch }); // records the list
    const bundle = openEvidenceBundle(recorder.bundle());
    expect(opened.bundle.documents).toHaveLength(0);
    const reports: VerificationReport[] = [];
    for await (const { report } of verifyCredentials([kept, revoked], { fetch: bundle.fetch, workers: 1 })) reports.push(report);
    expect(reports.map((r) => status(r).code ?? status(r).status)).toEqual(['passed', 'REVOKED']);
    expect(reports[0]!.provenance.fetched[0]!.fetchedAt).toBe(recordedAt.toISOString());
  });

  it('fetches nothing for a URL the bundle lacks: the status is undecided, saying why', async () => {
    const { kept } = await expiredListWorld();
    const empty = openEvidenceBundle({ type: 'Obv3EvidenceBundle', version: 1, createdAt: recordedAt.toISOString(), createdBy: { name: 'obv3', version: '0' }, documents: [] });
    const report = await verifyCredential(kept, { fetch: empty.fetch });
    expect(status(report)).toMatchObject({ status: 'indeterminate', code: 'STATUS_UNAVAILABLE' });
    expect(status(report).message).toContain('is not in the evidence bundle');
  });

  it('records failures as failures, and replays them', async () => {
    const recorder = createEvidenceRecorder(async () => {
      throw new Error('connection refused');
    }, { now: () => recordedAt });
    await expect(recorder.fetch('https://gone.example/list')).rejects.toThrow('connection refused');
    const opened = openEvidenceBundle(recorder.bundle());
    expect(opened.document('https://gone.example/list')).toEqual({ url: 'https://gone.example/list', fetchedAt: recordedAt.toISOString(), error: 'connection refused' });
    await expect(opened.fetch('https://gone.example/list')).rejects.toThrow('connection refused');
  });

  it('refuses a changed or malformed bundle with EVIDENCE_INVALID', async () => {
    const { kept, lists } = await expiredListWorld();
    const recorder = createEvidenceRecorder(servingFetch(lists).fetch);
    await verifyCredential(kept, { fetch: recorder.fetch });
    const bundle = recorder.bundle();
    const tampered: EvidenceBundle = structuredClone(bundle);
    const body = Buffer.from(tampered.documents[0]!.body!, 'base64');
    body[body.length - 3] ^= 1;
    tampered.documents[0]!.body = body.toString('base64');
    const cases: unknown[] = [
      tampered,
      { ...bundle, version: 2 },
      { ...bundle, type: 'Something' },
      { ...bundle, documents: [bundle.documents[0], bundle.documents[0]] },
      { ...bundle, documents: [{ ...bundle.documents[0], fetchedAt: 'yesterday' }] },
      '{not json',
    ];
    for (const input of cases) {
      let caught: unknown;
      try {
        openEvidenceBundle(input as EvidenceBundle);
      } catch (error) {
        caught = error;
      }
      expect(isObv3Error(caught, 'EVIDENCE_INVALID'), JSON.stringify(input).slice(0, 80)).toBe(true);
    }
    expect((() => { try { openEvidenceBundle(tampered); } catch (e) { return (e as Error).message; } })()).toContain('does not match its sha256');
  });
});
