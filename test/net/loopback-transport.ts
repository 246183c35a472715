/**
 * Test transports. `loopbackTransport` is the real https transport with one change: the vetted
 * addresses are swapped for 127.0.0.1 just before connecting. Everything up to that point (URL,
 * DNS and address checks) and after it (pinned connect, SNI, certificate check, HTTP) is the
 * production code; the swap is recorded so tests can assert what would have been dialled.
 */
import { createHttpsTransport } from '../../src/net/https-transport.js';
import type { Transport, TransportRequest } from '../../src/net/transport.js';

export interface RecordingTransport {
  transport: Transport;
  /** What the guarded fetch asked to connect to, before the swap. */
  requests: TransportRequest[];
  /** Body bytes the guarded fetch actually pulled from the transport. */
  bytesConsumed: () => number;
}

export function loopbackTransport(ca: Buffer): RecordingTransport {
  const real = createHttpsTransport({ ca });
  const requests: TransportRequest[] = [];
  let consumed = 0;
  const transport: Transport = async (request) => {
    requests.push(request);
    const response = await real({ ...request, addresses: [{ address: '127.0.0.1', family: 4 }] });
    return { ...response, body: counted(response.body) };
  };
  async function* counted(body: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
    for await (const chunk of body) {
      consumed += chunk.byteLength;
      yield chunk;
    }
  }
  return { transport, requests, bytesConsumed: () => consumed };
}

/** A transport that fails the test if anything reaches it: for requests that must be refused first. */
export function forbiddenTransport(): { transport: Transport; calls: () => number } {
  let calls = 0;
  return {
    transport: async () => {
      calls++;
      throw new Error('The transport must not be reached for a refused request.');
    },
    calls: () => calls,
  };
}
