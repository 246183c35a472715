/**
 * A StatusStore that lives in memory: for tests and short-lived tools. Each method runs to
 * completion before it first awaits, so concurrent async calls cannot interleave inside one.
 */
import type { StatusStore } from './status-store.js';
import { StatusState } from './status-state.js';
import { checkAllocateRequest, checkSetStatusRequest } from './validate-requests.js';
import { runAllocate, runListIds, runLookup, runReadList, runSetStatus } from './status-operations.js';
import { storeClosed } from './store-errors.js';

export function createMemoryStatusStore(): StatusStore {
  const state = new StatusState();
  let closed = false;
  const ensureOpen = (): void => {
    if (closed) throw storeClosed();
  };
  return {
    async allocate(request) {
      ensureOpen();
      return runAllocate(state, checkAllocateRequest(request)).result;
    },
    async setStatus(request) {
      ensureOpen();
      return runSetStatus(state, checkSetStatusRequest(request)).result;
    },
    async lookup(credentialId) {
      ensureOpen();
      return runLookup(state, credentialId);
    },
    async readList(listId) {
      ensureOpen();
      return runReadList(state, listId);
    },
    async listIds() {
      ensureOpen();
      return runListIds(state);
    },
    async close() {
      closed = true;
    },
  };
}
