/**
 * What the batch pool and its worker threads say to each other. Everything here survives the
 * structured clone algorithm: plain data, Uint8Arrays, Dates.
 */
import { Obv3Error, type Obv3ErrorCode, type ValidationProblem } from '../errors.js';

export interface Task {
  /** Position in the caller's input stream. */
  index: number;
  input: unknown;
}

export interface SerializedError {
  name: string;
  message: string;
  code?: string;
  problems?: readonly ValidationProblem[];
}

export type TaskResult = { index: number; ok: true; value: unknown } | { index: number; ok: false; error: SerializedError };

/**
 * A call from a worker to the main thread, for what cannot cross threads: a KMS signer, the
 * caller's fetch, the issuer's status registry (one store, written by one thread).
 */
export interface WorkerCall {
  type: 'call';
  id: number;
  method: 'sign' | 'fetch' | 'allocate';
  args: unknown;
}

/** A failed call's error goes back serialized, so an Obv3Error keeps its code in the worker. */
export type ToWorker = { type: 'tasks'; tasks: Task[] } | { type: 'reply'; id: number; ok: true; value: unknown } | { type: 'reply'; id: number; ok: false; error: SerializedError };

export type FromWorker = { type: 'results'; results: TaskResult[] } | WorkerCall | { type: 'failed'; error: SerializedError };

export function serializeError(error: unknown): SerializedError {
  if (error instanceof Obv3Error) return { name: error.name, message: error.message, code: error.code, problems: error.problems };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

/** An Obv3Error again when it was one (code and problems kept), else a plain Error. */
export function deserializeError(error: SerializedError): Error {
  if (error.code !== undefined) return new Obv3Error(error.code as Obv3ErrorCode, error.message, { problems: error.problems ?? [] });
  const plain = new Error(error.message);
  plain.name = error.name;
  return plain;
}
