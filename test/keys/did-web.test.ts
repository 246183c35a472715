/** The did:web method's DID ↔ URL rules, including the ways a hostile or mistyped DID goes wrong. */
import { describe, expect, it } from 'vitest';
import { didWebDocumentUrl, didWebFromUrl, parseDidWeb } from '../../src/keys/did-web.js';
import { caughtError } from './caught-error.js';

describe('did:web → DID document URL', () => {
  it.each([
    ['did:web:w3c-ccg.github.io', 'https://w3c-ccg.github.io/.well-known/did.json'],
    ['did:web:w3c-ccg.github.io:user:alice', 'https://w3c-ccg.github.io/user/alice/did.json'],
    ['did:web:example.com:district:7', 'https://example.com/district/7/did.json'],
    ['did:web:localhost%3A8443', 'https://localhost:8443/.well-known/did.json'],
    ['did:web:example.com%3a3000:user:alice', 'https://example.com:3000/user/alice/did.json'],
    ['did:web:district.example#key-1', 'https://district.example/.well-known/did.json'],
    ['did:web:district.example:org:da1e96e9-afcc#z6Mk', 'https://district.example/org/da1e96e9-afcc/did.json'],
  ])('%s → %s', (did, url) => {
    expect(didWebDocumentUrl(did)).toBe(url);
  });

  it('splits a DID URL into its DID, host, port, path and fragment', () => {
    expect(parseDidWeb('did:web:localhost%3A8443:a:b#key-1')).toEqual({
      did: 'did:web:localhost%3A8443:a:b',
      host: 'localhost',
      port: 8443,
      path: ['a', 'b'],
      fragment: 'key-1',
    });
  });

  it.each([
    ['did:key:z6Mk', 'must start with "did:web:"'],
    ['did:web:', 'names no host'],
    ['did:web:127.0.0.1', 'IP address'],
    ['did:web:[::1]', 'IP address'],
    ['did:web:example.com%3A0', 'between 1 and 65535'],
    ['did:web:example.com%3A70000', 'between 1 and 65535'],
    ['did:web:exa_mple.com', 'not a domain name'],
    ['did:web:example.com::user', 'segment ""'],
    ['did:web:example.com:..:admin', 'segment ".."'],
    ['did:web:example.com:user%2Fadmin', 'segment "user%2Fadmin"'],
    ['did:web:example.com/user', 'may not contain "/"'],
    ['did:web:example.com?service=x', 'may not contain "/", "?"'],
    ['did:web:example.com:us er', 'may not contain'],
  ])('refuses %s', async (did, why) => {
    const error = await caughtError(() => parseDidWeb(did));
    expect(error.code).toBe('KEY_INVALID');
    expect(error.message).toContain(why);
  });

  it('a port written with a plain colon is a path segment, as the method says', () => {
    // did:web:example.com:8443 is https://example.com/8443/did.json, not port 8443.
    expect(didWebDocumentUrl('did:web:example.com:8443')).toBe('https://example.com/8443/did.json');
  });
});

describe('HTTPS location → did:web', () => {
  it.each([
    ['https://district.example', 'did:web:district.example'],
    ['https://district.example/', 'did:web:district.example'],
    ['https://district.example/.well-known/did.json', 'did:web:district.example'],
    ['https://example.com/district/7', 'did:web:example.com:district:7'],
    ['https://example.com/district/7/did.json', 'did:web:example.com:district:7'],
    ['https://localhost:8443', 'did:web:localhost%3A8443'],
  ])('%s → %s, and back', (url, did) => {
    expect(didWebFromUrl(url)).toBe(did);
    const documentUrl = didWebDocumentUrl(did);
    expect(didWebFromUrl(documentUrl)).toBe(did);
  });

  it.each([
    ['http://district.example', 'HTTPS only'],
    ['https://district.example/?x=1', 'query'],
    ['not a url', 'is not a URL'],
  ])('refuses %s', async (url, why) => {
    const error = await caughtError(() => didWebFromUrl(url));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toContain(why);
  });
});
