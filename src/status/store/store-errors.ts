/**
 * The errors the status stores throw, in one place. Misuse (including using a closed store) is
 * INVALID_ARGUMENT; a damaged store is STORE_CORRUPT; a lock held too long is STORE_BUSY.
 */
import { Obv3Error } from '../../errors.js';

export function invalidArgument(message: string, cause?: unknown): Obv3Error {
  return new Obv3Error('INVALID_ARGUMENT', message, { cause });
}

/** Stored state that does not parse or contradicts itself: never guessed around, never rewritten. */
export function storeCorrupt(where: string, problem: string): Obv3Error {
  return new Obv3Error(
    'STORE_CORRUPT',
    `The status store file ${where} is damaged: ${problem}. obv3 will not guess at lost state; ` +
      'restore the directory from a backup, or point the store at the directory that holds the real state.',
  );
}

export function storeClosed(): Obv3Error {
  return new Obv3Error('INVALID_ARGUMENT', 'This status store has been closed; open a new one to keep using it.');
}

export function storeBusy(message: string): Obv3Error {
  return new Obv3Error('STORE_BUSY', message);
}
