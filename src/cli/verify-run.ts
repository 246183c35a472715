/**
 * Verifies files and prints the verdicts: a readable table (one line per file as it is decided,
 * then a summary), or with --json one document holding every full report. Folders with many
 * files are verified on worker threads (verifyCredentials); a few files in this thread.
 */
import { availableParallelism } from 'node:os';
import { readFile } from 'node:fs/promises';
import { blockingCheck, verifyCredential, verifyCredentials, type VerificationReport, type VerifyOptions } from '../index.js';
import { describeFsError } from './files.js';
import type { InputFile } from './inputs.js';
import { EXIT, type CliIo } from './io.js';

export type Outcome = 'verified' | 'failed' | 'undecided';

export interface FileVerdict {
  file: string;
  outcome: Outcome;
  report: VerificationReport;
}

/** Below this many files, threads would cost more to start than they save. */
const THREAD_THRESHOLD = 16;

export function outcomeOf(report: VerificationReport): Outcome {
  if (report.verified) return 'verified';
  return report.checks.some((c) => c.status === 'failed') ? 'failed' : 'undecided';
}

export async function* verifyFiles(files: readonly InputFile[], options: VerifyOptions, workers?: number): AsyncGenerator<FileVerdict> {
  const useThreads = workers !== undefined ? workers > 0 : files.length >= THREAD_THRESHOLD && availableParallelism() > 1;
  if (!useThreads) {
    for (const file of files) {
      const report = await verifyCredential(await readInput(file), options);
      yield { file: file.display, outcome: outcomeOf(report), report };
    }
    return;
  }
  async function* inputs() {
    for (const file of files) yield await readInput(file);
  }
  for await (const { index, report } of verifyCredentials(inputs(), { ...options, ...(workers ? { workers } : {}) })) {
    yield { file: files[index]!.display, outcome: outcomeOf(report), report };
  }
}

/** The file's bytes; a file that cannot be read becomes text the parse check refuses, with the reason. */
async function readInput(file: InputFile): Promise<Uint8Array | string> {
  try {
    return await readFile(file.path);
  } catch (error) {
    return `unreadable file: ${describeFsError(error)}`;
  }
}

export interface Tally {
  files: number;
  verified: number;
  failed: number;
  undecided: number;
}

export function exitCodeOf(tally: Tally): number {
  if (tally.failed > 0) return EXIT.FAILED;
  if (tally.undecided > 0) return EXIT.UNDECIDED;
  return EXIT.OK;
}

const LABEL: Record<Outcome, string> = { verified: 'VERIFIED', failed: 'FAILED', undecided: 'UNDECIDED' };

/** Prints each verdict (table or JSON) and returns the tally. */
export async function printVerdicts(verdicts: AsyncIterable<FileVerdict>, io: CliIo, json: boolean): Promise<{ tally: Tally; verdicts: FileVerdict[] }> {
  const tally: Tally = { files: 0, verified: 0, failed: 0, undecided: 0 };
  const all: FileVerdict[] = [];
  for await (const verdict of verdicts) {
    tally.files++;
    tally[verdict.outcome]++;
    all.push(verdict);
    if (!json) io.stdout.write(`${tableLine(verdict)}\n`);
  }
  if (json) {
    io.stdout.write(`${JSON.stringify({ summary: tally, results: all }, null, 2)}\n`);
  } else {
    io.stdout.write(`\n${summaryLine(tally)}\n`);
  }
  return { tally, verdicts: all };
}

function tableLine({ file, outcome, report }: FileVerdict): string {
  const name = typeof report.credential?.name === 'string' ? report.credential.name : '(no credential)';
  const issuer = report.provenIssuer ?? issuerOf(report.credential);
  const blocking = blockingCheck(report.checks, report.provenance.policy);
  const reason = outcome === 'verified' ? '' : blocking ? `  ${blocking.id} ${blocking.code ?? blocking.status}: ${blocking.message}` : '';
  return `${LABEL[outcome].padEnd(10)} ${file}  ${name}${issuer ? `  (${issuer})` : ''}${reason}`;
}

function issuerOf(credential: Record<string, unknown> | undefined): string | undefined {
  const issuer = credential?.issuer;
  if (typeof issuer === 'string') return issuer;
  const id = (issuer as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
}

export function summaryLine(tally: Tally): string {
  const parts = [`${tally.verified} verified`, `${tally.failed} failed`, `${tally.undecided} undecided`];
  const hint = tally.undecided > 0 ? ' Undecided: a check needed something not at hand (a status list or a DID document offline?); see the reasons above, or run with --allow-network or --evidence.' : '';
  return `${tally.files} file${tally.files === 1 ? '' : 's'}: ${parts.join(', ')}.${hint}`;
}
