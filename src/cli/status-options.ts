/** Opening the issuer's durable status store (and its registry) from --status-store / --status-base. */
import { stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { checkListBaseUrl, createStatusRegistry, isObv3Error, openFileStatusStore, type Ed25519KeyPair, type StatusPurpose, type StatusRegistry, type StatusStore } from '../index.js';
import { CliError, UsageError, resolvePath, type CliIo } from './io.js';
import { checkStoreRecord, keepStoreRecord } from './status-record.js';

export interface StatusFlags {
  statusStore?: string;
  statusBase?: string;
  statusPurpose?: string;
}

export function addStatusOptions(command: Command): Command {
  return command
    .option('--status-store <dir>', 'give each credential a status entry from this durable status store (created if missing)')
    .option('--status-base <url>', 'with --status-store: the HTTPS URL prefix the status lists are served under, e.g. https://district.example/status/')
    .option('--status-purpose <purpose>', 'revocation (default), suspension, or both', 'revocation');
}

export function statusPurposes(value: string | undefined): StatusPurpose[] {
  switch (value ?? 'revocation') {
    case 'revocation':
      return ['revocation'];
    case 'suspension':
      return ['suspension'];
    case 'both':
      return ['revocation', 'suspension'];
    default:
      throw new UsageError(`--status-purpose must be revocation, suspension or both, not ${JSON.stringify(value)}.`);
  }
}

/**
 * Opens the store in `dir`. Only `obv3 issue` creates one (`create`): every other command needs
 * the folder issuing made, so a mistyped --store is refused instead of becoming a new, empty store.
 */
export async function openStore(dir: string, io: CliIo, { create = false } = {}): Promise<StatusStore> {
  const path = resolvePath(io, dir);
  if (!create) {
    const info = await stat(path).catch(() => undefined);
    if (info === undefined) throw new CliError(`No status store at ${dir}: give the folder you passed to obv3 issue --status-store.`);
    if (!info.isDirectory()) throw new CliError(`${dir} is not a status store but a file: give the folder you passed to obv3 issue --status-store.`);
  }
  try {
    return await openFileStatusStore(path);
  } catch (error) {
    if (isObv3Error(error, 'STORE_BUSY')) throw new CliError(`The status store ${dir} is in use by another obv3 process; wait for it to finish and run again.`);
    if (isObv3Error(error)) throw new CliError(`The status store ${dir} cannot be opened: ${error.message}`);
    throw error;
  }
}

/** The registry for issuing, or undefined when no --status-store was given. */
export async function openRegistry(flags: StatusFlags, key: Ed25519KeyPair, io: CliIo): Promise<{ registry: StatusRegistry; store: StatusStore; purposes: StatusPurpose[] } | undefined> {
  if (flags.statusStore === undefined) {
    if (flags.statusBase !== undefined) throw new UsageError('--status-base needs --status-store (where the status entries are kept).');
    return undefined;
  }
  if (flags.statusBase === undefined) throw new UsageError('--status-store needs --status-base: the HTTPS URL prefix the lists will be served under, e.g. https://district.example/status/.');
  const purposes = statusPurposes(flags.statusPurpose);
  // Checked before the store is opened, so a mistyped URL does not leave a new store behind.
  const listBaseUrl = baseUrl(flags.statusBase, '--status-base');
  const store = await openStore(flags.statusStore, io, { create: true });
  try {
    const registry = createStatusRegistry({ store, key, listBaseUrl });
    const given = { listBaseUrl, issuer: registry.issuer };
    checkStoreRecord(await keepStoreRecord(resolvePath(io, flags.statusStore), given), given, { store: flags.statusStore, baseOption: '--status-base' });
    return { registry, store, purposes };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/** A list base URL from the command line, checked; `option` names the flag in the message. */
export function baseUrl(value: string, option: string): string {
  try {
    checkListBaseUrl(value);
  } catch (error) {
    if (isObv3Error(error)) throw new UsageError(error.message.replace('listBaseUrl', option));
    throw error;
  }
  return value;
}
