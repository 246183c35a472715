/**
 * issueCredentials / signCredentials: issueCredential and signCredential over a stream, on worker
 * threads. Each result is exactly what the single call would give — the signed credential, or the
 * Obv3Error it would throw — tagged with the input's position. Bad options throw at once.
 */
import type { CredentialDraft } from '../build/index.js';
import { Obv3Error } from '../errors.js';
import { issueCredential, signCredential, type IssueOptions, type SignedCredential } from '../issue/issue-credential.js';
import { signerOf } from '../keys/signer-of.js';
import { exportKey } from '../keys/export-key.js';
import { LocalEd25519KeyPair } from '../keys/local-key-pair.js';
import type { Signer } from '../keys/types.js';
import type { OpenBadgeCredential } from '../model/index.js';
import { normalizeBatchOptions, type BatchOptions } from './batch-options.js';
import { deserializeError } from './messages.js';
import { runInWorkers } from './worker-pool.js';
import type { WorkerInit, WorkerKey } from './worker-init.js';

export interface BatchIssueOptions extends IssueOptions, BatchOptions {}

export type IssueBatchResult<T extends object = OpenBadgeCredential> =
  | { index: number; credential: SignedCredential<T>; error?: undefined }
  | { index: number; credential?: undefined; error: Obv3Error | Error };

type Inputs<T> = Iterable<T> | AsyncIterable<T>;

/** Builds, checks and signs every draft, as issueCredential does, on `options.workers` threads. */
export function issueCredentials(drafts: Inputs<CredentialDraft>, options: BatchIssueOptions): AsyncGenerator<IssueBatchResult> {
  return run('issue', drafts, options, (draft) => issueCredential(draft as CredentialDraft, options));
}

/** Checks and signs every built credential, as signCredential does, on `options.workers` threads. */
export function signCredentials<T extends object>(credentials: Inputs<T>, options: BatchIssueOptions): AsyncGenerator<IssueBatchResult<T>> {
  return run('sign', credentials, options, (credential) => signCredential(credential as T, options));
}

function run<T extends object>(
  job: 'issue' | 'sign',
  inputs: Inputs<unknown>,
  options: BatchIssueOptions,
  runHere: (input: unknown) => Promise<unknown>,
): AsyncGenerator<IssueBatchResult<T>> {
  assertInputs(inputs);
  // The registry (a store with functions) stays in this thread; so do its purposes, which go
  // with each allocation made here.
  const { workers, ordered, key: _key, status, statusPurposes, ...rest } = options ?? ({} as BatchIssueOptions);
  const batch = normalizeBatchOptions({ workers, ordered });
  const signer = signerOf(options?.key);
  const key = workerKey(options.key, signer);
  const init: WorkerInit = { job, key, options: copyable(rest), status: status !== undefined };
  return results<T>(runInWorkers(inputs, {
    ...batch,
    init,
    runHere,
    onCall: async (method, args) => {
      if (method === 'sign' && args instanceof Uint8Array) return { value: await signer.sign(args) };
      if (method === 'allocate' && status && typeof args === 'string') return { value: await status.allocate(args, statusPurposes) };
      throw new Error(`unexpected call ${method}`);
    },
  }));
}

async function* results<T extends object>(pool: AsyncGenerator<import('./messages.js').TaskResult>): AsyncGenerator<IssueBatchResult<T>> {
  for await (const result of pool) {
    yield result.ok
      ? { index: result.index, credential: result.value as SignedCredential<T> }
      : { index: result.index, error: deserializeError(result.error) };
  }
}

/** Our own key pairs sign inside the workers; any other signer is called in this thread. */
function workerKey(key: unknown, signer: Signer): WorkerKey {
  if (key instanceof LocalEd25519KeyPair && key.hasPrivateKey) {
    return { kind: 'local', multikey: exportKey(key, { includePrivate: true }), id: key.id, controller: key.controller };
  }
  // The signer's own algorithm (signerOf has checked it), so the worker's stand-in declares what
  // the real signer is rather than a label of its own.
  return { kind: 'remote', id: signer.id, algorithm: signer.algorithm };
}

export function assertInputs(inputs: unknown): void {
  const iterable = typeof inputs === 'object' && inputs !== null && (Symbol.iterator in inputs || Symbol.asyncIterator in inputs);
  if (!iterable || typeof inputs === 'string') {
    throw new Obv3Error('INVALID_ARGUMENT', 'The batch input must be an iterable or async iterable (an array, a generator, a stream of objects).');
  }
}

/** The options worker threads receive by copy; a function (other than the ones bridged) cannot go. */
export function copyable<T extends object>(options: T): T {
  try {
    return structuredClone(options);
  } catch (error) {
    throw new Obv3Error('INVALID_ARGUMENT', `These options cannot be passed to worker threads (${(error as Error).message}); pass plain data.`);
  }
}
