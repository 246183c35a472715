/** Options every batch call takes, on top of those of the single-credential call it repeats. */
import { availableParallelism } from 'node:os';
import { Obv3Error } from '../errors.js';

export interface BatchOptions {
  /** Worker threads to use; default one per core (`os.availableParallelism()`). */
  workers?: number;
  /**
   * true (default): results come in input order. false: as soon as each is done (each carries
   * `index`, its position in the input), which keeps all workers busy when some inputs are slow.
   */
  ordered?: boolean;
}

export interface NormalizedBatchOptions {
  workers: number;
  ordered: boolean;
}

/** More threads than this only add memory and contention. */
export const MAX_BATCH_WORKERS = 64;

export function normalizeBatchOptions(options: BatchOptions): NormalizedBatchOptions {
  const { workers = availableParallelism(), ordered = true } = options;
  if (!Number.isInteger(workers) || workers < 1 || workers > MAX_BATCH_WORKERS) {
    throw new Obv3Error('INVALID_ARGUMENT', `options.workers must be a whole number from 1 to ${MAX_BATCH_WORKERS}; it is ${JSON.stringify(workers)}.`);
  }
  if (typeof ordered !== 'boolean') throw new Obv3Error('INVALID_ARGUMENT', 'options.ordered must be true or false.');
  return { workers, ordered };
}
