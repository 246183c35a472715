/** Where issuers keep status-list state: in memory for tests, or durably in a local directory. */
export { createMemoryStatusStore } from './memory-store.js';
export { openFileStatusStore, type FileStatusStoreOptions } from './file-store.js';
export { MAX_STATUS_LIST_LENGTH } from './validate-requests.js';
export type { AllocateRequest, SetStatusRequest, StatusListState, StatusStore } from './status-store.js';
export type { StatusAllocation, StatusPurpose } from '../types.js';
