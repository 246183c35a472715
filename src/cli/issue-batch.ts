/**
 * `obv3 issue --roster`: one credential per roster row, resumably. Ids come from the batch id and
 * each row (readRoster); a row whose complete output file already exists is skipped; the drafts
 * are signed on worker threads (issueCredentials), which allocate status entries in this
 * process, the one that writes the store, and only for rows that pass every check (allocate is
 * idempotent per id, so a re-run gets the same entry); each file is written atomically. A kill at
 * any point leaves only complete files, and the next run issues exactly what is missing.
 */
import { randomUUID } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import {
  bake,
  isObv3Error,
  issueCredentials,
  readRoster,
  unbake,
  type RosterEntry,
  type RosterProblem,
} from '../index.js';
import { exists, readBytes, readJson, TEMP_PREFIX, writeFileAtomic } from './files.js';
import type { IssueFlags } from './commands/issue.js';
import { issuerProfile } from './issuer-profile.js';
import { loadKey } from './key-file.js';
import { CliError, EXIT, UsageError, resolvePath, type CliIo } from './io.js';
import { createProgress } from './progress.js';
import { openRegistry } from './status-options.js';

/** Where a batch keeps its own files, inside the output folder (hidden: `obv3 verify` skips it). */
const META_DIR = '.obv3';
/** Output files being written at once. */
const MAX_PENDING_WRITES = 32;

type OutputFormat = 'json' | 'png' | 'svg';

interface IssuedRow {
  row: number;
  credentialId: string;
  file: string;
  recipient: string;
  name?: string;
  achievement: string;
}

export async function issueBatch(flags: IssueFlags, io: CliIo): Promise<number> {
  if (flags.achievements === undefined) throw new UsageError('--roster needs --achievements <file>: the achievements the rows name.');
  if (flags.out === undefined) throw new UsageError('--roster needs --out <folder>: where the credentials go.');
  const key = await loadKey(resolvePath(io, flags.key), io);
  const issuer = (await issuerProfile(flags, key, io))!;
  const achievements = await readJson<Parameters<typeof readRoster>[1]['achievements']>(resolvePath(io, flags.achievements), 'achievements file');
  const format = outputFormat(flags.bake);
  const artwork = flags.bake === undefined ? undefined : await readBytes(resolvePath(io, flags.bake), 'badge artwork');
  const outDir = resolvePath(io, flags.out);
  const batchId = await batchIdentity(join(outDir, META_DIR), flags.batchId);
  await removeLeftovers(outDir);

  const roster = readRoster(await readBytes(resolvePath(io, flags.roster!), 'roster'), { batchId, achievements, issuer });
  if (roster.ignoredColumns.length > 0) io.stderr.write(`note: ignoring columns ${roster.ignoredColumns.map((c) => JSON.stringify(c)).join(', ')}\n`);
  const fileOf = (entry: RosterEntry) => join(outDir, `${slug(entry.achievement.key)}-${entry.credentialId.slice('urn:uuid:'.length)}.${format}`);

  const already: IssuedRow[] = [];
  const todo: RosterEntry[] = [];
  for (const entry of roster.entries) {
    if (await isComplete(fileOf(entry), entry.credentialId, format)) already.push(issuedRow(entry, fileOf(entry), outDir));
    else todo.push(entry);
  }

  const problems: RosterProblem[] = [...roster.problems];
  const issued: IssuedRow[] = [];
  const status = todo.length > 0 ? await openRegistry(flags, key, io) : undefined;
  const progress = createProgress(io.stderr, todo.length, 'issuing');
  try {
    // The batch allocates each status entry in this thread, after the row's checks pass.
    const options = {
      key,
      ordered: false,
      ...(status ? { status: status.registry, statusPurposes: status.purposes } : {}),
      ...(flags.workers ? { workers: flags.workers } : {}),
    };
    const pending = new Set<Promise<void>>();
    for await (const result of issueCredentials(todo.map((entry) => entry.draft), options)) {
      const entry = todo[result.index]!;
      if (result.error) {
        problems.push({ row: entry.row, code: isObv3Error(result.error) ? result.error.code : 'ROW_INVALID', message: result.error.message });
        progress.tick();
        continue;
      }
      const file = fileOf(entry);
      const output = artwork ? bake(artwork, result.credential) : `${JSON.stringify(result.credential, null, 2)}\n`;
      const write: Promise<void> = writeFileAtomic(file, output).then(() => {
        issued.push(issuedRow(entry, file, outDir));
        progress.tick();
      });
      pending.add(write);
      void write.finally(() => pending.delete(write)).catch(() => undefined);
      if (pending.size >= MAX_PENDING_WRITES) await Promise.race(pending);
    }
    await Promise.all(pending);
  } finally {
    progress.stop();
    await status?.store.close();
  }

  problems.sort((a, b) => a.row - b.row);
  issued.sort((a, b) => a.row - b.row);
  const summary = { batchId, roster: flags.roster, rows: roster.rows, issued, alreadyIssued: already, problems, ignoredColumns: roster.ignoredColumns, finishedAt: new Date().toISOString() };
  const summaryFile = join(outDir, META_DIR, 'summary.json');
  await writeFileAtomic(summaryFile, `${JSON.stringify(summary, null, 2)}\n`, { mode: 0o600 });
  printSummary(io, summary, relative(io.cwd, outDir) || '.', relative(io.cwd, summaryFile));
  return problems.length > 0 ? EXIT.FAILED : EXIT.OK;
}

function printSummary(io: CliIo, s: { batchId: string; rows: number; issued: IssuedRow[]; alreadyIssued: IssuedRow[]; problems: RosterProblem[] }, out: string, summaryFile: string): void {
  const lines = [
    `Batch ${s.batchId}: ${s.rows} row${s.rows === 1 ? '' : 's'}. Issued ${s.issued.length}, already issued ${s.alreadyIssued.length}, refused ${s.problems.length}.`,
    ...s.problems.map((p) => `  row ${p.row}: ${p.code} ${p.message}${(p.problems?.length ?? 0) > 1 ? ` (${p.problems!.map((q) => `${q.path} ${q.message}`).join('; ')})` : ''}`),
    `Credentials are in ${out}/; the summary is ${summaryFile}.`,
    ...(s.problems.length > 0 ? ['Fix the refused rows and run the same command again: only what is missing will be issued.'] : []),
  ];
  io.stdout.write(`${lines.join('\n')}\n`);
}

function issuedRow(entry: RosterEntry, file: string, outDir: string): IssuedRow {
  return {
    row: entry.row,
    credentialId: entry.credentialId,
    file: relative(outDir, file),
    recipient: entry.recipient,
    ...(entry.name !== undefined ? { name: entry.name } : {}),
    achievement: entry.achievement.id,
  };
}

function outputFormat(bakeImage: string | undefined): OutputFormat {
  if (bakeImage === undefined) return 'json';
  const ext = extname(bakeImage).toLowerCase();
  if (ext === '.png' || ext === '.svg') return ext.slice(1) as OutputFormat;
  throw new UsageError(`--bake ${bakeImage}: the artwork must be a .png or .svg file.`);
}

/** The batch id kept in <out>/.obv3/batch.json: created on the first run, reused after. */
async function batchIdentity(metaDir: string, requested: string | undefined): Promise<string> {
  const file = join(metaDir, 'batch.json');
  if (await exists(file)) {
    const stored = await readJson<{ batchId?: unknown }>(file, 'batch file');
    if (typeof stored.batchId !== 'string' || stored.batchId === '') throw new CliError(`${file} is damaged (no batchId); restore it, or pass the batch's --batch-id.`);
    if (requested !== undefined && requested !== stored.batchId) {
      throw new UsageError(`This folder holds batch ${JSON.stringify(stored.batchId)}, not ${JSON.stringify(requested)}: use another --out for a new batch.`);
    }
    return stored.batchId;
  }
  const batchId = requested ?? randomUUID();
  await writeFileAtomic(file, `${JSON.stringify({ batchId, createdAt: new Date().toISOString() }, null, 2)}\n`);
  return batchId;
}

/** Temporary files of an interrupted run: never renamed into place, so never complete. */
async function removeLeftovers(outDir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(outDir);
  } catch {
    return;
  }
  await Promise.all(names.filter((n) => n.startsWith(TEMP_PREFIX)).map((n) => rm(join(outDir, n), { force: true })));
}

/** An output file counts as issued only when it holds a signed credential with the expected id. */
async function isComplete(file: string, credentialId: string, format: OutputFormat): Promise<boolean> {
  let bytes: Uint8Array;
  try {
    bytes = await readBytes(file);
  } catch {
    return false;
  }
  try {
    const unbaked = format === 'json' ? undefined : unbake(bytes);
    const credential = unbaked === undefined ? JSON.parse(Buffer.from(bytes).toString('utf8')) : unbaked.kind === 'json' ? unbaked.credential : undefined;
    return credential?.id === credentialId && Array.isArray(credential.proof) && credential.proof.length > 0;
  } catch {
    return false;
  }
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'credential';
}
