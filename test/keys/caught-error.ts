import { Obv3Error } from '../../src/errors.js';

/** The Obv3Error `run` throws (sync or async); fails the test if it throws nothing or another type. */
export async function caughtError(run: () => unknown): Promise<Obv3Error> {
  try {
    await run();
  } catch (error) {
    if (error instanceof Obv3Error) return error;
    throw new Error(`expected an Obv3Error, got: ${String(error)}`);
  }
  throw new Error('expected an Obv3Error, but nothing was thrown');
}
