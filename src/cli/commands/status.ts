/** `obv3 status revoke|suspend|reinstate|show|publish`: over the issuer's durable status store. */
import { join } from 'node:path';
import { Command } from 'commander';
import { createStatusRegistry, isObv3Error, statusOf, type StatusPurpose, type StatusStore } from '../../index.js';
import { readCredentialFile } from '../credential-files.js';
import { exists, writeFileAtomic } from '../files.js';
import { loadKey } from '../key-file.js';
import { CliError, UsageError, resolvePath, type CliIo } from '../io.js';
import { baseUrl, openStore } from '../status-options.js';
import { checkStoreRecord, readStoreRecord } from '../status-record.js';
import { positiveInteger, type Runner } from '../command-kit.js';

const STORE_HELP = 'the status store folder given to obv3 issue --status-store';

export function statusCommand(io: CliIo, run: Runner): Command {
  const status = new Command('status').description('revoke, suspend or reinstate credentials, and publish the signed status lists');
  status.addHelpText('after', `
Examples:
  $ obv3 status revoke --store status/ issued/wait-time-1b2c….json
  $ obv3 status suspend --store status/ urn:uuid:1b2c…
  $ obv3 status publish --store status/ --key district-key.json --out public_html/status/`);
  const change = (name: 'revoke' | 'suspend' | 'reinstate', purpose: StatusPurpose, value: boolean, what: string) =>
    new Command(name)
      .description(`${what}; takes credential ids or credential files (JSON or baked images)`)
      .argument('<credentials...>', 'credential ids (urn:uuid:…) or files')
      .requiredOption('--store <dir>', STORE_HELP)
      .addHelpText('after', `\nExample:\n  $ obv3 status ${name} --store status/ issued/wait-time-1b2c….json\nThen publish the lists again (obv3 status publish) so verifiers see it.`)
      .action((credentials: string[], flags: { store: string }) =>
        run(async () => {
          const ids = await credentialIds(credentials, io);
          const store = await openStore(flags.store, io);
          try {
            for (const id of ids) {
              const { changed } = await setStatus(store, id, purpose, value);
              io.stdout.write(`${id}: ${changed ? `${name === 'reinstate' ? 'reinstated' : `${name}d`}` : `already ${value ? `${name}d` : 'not suspended'}`}\n`);
            }
          } finally {
            await store.close();
          }
          io.stderr.write('Publish the status lists again (obv3 status publish) for verifiers to see the change.\n');
          return 0;
        }),
      );
  status.addCommand(change('revoke', 'revocation', true, 'revoke credentials (permanent)'));
  status.addCommand(change('suspend', 'suspension', true, 'suspend credentials (needs a suspension entry: issue with --status-purpose suspension or both)'));
  status.addCommand(change('reinstate', 'suspension', false, 'lift a suspension (a revocation cannot be lifted)'));
  status.addCommand(
    new Command('show')
      .description('show the status entries of credentials and whether they are revoked or suspended')
      .argument('<credentials...>', 'credential ids or files')
      .requiredOption('--store <dir>', STORE_HELP)
      .addHelpText('after', '\nExample:\n  $ obv3 status show --store status/ urn:uuid:1b2c…')
      .action((credentials: string[], flags: { store: string }) =>
        run(async () => {
          const ids = await credentialIds(credentials, io);
          const store = await openStore(flags.store, io);
          try {
            for (const id of ids) {
              const { allocations, revoked, suspended } = await statusOf(store, id);
              if (allocations.length === 0) {
                io.stdout.write(`${id}: no status entry in this store\n`);
                continue;
              }
              const parts = allocations.map((a) => {
                const state = a.purpose === 'revocation' ? (revoked ? 'REVOKED' : 'clear') : suspended ? 'SUSPENDED' : 'clear';
                return `${a.purpose} list ${a.listId} index ${a.index}: ${state}`;
              });
              io.stdout.write(`${id}: ${parts.join('; ')}\n`);
            }
          } finally {
            await store.close();
          }
          return 0;
        }),
      ),
  );
  status.addCommand(
    new Command('publish')
      .description('sign every status list and write each to the folder you serve at --base')
      .requiredOption('--store <dir>', STORE_HELP)
      .requiredOption('--key <file>', 'the issuer\'s key file (lists are signed by the credentials\' issuer)')
      .option('--base <url>', 'the --status-base the credentials were issued with (default: the one obv3 issue recorded in the store)')
      .requiredOption('--out <dir>', 'folder to write the lists to, one file per list named by its list id')
      .option('--valid-days <n>', 'how long each published list is valid', positiveInteger('--valid-days'), 7)
      .addHelpText('after', `
Serve each file at <base><list id> over HTTPS as application/vc+ld+json, and publish again before
the lists expire and after every change. obv3 issue records its --status-base and issuer in the
store; a --base or --key that differs from them is refused.

Example:
  $ obv3 status publish --store status/ --key district-key.json --out public_html/status/`)
      .action((flags: { store: string; key: string; base?: string; out: string; validDays: number }) =>
        run(async () => {
          const key = await loadKey(resolvePath(io, flags.key), io);
          const store = await openStore(flags.store, io);
          try {
            const record = await readStoreRecord(resolvePath(io, flags.store));
            const base = flags.base ?? record?.listBaseUrl;
            if (base === undefined) throw new UsageError(`The store ${flags.store} has no record of the --status-base its credentials were issued with: give it as --base.`);
            const listBaseUrl = baseUrl(base, '--base');
            const registry = createStatusRegistry({ store, key, listBaseUrl, validityMs: flags.validDays * 24 * 3600 * 1000 });
            if (record) checkStoreRecord(record, { listBaseUrl, issuer: registry.issuer }, { store: flags.store, baseOption: '--base' });
            const lists = await registry.publishAll();
            if (lists.length === 0) throw new CliError(`The store ${flags.store} has no status lists yet: issue credentials with --status-store first.`);
            for (const list of lists) {
              await writeFileAtomic(join(resolvePath(io, flags.out), list.listId), `${JSON.stringify(list.credential, null, 2)}\n`);
              io.stdout.write(`${list.url} (revision ${list.revision}) → ${join(flags.out, list.listId)}\n`);
            }
          } finally {
            await store.close();
          }
          return 0;
        }),
      ),
  );
  return status;
}

async function setStatus(store: StatusStore, credentialId: string, purpose: StatusPurpose, value: boolean) {
  try {
    return await store.setStatus({ credentialId, purpose, value });
  } catch (error) {
    if (!isObv3Error(error, 'INVALID_ARGUMENT')) throw error;
    // The library speaks of allocations; say what it means for a credential issued by obv3 issue.
    const allocations = await store.lookup(credentialId);
    if (allocations.length === 0) throw new CliError(`${credentialId}: no status entry in this store: give the --status-store it was issued with.`);
    if (!allocations.some((a) => a.purpose === purpose)) {
      throw new CliError(`${credentialId}: issued without a ${purpose} entry: issue with --status-purpose ${purpose} (or both).`);
    }
    throw new CliError(`${credentialId}: ${error.message}`);
  }
}

/** Arguments that are existing files are read for their credential id; others are ids. */
async function credentialIds(args: string[], io: CliIo): Promise<string[]> {
  const ids: string[] = [];
  for (const arg of args) {
    if (await exists(resolvePath(io, arg))) {
      const credential = await readCredentialFile(arg, io);
      if (typeof credential.id !== 'string') throw new CliError(`${arg} is a credential without an id; give its id instead.`);
      ids.push(credential.id);
    } else if (/^[a-z][a-z0-9+.-]*:/i.test(arg)) {
      ids.push(arg);
    } else {
      throw new UsageError(`${arg} is neither a file nor a credential id (such as urn:uuid:…).`);
    }
  }
  return ids;
}
