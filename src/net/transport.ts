/**
 * The one step between "this destination was vetted" and bytes on the wire. A transport gets the
 * addresses that passed the checks and must connect to one of them, never resolve the host again:
 * that is what makes DNS rebinding between check and connect impossible.
 */

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export interface TransportRequest {
  /** The https: URL; its host name is used for SNI, certificate checks and the Host header. */
  url: URL;
  method: 'GET' | 'HEAD';
  headers: Readonly<Record<string, string>>;
  /** Every address the host resolved to, all of them checked public. Connect only to these. */
  addresses: readonly ResolvedAddress[];
  /** Aborts the connection and the transfer (timeout or the caller's signal). */
  signal: AbortSignal;
}

export interface TransportResponse {
  status: number;
  statusText: string;
  /** Header name/value pairs in the order received (names may repeat). */
  headers: ReadonlyArray<readonly [string, string]>;
  /** The body as it arrives; the caller stops reading when it has seen enough. */
  body: AsyncIterable<Uint8Array>;
  /** Drops the connection without reading the rest of the body. */
  cancel(): void;
}

export type Transport = (request: TransportRequest) => Promise<TransportResponse>;
