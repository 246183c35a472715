/**
 * A state licensing office verifies a folder of teachers' micro-credentials against its registry
 * of approved issuers, and prints one line per credential.
 *
 *   npm run example:state-agency
 *
 * The cast:
 * - Lakeside Unified School District, `did:web:district.example`, listed in the registry for
 *   MicroCredentials in Oregon. Its DID document is served by a real HTTP server on 127.0.0.1,
 *   reached through an injected fetch that maps https://district.example/… to it. It rotated its
 *   key: the old one is marked `expires`, so what it signed before still verifies.
 * - Riverside Teacher Academy, a did:key issuer the registry does not list, but which carries an
 *   endorsement by the State Department of Education, a trusted endorser in the registry.
 * - An impostor using Lakeside's name under its own key, and a teacher who edited a credential.
 *
 * The registry is signed by the state and verified before it is used. Files go to
 * examples/out/state-agency/.
 */
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  generateKey,
  issueCredential,
  issueEndorsement,
  publishIssuer,
  recipientMatches,
  signTrustRegistry,
  verifyCredential,
  verifyTrustRegistry,
  type CredentialDraft,
  type TrustRegistry,
  type TrustedBy,
  type VerificationReport,
} from '../src/index.js';
import { close, routeTo, serve } from './local-issuer-server.js';

const outDir = join(dirname(fileURLToPath(import.meta.url)), 'out', 'state-agency');
const inbox = join(outDir, 'inbox');
const DISTRICT = 'did:web:district.example';

const roster = [
  { name: 'Maria Lopez', email: 'maria.lopez@lakeside.example.org' },
  { name: 'James Chen', email: 'james.chen@lakeside.example.org' },
  { name: 'Aisha Patel', email: 'aisha.patel@riverside.example.org' },
  { name: 'Sam Rivera', email: 'sam.rivera@example.org' },
  { name: 'Tom Baker', email: 'tom.baker@lakeside.example.org' },
];

async function main(): Promise<void> {
  // --- The issuers and the state -----------------------------------------------------------
  const state = await generateKey();
  const districtOld = await generateKey({ controller: DISTRICT });
  const districtNew = await generateKey({ controller: DISTRICT });
  const academy = await generateKey();
  const impostor = await generateKey();

  const lakeside = { id: DISTRICT, name: 'Lakeside Unified School District', url: 'https://lakeside.example.org' };
  // Rotation: the old key expired on 2026-03-01 and stays published with that mark.
  const published = publishIssuer({ profile: lakeside, keys: [districtNew, { key: districtOld, expires: '2026-03-01T00:00:00Z' }] });
  const server = await serve(published);
  const fetch = routeTo(server, 'district.example');

  const endorsementOfAcademy = await issueEndorsement(
    {
      issuer: { id: state.controller, name: 'State Department of Education' },
      endorses: academy.controller,
      name: 'Approved micro-credential provider',
      comment: 'Riverside Teacher Academy meets the state quality standards for teacher micro-credentials.',
      validFrom: '2026-01-01T00:00:00Z',
      validUntil: '2028-01-01T00:00:00Z',
    },
    { key: state },
  );
  const riverside = { id: academy.controller, name: 'Riverside Teacher Academy', endorsement: [endorsementOfAcademy] };

  // --- The state's registry, signed and then checked before use ----------------------------
  const registry: TrustRegistry = {
    type: 'TrustedIssuerRegistry',
    id: 'https://education.state.example/registries/micro-credentials/2026',
    name: 'Oregon approved micro-credential issuers',
    publisher: { id: state.controller, name: 'State Department of Education' },
    issuers: [{ id: DISTRICT, name: 'Lakeside Unified School District', achievementTypes: ['MicroCredential'], jurisdictions: ['US-OR'] }],
    endorsers: [{ id: state.controller, name: 'State Department of Education' }],
  };
  const signedRegistry = await signTrustRegistry(registry, { key: state, validFrom: '2026-01-01T00:00:00Z', validUntil: '2027-01-01T00:00:00Z' });
  const loaded = await verifyTrustRegistry(signedRegistry, { publishers: state.controller, now: new Date() });
  if (!loaded.verified || !loaded.registry) throw new Error(`The registry did not verify: ${JSON.stringify(loaded.checks)}`);

  // --- Teachers' credentials arrive in the office's inbox ----------------------------------
  await rm(outDir, { recursive: true, force: true });
  await mkdir(inbox, { recursive: true });
  // Tom "improved" his credential after it was signed: 15 credits became 45.
  const toms = await issueCredential(draft(lakeside, 'Wait Time', roster[4]!.email), { key: districtNew });
  const inboxFiles: [string, object][] = [
    ['1-maria-wait-time.json', await issueCredential(draft(lakeside, 'Wait Time', roster[0]!.email), { key: districtOld, created: new Date('2026-02-10T09:00:00Z') })],
    ['2-james-questioning.json', await issueCredential(draft(lakeside, 'Questioning Strategies', roster[1]!.email), { key: districtNew })],
    ['3-aisha-culturally-responsive.json', await issueCredential(draft(riverside, 'Culturally Responsive Teaching', roster[2]!.email), { key: academy })],
    ['4-sam-wait-time.json', await issueCredential(draft({ ...lakeside, id: impostor.controller }, 'Wait Time', roster[3]!.email), { key: impostor })],
    ['5-tom-wait-time.json', { ...toms, credentialSubject: { ...toms.credentialSubject, creditsEarned: 45 } }],
  ];
  for (const [file, credential] of inboxFiles) await writeFile(join(inbox, file), `${JSON.stringify(credential, null, 2)}\n`);
  await writeFile(join(outDir, 'registry.json'), `${JSON.stringify(signedRegistry, null, 2)}\n`);

  // --- The office verifies the folder --------------------------------------------------------
  const rows: string[][] = [];
  const verdicts: boolean[] = [];
  for (const file of (await readdir(inbox)).sort()) {
    const text = await readFile(join(inbox, file), 'utf8');
    const report = await verifyCredential(text, { fetch, trust: { registry: loaded.registry, jurisdiction: 'US-OR' } });
    verdicts.push(report.verified);
    rows.push(row(report));
  }
  await close(server);

  printTable(['teacher', 'achievement', 'issuer', 'trusted by', 'verdict'], rows);
  console.log(`\nRegistry "${loaded.registry.name}" verified: signed by ${loaded.publisher}. Files in ${outDir}.`);
  // The example checks itself: Maria, James and Aisha verify; Sam (impostor) and Tom (edited) do not.
  const expected = [true, true, true, false, false];
  if (verdicts.some((v, i) => v !== expected[i])) {
    console.error(`Unexpected verdicts: ${JSON.stringify(verdicts)}, expected ${JSON.stringify(expected)}.`);
    process.exitCode = 1;
  }
}

function draft(issuer: CredentialDraft['issuer'], achievement: string, email: string): CredentialDraft {
  const slug = achievement.toLowerCase().replace(/\s+/g, '-');
  return {
    issuer,
    achievement: {
      id: `https://catalog.example.org/achievements/${slug}`,
      name: achievement,
      description: `The ${achievement} teacher micro-credential.`,
      achievementType: 'MicroCredential',
      criteria: { narrative: 'Classroom video, student work and a reflection scored Proficient or above.' },
      creditsAvailable: 15,
    },
    recipient: { email },
    creditsEarned: 15,
    validFrom: '2026-02-10T09:00:00Z',
  };
}

function row(report: VerificationReport): string[] {
  const credential = report.credential ?? {};
  const subject = (credential.credentialSubject ?? {}) as { achievement?: { name?: string } };
  const teacher = roster.find((t) => recipientMatches(credential as never, t.email))?.name ?? '(not on the roster)';
  const issuerName = (credential.issuer as { name?: string } | undefined)?.name ?? '?';
  const issuer = report.provenIssuer ? `${issuerName} (${short(report.provenIssuer)})` : `${issuerName} (not proven)`;
  const trust = report.checks.find((c) => c.id === 'trust');
  const by = (trust?.details as { trustedBy?: TrustedBy } | undefined)?.trustedBy;
  const trustedBy = !by ? '—' : by.kind === 'registry-entry' ? `registry: ${by.entry.name}` : `endorsed by ${by.endorser.name}`;
  const problem = report.checks.find((c) => c.status === 'failed' || c.status === 'indeterminate');
  const verdict = report.verified ? 'VERIFIED' : `NOT VERIFIED (${problem?.id}: ${problem?.code ?? problem?.status})`;
  return [teacher, subject.achievement?.name ?? '?', issuer, trustedBy, verdict];
}

function short(id: string): string {
  return id.length > 32 ? `${id.slice(0, 20)}…${id.slice(-6)}` : id;
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
