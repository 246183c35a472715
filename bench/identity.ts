/**
 * What issuer identity and trust cost a verifier: credentials verified per second for a did:key
 * issuer (the baseline), a did:web issuer (DID document through an in-memory fetch, a fresh
 * fetcher per verification as in production), and the same with two embedded endorsements and a
 * trust registry. One core.
 *
 *   npm run bench:identity        (BENCH_SECONDS=5 for longer runs)
 *
 * Prints the numbers and each case's ratio to the did:key baseline. No thresholds.
 */
import {
  buildDidDocument,
  generateKey,
  issueCredential,
  issueEndorsement,
  verifyCredential,
  type FetchFunction,
  type TrustRegistry,
  type VerifyOptions,
} from '../src/index.js';
import { waitTimeDraft } from '../test/support/drafts.js';
import { printedRate } from './support/measure.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 3);
const now = new Date('2026-06-01T00:00:00Z');
const created = new Date('2026-05-01T12:00:00Z');

async function rate(label: string, credential: object, options: VerifyOptions): Promise<number> {
  return printedRate(label, seconds, async () => {
    const report = await verifyCredential(credential, { now, ...options });
    if (!report.verified) throw new Error(`${label}: did not verify`);
  });
}

async function main(): Promise<void> {
  const did = 'did:web:district.example';
  const state = await generateKey();
  const didKeyIssuer = await generateKey();
  const didWebKey = await generateKey({ controller: did });
  const didJson = JSON.stringify(buildDidDocument({ id: did, keys: [didWebKey] }));
  const fetch: FetchFunction = async (url) =>
    url === 'https://district.example/.well-known/did.json' ? new Response(didJson, { headers: { 'content-type': 'application/did+json' } }) : new Response('', { status: 404 });

  const endorsement = (endorses: string) =>
    issueEndorsement({ issuer: { id: state.controller, name: 'State DOE' }, endorses, name: 'Approved', validFrom: '2026-01-01' }, { key: state, created });
  const plain = await issueCredential(waitTimeDraft(didKeyIssuer.controller), { key: didKeyIssuer, created });
  const web = await issueCredential(waitTimeDraft(did), { key: didWebKey, created });
  const draft = waitTimeDraft(did);
  const endorsed = await issueCredential(
    {
      ...draft,
      issuer: { ...(draft.issuer as object), endorsement: [await endorsement(did)] } as never,
      achievement: { ...(draft.achievement as object), endorsement: [await endorsement('https://lakeside.example.org/achievements/wait-time')] } as never,
    },
    { key: didWebKey, created },
  );
  const registry: TrustRegistry = {
    type: 'TrustedIssuerRegistry',
    id: 'https://doe.state.example/registry',
    name: 'Approved issuers',
    publisher: { id: state.controller, name: 'State DOE' },
    issuers: [],
    endorsers: [{ id: state.controller, name: 'State DOE' }],
  };

  console.log(`obv3 identity bench, ${process.version}, ${seconds}s per measurement, one core`);
  const base = await rate('did:key issuer', plain, {});
  const webRate = await rate('did:web issuer (DID document fetched)', web, { fetch });
  const endorsedRate = await rate('did:web + 2 endorsements + trust registry', endorsed, { fetch, trust: { registry } });
  console.log(`ratio to did:key: did:web ${(webRate / base).toFixed(2)}x, with endorsements and trust ${(endorsedRate / base).toFixed(2)}x`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
