/**
 * The fast converter's cache of processed contexts is bounded, and crafted input cannot exhaust
 * it: past the cap it starts a new generation, so the fast path keeps converting new context
 * combinations (the same N-Quads as jsonld.js) instead of leaving every later credential of the
 * process to jsonld.js.
 */
import { describe, expect, it } from 'vitest';
import { BUNDLED_CONTEXTS, OB_CONTEXT, VC_V2_CONTEXT } from '../../src/contexts/bundled.js';
import { MAX_ACTIVE_CONTEXTS } from '../../src/rdf/active-context.js';
import { documentToRdf } from '../../src/rdf/to-rdf.js';
import { Unsupported } from '../../src/rdf/unsupported.js';
import { fast, reference } from './reference.js';

const URLS = BUNDLED_CONTEXTS.map((c) => c.url);

describe('processed contexts', () => {
  it('crafted context arrays past the cap do not push later credentials off the fast path', async () => {
    // Every subset of the bundled contexts, as one document each: most clash (protected terms),
    // the rest are distinct active contexts, far more than the cap.
    let accepted = 0;
    for (let mask = 1; mask < 2 ** URLS.length && accepted < 2 * MAX_ACTIVE_CONTEXTS; mask++) {
      const context = URLS.filter((_, i) => mask & (1 << i));
      try {
        documentToRdf({ '@context': context, '@id': 'urn:example:node', 'urn:example:p': 'v' });
        accepted++;
      } catch (error) {
        if (!(error instanceof Unsupported)) throw error;
      }
    }
    expect(accepted).toBe(2 * MAX_ACTIVE_CONTEXTS);

    // A credential whose type-scoped contexts were never processed before.
    const credential = {
      '@context': [VC_V2_CONTEXT, OB_CONTEXT],
      id: 'urn:uuid:4f1e2b3c-0000-4000-8000-000000000001',
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: 'did:example:district', type: ['Profile'], name: 'District' },
      validFrom: '2026-05-01T00:00:00Z',
      name: 'Wait Time',
      credentialSubject: { id: 'did:example:teacher', type: ['AchievementSubject'], achievement: { id: 'https://district.example/a/1', type: ['Achievement'], name: 'Wait Time', description: 'd', criteria: { narrative: 'n' } } },
    };
    const converted = await fast(credential);
    expect(converted).toEqual(await reference(credential));
  });
});
