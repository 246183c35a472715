/**
 * Runs a stream of inputs through a pool of worker threads and streams the results back.
 *
 * Memory stays flat however long the stream: at most `maxInFlight` inputs have been read and not
 * yet handed to the consumer (in ordered mode that includes results waiting for an earlier one),
 * and the input is not read further until the consumer takes results. Inputs go to the workers in
 * chunks (fewer messages), except when a worker is idle, which gets whatever is ready at once.
 * Workers are stopped when the stream ends, when the consumer stops early (break / return), or
 * on the first failure of the pool itself (a worker that could not start or crashed).
 */
import type { Worker } from 'node:worker_threads';
import { deserializeError, serializeError, type FromWorker, type Task, type TaskResult, type ToWorker, type WorkerCall } from './messages.js';
import { startWorker } from './worker-script.js';

export interface PoolOptions {
  workers: number;
  ordered: boolean;
  /** Sent to every worker at start (workerData). */
  init: unknown;
  /** Answers a worker's call to the main thread (a KMS signature, a fetch, a status entry). */
  onCall?: (method: WorkerCall['method'], args: unknown) => Promise<{ value: unknown; transfer?: ArrayBuffer[] }>;
  /** Does one task in this thread: for an input the structured clone algorithm cannot copy. */
  runHere: (input: unknown) => Promise<unknown>;
  chunkSize?: number;
}

interface PoolWorker {
  thread: Worker;
  /** Chunks sent and not yet answered. */
  outstanding: number;
}

export async function* runInWorkers(input: Iterable<unknown> | AsyncIterable<unknown>, options: PoolOptions): AsyncGenerator<TaskResult> {
  const chunkSize = options.chunkSize ?? 16;
  const maxInFlight = options.workers * chunkSize * 3;
  const source = Symbol.asyncIterator in input ? input[Symbol.asyncIterator]() : toAsync(input);

  const done = new Map<number, TaskResult>(); // ordered mode: by index
  const queue: TaskResult[] = []; // unordered mode
  let inFlight = 0;
  let nextIndex = 0;
  let nextToYield = 0;
  let inputEnded = false;
  let closed = false;
  let failure: unknown;
  let pending: Task[] = [];
  let wakeConsumer: (() => void) | undefined;
  let wakeFeeder: (() => void) | undefined;
  const notify = () => {
    wakeConsumer?.();
    wakeConsumer = undefined;
  };
  const fail = (error: unknown) => {
    failure ??= error;
    notify();
    wakeFeeder?.();
  };

  const pool: PoolWorker[] = [];
  const post = (worker: PoolWorker, message: ToWorker) => worker.thread.postMessage(message);
  const flush = (worker = idlest()) => {
    if (pending.length === 0 || closed) return;
    const tasks = pending;
    pending = [];
    if (trySend(worker, tasks)) return;
    // One of them cannot be copied to a thread: send the others one by one, do that one here.
    for (const task of tasks) if (!trySend(worker, [task])) runLocally(task);
  };
  const trySend = (worker: PoolWorker, tasks: Task[]): boolean => {
    try {
      post(worker, { type: 'tasks', tasks });
    } catch {
      return false; // a value the structured clone algorithm refuses (e.g. a function)
    }
    worker.outstanding++;
    worker.thread.ref();
    return true;
  };
  const runLocally = (task: Task) => {
    options.runHere(task.input).then(
      (value) => record({ index: task.index, ok: true, value }),
      (error: unknown) => record({ index: task.index, ok: false, error: serializeError(error) }),
    );
  };
  const record = (result: TaskResult) => {
    if (options.ordered) done.set(result.index, result);
    else queue.push(result);
    notify();
  };
  const idlest = () => pool.reduce((best, w) => (w.outstanding < best.outstanding ? w : best));

  for (let i = 0; i < options.workers; i++) {
    const worker: PoolWorker = { thread: startWorker(options.init), outstanding: 0 };
    worker.thread.on('message', (message: FromWorker) => {
      if (message.type === 'results') {
        worker.outstanding--;
        for (const result of message.results) record(result);
        // An idle worker takes what has been read so far, rather than wait for a full chunk.
        if (worker.outstanding === 0) {
          if (pending.length > 0) flush(worker);
          else worker.thread.unref();
        }
        notify();
      } else if (message.type === 'call') {
        answer(worker, message).catch(fail);
      } else {
        fail(deserializeError(message.error));
      }
    });
    worker.thread.on('error', fail);
    worker.thread.on('messageerror', fail);
    worker.thread.on('exit', (code) => {
      if (!closed) fail(new Error(`A batch worker thread stopped unexpectedly (exit code ${code}).`));
    });
    pool.push(worker);
  }

  async function answer(worker: PoolWorker, call: WorkerCall): Promise<void> {
    try {
      if (!options.onCall) throw new Error(`no handler for ${call.method}`);
      const { value, transfer } = await options.onCall(call.method, call.args);
      if (!closed) worker.thread.postMessage({ type: 'reply', id: call.id, ok: true, value } satisfies ToWorker, transfer ?? []);
    } catch (error) {
      if (!closed) post(worker, { type: 'reply', id: call.id, ok: false, error: serializeError(error) });
    }
  }

  const feeding = (async () => {
    try {
      while (!closed && failure === undefined) {
        if (inFlight >= maxInFlight) {
          await new Promise<void>((resolve) => (wakeFeeder = resolve));
          continue;
        }
        const next = await source.next();
        if (next.done || closed) break;
        pending.push({ index: nextIndex++, input: next.value });
        inFlight++;
        if (pending.length >= chunkSize || idlest().outstanding === 0) flush();
      }
      flush();
    } catch (error) {
      fail(error);
    } finally {
      inputEnded = true;
      notify();
    }
  })();

  try {
    for (;;) {
      if (failure !== undefined) throw failure;
      const result = options.ordered ? done.get(nextToYield) : queue.shift();
      if (result) {
        if (options.ordered) done.delete(nextToYield);
        nextToYield++;
        inFlight--;
        wakeFeeder?.();
        wakeFeeder = undefined;
        yield result;
        continue;
      }
      if (inputEnded && inFlight === 0) break;
      await new Promise<void>((resolve) => (wakeConsumer = resolve));
    }
    await feeding;
    if (failure !== undefined) throw failure;
  } finally {
    closed = true;
    wakeFeeder?.();
    // Tell the input we are done with it, without waiting on a read that may never finish.
    if (!inputEnded) Promise.resolve(source.return?.()).catch(() => undefined);
    await Promise.all(pool.map((w) => w.thread.terminate()));
  }
}

/** for…of, so that stopping early closes the caller's iterator too. */
async function* toAsync<T>(iterable: Iterable<T>): AsyncGenerator<T> {
  for (const item of iterable) yield item;
}
