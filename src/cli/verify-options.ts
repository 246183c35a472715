/**
 * The verifier's options from the command line, shared by every command that verifies:
 * the clock (--now), the policy flags, the trust registries, and where documents come from —
 * nowhere (the default: offline), the network through the guarded fetch (--allow-network), or an
 * evidence bundle (--evidence).
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import {
  createGuardedFetch,
  createHttpsTransport,
  loadTrustRegistry,
  openEvidenceBundle,
  verifyTrustRegistry,
  type FetchFunction,
  type OpenedEvidenceBundle,
  type TrustRegistry,
  type VerifyOptions,
} from '../index.js';
import { readBytes, readJson } from './files.js';
import { CliError, UsageError, resolvePath, type CliIo } from './io.js';

/** The bundle file inside an evidence folder. */
export const EVIDENCE_FILE = 'evidence.json';

export interface VerifyFlags {
  now?: string;
  allowNetwork?: boolean;
  pinHost?: string[];
  ca?: string;
  evidence?: string;
  registry?: string[];
  registryPublisher?: string[];
  jurisdiction?: string;
  acceptUnavailableStatus?: boolean;
  acceptUnresolvableIssuer?: boolean;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function addClockOption(command: Command): Command {
  return command.option('--now <date>', 'judge validity as of this instant (ISO 8601, e.g. 2026-05-01T12:00:00Z); status is still as of when each list was fetched');
}

/** How the guarded fetch connects: for every command that fetches; `when` says when it applies. */
export function addConnectionOptions(command: Command, when = ''): Command {
  return command
    .option('--pin-host <host=address>', `${when}connect to HOST at ADDRESS (may be loopback/private) instead of asking DNS; for a mirror on your own network or a test server (repeatable)`, collect)
    .option('--ca <file>', `${when}trust the certificate authorities in this PEM file instead of the system list`);
}

/** For commands that are offline unless asked: --allow-network, and how it connects. */
export function addNetworkOptions(command: Command): Command {
  command.option('--allow-network', 'fetch status lists and DID/key documents over HTTPS through the guarded fetch (public addresses only); off by default: nothing is fetched');
  return addConnectionOptions(command, 'with --allow-network: ');
}

/** The trust decision: registries of approved issuers, and the jurisdiction it is for. */
export function addTrustOptions(command: Command): Command {
  return command
    .option('--registry <file>', 'trust registry of approved issuers (plain JSON, or signed: then give --registry-publisher) (repeatable)', collect)
    .option('--registry-publisher <id>', 'the DID/URL whose signed registries you accept (repeatable)', collect)
    .option('--jurisdiction <code>', 'the ISO 3166 jurisdiction the trust decision is for, e.g. US-OR');
}

export function addVerifyOptions(command: Command): Command {
  addClockOption(command);
  addNetworkOptions(command);
  command.option('--evidence <dir>', `verify offline against an evidence bundle written by obv3 fetch-evidence (the folder, or its ${EVIDENCE_FILE})`);
  addTrustOptions(command);
  return command
    .option('--accept-unavailable-status', 'count a credential as verified even when its status list cannot be checked (the report still says so)')
    .option('--accept-unresolvable-issuer', 'accept an issuer id that names no keys (urn:uuid signed by a did:key)');
}

export function parseNow(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) {
    throw new UsageError(`--now ${JSON.stringify(value)} is not a date: use ISO 8601, e.g. 2026-05-01 or 2026-05-01T12:00:00Z.`);
  }
  return date;
}

/** The guarded fetch for --allow-network, with --pin-host and --ca applied. */
export async function networkFetch(flags: Pick<VerifyFlags, 'pinHost' | 'ca'>, io: CliIo): Promise<FetchFunction> {
  const pinnedHosts: Record<string, string> = {};
  for (const pin of flags.pinHost ?? []) {
    const match = /^([^=\s]+)=(\S+)$/.exec(pin);
    if (!match) throw new UsageError(`--pin-host ${JSON.stringify(pin)} must be HOST=ADDRESS, e.g. district.example=127.0.0.1.`);
    pinnedHosts[match[1]!] = match[2]!;
  }
  const ca = flags.ca === undefined ? undefined : Buffer.from(await readBytes(resolvePath(io, flags.ca), 'CA file'));
  try {
    return createGuardedFetch({ pinnedHosts, ...(ca ? { transport: createHttpsTransport({ ca }) } : {}) });
  } catch (error) {
    throw new UsageError((error as Error).message.replace('options.pinnedHosts', '--pin-host'));
  }
}

/** Where the verifier's documents come from. */
export async function documentSource(flags: VerifyFlags, io: CliIo): Promise<{ fetch?: FetchFunction; evidence?: OpenedEvidenceBundle }> {
  if (flags.evidence !== undefined && flags.allowNetwork) {
    throw new UsageError('Give either --evidence (offline, from a bundle) or --allow-network (live), not both.');
  }
  if (!flags.allowNetwork && (flags.pinHost?.length || flags.ca !== undefined)) {
    throw new UsageError('--pin-host and --ca only apply with --allow-network.');
  }
  if (flags.evidence !== undefined) {
    const evidence = await openBundle(resolvePath(io, flags.evidence));
    return { fetch: evidence.fetch, evidence };
  }
  if (flags.allowNetwork) return { fetch: await networkFetch(flags, io) };
  return {};
}

async function openBundle(path: string): Promise<OpenedEvidenceBundle> {
  let file = path;
  try {
    if ((await stat(path)).isDirectory()) file = join(path, EVIDENCE_FILE);
  } catch {
    // readBytes reports the missing path
  }
  const bytes = await readBytes(file, 'evidence bundle');
  try {
    return openEvidenceBundle(bytes);
  } catch (error) {
    throw new CliError(`${file}: ${(error as Error).message}`);
  }
}

/** verifyCredential options from the flags (the fetch comes from documentSource). */
export async function verifyOptions(flags: VerifyFlags, fetch: FetchFunction | undefined, io: CliIo): Promise<VerifyOptions> {
  const now = parseNow(flags.now);
  const registries = await loadRegistries(flags, fetch, now, io);
  if (flags.jurisdiction !== undefined && registries.length === 0) throw new UsageError('--jurisdiction applies to a trust decision: give --registry too.');
  return {
    ...(now ? { now } : {}),
    ...(fetch ? { fetch } : {}),
    ...(flags.acceptUnavailableStatus ? { acceptUnavailableStatus: true } : {}),
    ...(flags.acceptUnresolvableIssuer ? { acceptUnresolvableIssuer: true } : {}),
    ...(registries.length > 0 ? { trust: { registry: registries, ...(flags.jurisdiction ? { jurisdiction: flags.jurisdiction } : {}) } } : {}),
  };
}

async function loadRegistries(flags: VerifyFlags, fetch: FetchFunction | undefined, now: Date | undefined, io: CliIo): Promise<TrustRegistry[]> {
  const registries: TrustRegistry[] = [];
  for (const file of flags.registry ?? []) {
    const path = resolvePath(io, file);
    const json = await readJson<Record<string, unknown>>(path, 'trust registry');
    const types = Array.isArray(json?.type) ? json.type : [json?.type];
    if (types.includes('VerifiableCredential')) {
      const publishers = flags.registryPublisher ?? [];
      if (publishers.length === 0) throw new UsageError(`${file} is a signed registry: say whose signature you accept with --registry-publisher <did or URL>.`);
      const checked = await verifyTrustRegistry(json, { publishers, ...(now ? { now } : {}), ...(fetch ? { fetch } : {}) });
      if (!checked.verified || !checked.registry) {
        const failed = checked.checks.filter((c) => c.status !== 'passed' && c.status !== 'skipped').map((c) => `${c.id}: ${c.code ?? c.status} ${c.message}`);
        throw new CliError(`The signed registry ${file} did not verify, so it was not used:\n  ${failed.join('\n  ')}`);
      }
      registries.push(checked.registry);
    } else {
      try {
        registries.push(loadTrustRegistry(json));
      } catch (error) {
        throw new CliError(`The registry ${file} is not valid: ${(error as Error).message}`);
      }
    }
  }
  return registries;
}
