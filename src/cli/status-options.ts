/** Opening the issuer's durable status store (and its registry) from --status-store / --status-base. */
import type { Command } from 'commander';
import { createStatusRegistry, isObv3Error, openFileStatusStore, type Ed25519KeyPair, type StatusPurpose, type StatusRegistry, type StatusStore } from '../index.js';
import { CliError, UsageError, resolvePath, type CliIo } from './io.js';

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

export async function openStore(dir: string, io: CliIo): Promise<StatusStore> {
  try {
    return await openFileStatusStore(resolvePath(io, dir));
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
  let registry: StatusRegistry;
  const store = await openStore(flags.statusStore, io);
  try {
    registry = createStatusRegistry({ store, key, listBaseUrl: flags.statusBase });
  } catch (error) {
    await store.close();
    if (isObv3Error(error)) throw new UsageError(error.message.replace('listBaseUrl', '--status-base'));
    throw error;
  }
  return { registry, store, purposes };
}
