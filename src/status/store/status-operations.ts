/**
 * What each StatusStore method does to a StatusState, shared by every store so they cannot
 * drift apart. Each function checks everything (including what newListId returns) before the
 * first change, applies its events, and returns them for a durable store to record. Requests
 * must already have passed validate-requests. An error thrown by newListId reaches the caller
 * unchanged: it is the caller's own failure, and nothing has changed yet.
 */
import type { StatusAllocation, StatusPurpose } from '../types.js';
import type { AllocateRequest, SetStatusRequest, StatusListState } from './status-store.js';
import type { StatusEvent } from './status-events.js';
import { newListSecret } from './index-permutation.js';
import { encodeSecret, readBit, type StatusState } from './status-state.js';
import { checkNewListId, checkId } from './validate-requests.js';
import { invalidArgument } from './store-errors.js';

export interface Outcome<T> {
  result: T;
  /** Empty when nothing changed (nothing to record). */
  events: StatusEvent[];
}

/** Events made here were checked while being made; `apply` re-checks them anyway. */
const HERE = 'in memory';

const PURPOSE_ORDER: readonly StatusPurpose[] = ['revocation', 'suspension'];

export function runAllocate(state: StatusState, request: AllocateRequest): Outcome<StatusAllocation> {
  const existing = state.allocation(request.credentialId, request.purpose);
  if (existing !== undefined) return { result: existing, events: [] };

  const events: StatusEvent[] = [];
  let list = state.currentList(request.purpose);
  if (list === undefined || list.credentialIds.length >= list.size) {
    const listId = checkNewListId(request.newListId(), (id) => state.hasList(id));
    events.push({
      type: 'open-list',
      listId,
      purpose: request.purpose,
      size: request.listSize,
      secret: encodeSecret(newListSecret()),
    });
    state.apply(events[0], HERE);
    list = state.list(listId)!;
  }
  const index = list.permutation.at(list.credentialIds.length);
  const allocate: StatusEvent = { type: 'allocate', listId: list.listId, credentialId: request.credentialId, index };
  state.apply(allocate, HERE);
  events.push(allocate);
  return { result: { credentialId: request.credentialId, purpose: request.purpose, listId: list.listId, index }, events };
}

export function runSetStatus(
  state: StatusState,
  request: SetStatusRequest,
): Outcome<{ allocation: StatusAllocation; changed: boolean }> {
  const allocation = state.allocation(request.credentialId, request.purpose);
  if (allocation === undefined) {
    throw invalidArgument(
      `setStatus: credential '${request.credentialId}' has no ${request.purpose} index; ` +
        `allocate one (with purpose '${request.purpose}') when issuing the credential.`,
    );
  }
  if (request.purpose === 'revocation' && !request.value) {
    throw invalidArgument(
      `setStatus: a revocation cannot be cleared (revocation is final); ` +
        `to withdraw a credential temporarily, use purpose 'suspension'.`,
    );
  }
  const list = state.list(allocation.listId)!;
  if (readBit(list.bits, allocation.index) === request.value) {
    return { result: { allocation, changed: false }, events: [] };
  }
  const event: StatusEvent = { type: 'set-bit', listId: list.listId, index: allocation.index, value: request.value };
  state.apply(event, HERE);
  return { result: { allocation, changed: true }, events: [event] };
}

export function runLookup(state: StatusState, credentialId: unknown): StatusAllocation[] {
  const id = checkId(credentialId, 'lookup: credentialId');
  return PURPOSE_ORDER.map((purpose) => state.allocation(id, purpose)).filter((found) => found !== undefined);
}

export function runReadList(state: StatusState, listId: unknown): StatusListState | undefined {
  return state.listState(checkId(listId, 'readList: listId'));
}

export function runListIds(state: StatusState): string[] {
  return state.allLists().map((list) => list.listId);
}
