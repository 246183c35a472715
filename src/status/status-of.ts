/**
 * What a store says about one credential: its status entries and whether it is revoked or
 * suspended. Needs only the store (no key), so tools that only read, such as `obv3 status show`,
 * use the same answer as the registry.
 */
import { readBits } from './bitstring.js';
import type { StatusStore } from './store/status-store.js';
import type { StatusAllocation, StatusPurpose } from './types.js';

export interface CredentialStatusSummary {
  /** Zero, one or two entries: at most one per purpose. */
  allocations: StatusAllocation[];
  revoked: boolean;
  suspended: boolean;
}

export async function statusOf(store: StatusStore, credentialId: string): Promise<CredentialStatusSummary> {
  const allocations = await store.lookup(credentialId);
  const bit = async (purpose: StatusPurpose) => {
    const allocation = allocations.find((a) => a.purpose === purpose);
    if (!allocation) return false;
    const list = await store.readList(allocation.listId);
    return list !== undefined && readBits(list.bits, allocation.index) === 1;
  };
  return { allocations, revoked: await bit('revocation'), suspended: await bit('suspension') };
}
