/**
 * The changes a store records. Every method that changes state produces a short list of events,
 * and state is only ever changed by applying events; a journal that stores events therefore
 * rebuilds exactly the state its writers saw. `parseEvent` checks the shape of events read back
 * from disk, where anything may have happened to the bytes.
 */
import type { StatusPurpose } from '../types.js';
import { storeCorrupt } from './store-errors.js';

export interface OpenListEvent {
  type: 'open-list';
  listId: string;
  purpose: StatusPurpose;
  size: number;
  /** The permutation key, base64url. */
  secret: string;
}

export interface AllocateEvent {
  type: 'allocate';
  listId: string;
  credentialId: string;
  /** Redundant with the list's counter and key; kept so replay can cross-check it. */
  index: number;
}

export interface SetBitEvent {
  type: 'set-bit';
  listId: string;
  index: number;
  value: boolean;
}

export type StatusEvent = OpenListEvent | AllocateEvent | SetBitEvent;

/** One method's events: the unit a journal line holds, applied all-or-nothing. */
export interface StatusRecord {
  events: StatusEvent[];
}

export function parseRecord(value: unknown, where: string): StatusRecord {
  const record = asObject(value, where);
  if (!Array.isArray(record.events) || record.events.length === 0) {
    throw storeCorrupt(where, 'a record has no events');
  }
  return { events: record.events.map((event) => parseEvent(event, where)) };
}

function parseEvent(value: unknown, where: string): StatusEvent {
  const event = asObject(value, where);
  const listId = text(event.listId, 'listId', where);
  switch (event.type) {
    case 'open-list':
      if (event.purpose !== 'revocation' && event.purpose !== 'suspension') {
        throw storeCorrupt(where, `list ${listId} has an unknown purpose`);
      }
      return {
        type: 'open-list',
        listId,
        purpose: event.purpose,
        size: count(event.size, 'size', where),
        secret: text(event.secret, 'secret', where),
      };
    case 'allocate':
      return {
        type: 'allocate',
        listId,
        credentialId: text(event.credentialId, 'credentialId', where),
        index: count(event.index, 'index', where),
      };
    case 'set-bit':
      if (typeof event.value !== 'boolean') throw storeCorrupt(where, 'a set-bit event has no boolean value');
      return { type: 'set-bit', listId, index: count(event.index, 'index', where), value: event.value };
    default:
      throw storeCorrupt(where, `an event has the unknown type ${JSON.stringify(event.type)}`);
  }
}

function asObject(value: unknown, where: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw storeCorrupt(where, 'a record or event is not a JSON object');
  }
  return value as Record<string, unknown>;
}

function text(value: unknown, field: string, where: string): string {
  if (typeof value !== 'string' || value.length === 0) throw storeCorrupt(where, `an event's ${field} is not a non-empty string`);
  return value;
}

function count(value: unknown, field: string, where: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw storeCorrupt(where, `an event's ${field} is not a non-negative whole number`);
  }
  return value;
}
