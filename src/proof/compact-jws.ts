/**
 * The shape of a compact JWS (RFC 7515 §7.1): BASE64URL(header).BASE64URL(payload).BASE64URL(signature).
 * Only the shape: whether it is a valid VC-JWT is the JWT verifier's question. An empty signature
 * is still recognised, so that an unsigned (`alg: none`) token is reported as a JWT that fails,
 * not as text that is not JSON. Depends on nothing, so that browser bundles (src/bake) can use it.
 */
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

export function isCompactJws(text: string): boolean {
  return COMPACT_JWS.test(text);
}

/** The JOSE header of a compact JWS as an object, or undefined when it is not base64url JSON. */
export function decodeJwsHeader(jws: string): Record<string, unknown> | undefined {
  const encoded = jws.slice(0, jws.indexOf('.'));
  try {
    const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
    const header: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
    return typeof header === 'object' && header !== null && !Array.isArray(header) ? (header as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
