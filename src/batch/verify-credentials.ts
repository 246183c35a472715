/**
 * verifyCredentials: verifyCredential over a stream, on worker threads. Every input gets the report
 * verifyCredential would give it (a bad credential is a failed report, never an exception),
 * tagged with its position. `options.fetch` stays in this thread: workers ask it for documents.
 */
import { normalizeVerifyOptions, type VerifyOptions } from '../verify/options.js';
import type { VerifyInput } from '../verify/parse-input.js';
import type { VerificationReport } from '../verify/report.js';
import { verifyCredential } from '../verify/verify-credential.js';
import { normalizeBatchOptions, type BatchOptions } from './batch-options.js';
import { answerFetch } from './fetch-bridge.js';
import { assertInputs, copyable } from './issue-credentials.js';
import { deserializeError, type TaskResult } from './messages.js';
import { runInWorkers } from './worker-pool.js';
import type { WorkerInit } from './worker-init.js';

export interface BatchVerifyOptions extends VerifyOptions, BatchOptions {}

export interface VerifyBatchResult {
  /** Position of the input in the stream. */
  index: number;
  report: VerificationReport;
}

export function verifyCredentials(inputs: Iterable<VerifyInput> | AsyncIterable<VerifyInput>, options: BatchVerifyOptions = {}): AsyncGenerator<VerifyBatchResult> {
  assertInputs(inputs);
  const { workers, ordered, fetch, ...rest } = options ?? {};
  const batch = normalizeBatchOptions({ workers, ordered });
  const normalized = normalizeVerifyOptions(options);
  const init: WorkerInit = { job: 'verify', options: copyable(rest), fetch: fetch !== undefined };
  return reports(runInWorkers(inputs, {
    ...batch,
    init,
    runHere: (input) => verifyCredential(input as VerifyInput, options),
    onCall: async (method, args) => {
      if (method !== 'fetch' || !normalized.fetch) throw new Error(`unexpected call ${method}`);
      return answerFetch(normalized.fetch, args, normalized);
    },
  }));
}

async function* reports(pool: AsyncGenerator<TaskResult>): AsyncGenerator<VerifyBatchResult> {
  for await (const result of pool) {
    // verifyCredential throws only on bad options, which were checked before any worker started.
    if (!result.ok) throw deserializeError(result.error);
    yield { index: result.index, report: result.value as VerificationReport };
  }
}
