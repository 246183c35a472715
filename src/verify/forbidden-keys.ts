/**
 * Keys that are never valid in a credential or a JOSE header and are what prototype-pollution
 * attacks on JavaScript programs use. Every parser of untrusted input refuses them.
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
