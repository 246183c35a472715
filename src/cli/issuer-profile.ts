/** The issuer profile a command signs as: --issuer (a JSON profile) or --issuer-name, with the key's controller as id. */
import type { Command } from 'commander';
import type { Ed25519KeyPair, ProfileInput } from '../index.js';
import { readJson } from './files.js';
import { UsageError, resolvePath, type CliIo } from './io.js';

export interface IssuerFlags {
  issuer?: string;
  issuerName?: string;
}

export function addIssuerOptions(command: Command): Command {
  return command
    .option('--issuer <file>', 'the issuer profile as JSON ({ "name", "url", "email", … }; its id defaults to the key\'s controller)')
    .option('--issuer-name <name>', 'the issuer\'s name, when no --issuer file is given');
}

export async function issuerProfile(flags: IssuerFlags, key: Ed25519KeyPair, io: CliIo, required = true): Promise<ProfileInput | undefined> {
  if (flags.issuer !== undefined && flags.issuerName !== undefined) throw new UsageError('Give --issuer or --issuer-name, not both.');
  if (flags.issuer !== undefined) {
    const profile = await readJson<Record<string, unknown>>(resolvePath(io, flags.issuer), 'issuer profile');
    if (typeof profile !== 'object' || profile === null || Array.isArray(profile)) throw new UsageError(`${flags.issuer} must hold a JSON object: the issuer profile.`);
    return { id: key.controller, ...profile } as unknown as ProfileInput;
  }
  if (flags.issuerName !== undefined) return { id: key.controller, name: flags.issuerName };
  if (required) throw new UsageError('Name the issuer: --issuer-name "Lakeside Unified School District" (or --issuer profile.json).');
  return undefined;
}
