/**
 * The batch worker thread: receives chunks of inputs, runs the single-credential function on
 * each (issueCredential, signCredential or verifyCredential, unchanged), and sends the results
 * back. What cannot cross threads — a KMS signer, the caller's fetch, the issuer's status
 * registry — is called in the main thread through messages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { issueCredential, signCredential, type IssueOptions } from '../issue/issue-credential.js';
import { importKey } from '../keys/import-key.js';
import type { Signer } from '../keys/types.js';
import { loadTrustRegistry } from '../schema/trust-registry.js';
import type { StatusRegistry } from '../status/status-registry.js';
import { verifyCredential } from '../verify/verify-credential.js';
import { bridgedFetch } from './fetch-bridge.js';
import { deserializeError, serializeError, type FromWorker, type Task, type TaskResult, type ToWorker, type WorkerCall } from './messages.js';
import type { WorkerInit } from './worker-init.js';

const port = parentPort!;
const init = workerData as WorkerInit;

let nextCall = 0;
const calls = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

/** Asks the main thread to do `method` and waits for its answer. */
function callMain(method: WorkerCall['method'], args: unknown): Promise<unknown> {
  const id = nextCall++;
  return new Promise((resolve, reject) => {
    calls.set(id, { resolve, reject });
    port.postMessage({ type: 'call', id, method, args } satisfies FromWorker);
  });
}

async function createHandler(): Promise<(input: unknown) => Promise<unknown>> {
  if (init.job === 'verify') {
    // Registries arrive as plain copies: checked once here, so each verification only looks them up.
    const { trust } = init.options;
    const options = {
      ...init.options,
      ...(trust ? { trust: { ...trust, registry: [trust.registry].flat().map((registry) => loadTrustRegistry(registry)) } } : {}),
      ...(init.fetch ? { fetch: bridgedFetch(callMain) } : {}),
    };
    return (input) => verifyCredential(input as Parameters<typeof verifyCredential>[0], options);
  }
  const key: IssueOptions['key'] =
    init.key.kind === 'local'
      ? await importKey(init.key.multikey, { id: init.key.id, controller: init.key.controller })
      : ({ id: init.key.id, algorithm: init.key.algorithm, sign: (data: Uint8Array) => callMain('sign', data) as Promise<Uint8Array> } satisfies Signer);
  const options: IssueOptions = { ...init.options, key, ...(init.status ? { status: statusProxy() } : {}) };
  return init.job === 'issue'
    ? (input) => issueCredential(input as Parameters<typeof issueCredential>[0], options)
    : (input) => signCredential(input as object, options);
}

/**
 * The issuer's registry, as the worker sees it: each allocation is made by the caller's registry
 * in the main thread, so one store is written by one thread (and an index is spent only after
 * issueCredential's checks pass, as in the single call). issueCredential calls nothing else.
 */
function statusProxy(): StatusRegistry {
  const allocate: StatusRegistry['allocate'] = (credentialId) => callMain('allocate', credentialId) as ReturnType<StatusRegistry['allocate']>;
  return { allocate } as Pick<StatusRegistry, 'allocate'> as StatusRegistry;
}

async function run(handler: (input: unknown) => Promise<unknown>, tasks: Task[]): Promise<void> {
  const results = await Promise.all(
    tasks.map(async ({ index, input }): Promise<TaskResult> => {
      try {
        return { index, ok: true, value: await handler(input) };
      } catch (error) {
        return { index, ok: false, error: serializeError(error) };
      }
    }),
  );
  port.postMessage({ type: 'results', results } satisfies FromWorker);
}

const ready = createHandler();
ready.catch((error: unknown) => port.postMessage({ type: 'failed', error: serializeError(error) } satisfies FromWorker));

port.on('message', (message: ToWorker) => {
  if (message.type === 'tasks') {
    ready.then((handler) => run(handler, message.tasks)).catch(() => undefined);
  } else {
    const call = calls.get(message.id);
    calls.delete(message.id);
    if (message.ok) call?.resolve(message.value);
    else call?.reject(deserializeError(message.error));
  }
});
