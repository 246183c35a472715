import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUNDLED_CONTEXTS, OB_CONTEXT, createDocumentLoader } from '../../src/contexts/index.js';
import { isObv3Error } from '../../src/errors.js';
import { hasSharedSpec, readSharedJson } from '../support/shared-spec.js';

const FILES = join(dirname(fileURLToPath(import.meta.url)), '../../src/contexts/files');

describe('bundled contexts', () => {
  it('pins every bundled context file by the SHA-256 of its bytes', () => {
    for (const context of BUNDLED_CONTEXTS) {
      const bytes = readFileSync(join(FILES, context.file));
      expect(createHash('sha256').update(bytes).digest('hex'), context.url).toBe(context.sha256);
      expect(context.document, context.url).toEqual(JSON.parse(bytes.toString('utf8')));
    }
  });

  it('carries every context the OB 3.0 family of credentials needs', () => {
    const urls = BUNDLED_CONTEXTS.map((c) => c.url);
    expect(urls).toEqual(
      expect.arrayContaining([
        'https://www.w3.org/2018/credentials/v1',
        'https://www.w3.org/ns/credentials/v2',
        'https://purl.imsglobal.org/spec/ob/v3p0/context.json',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
        'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
        'https://w3id.org/security/data-integrity/v1',
        'https://w3id.org/security/data-integrity/v2',
        'https://w3id.org/security/suites/ed25519-2020/v1',
        'https://w3id.org/security/multikey/v1',
        'https://www.w3.org/ns/credentials/status/v1',
        'https://w3id.org/vc/status-list/2021/v1',
        'https://purl.imsglobal.org/spec/clr/v2p0/context.json',
        'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json',
        'https://obv3.dev/contexts/stack-v1.json',
        'https://obv3.dev/contexts/trust-registry/v1',
      ]),
    );
    expect(new Set(urls).size).toBe(urls.length);
  });

  it('pins obv3\'s own stack context, the one published at https://obv3.dev/contexts/stack-v1.json', () => {
    const stack = BUNDLED_CONTEXTS.find((c) => c.url === 'https://obv3.dev/contexts/stack-v1.json');
    expect(stack?.sha256).toBe('4198e81016d2896a47b93ee0dfa45836764f8182bb050457829de1431c86b201');
    expect(Object.keys((stack?.document as { '@context': object })['@context'])).toEqual(
      expect.arrayContaining(['stackRule', 'StackRule', 'ElectiveGroup']),
    );
  });

  it('serves at the 3.0.3 URL what the live URL serves, with endorsementJwt and jti', async () => {
    const { document } = await createDocumentLoader()(OB_CONTEXT);
    const terms = (document as { '@context': Record<string, unknown> })['@context'];
    expect(terms).toHaveProperty('endorsementJwt');
    expect(terms).toHaveProperty('jti');
  });

  it('refuses an unknown context URL instead of fetching it', async () => {
    const loader = createDocumentLoader();
    const error = await loader('https://evil.example/context.json').catch((e: unknown) => e);
    expect(isObv3Error(error, 'CONTEXT_UNKNOWN')).toBe(true);
    expect((error as Error).message).toContain('https://evil.example/context.json');
  });

  it('serves registered documents but never lets them replace a bundled context', async () => {
    const extra = new Map<string, object>([
      ['https://example.org/ctx', { '@context': { a: 'https://example.org/a' } }],
      [OB_CONTEXT, { '@context': { evil: 'https://evil.example/' } }],
    ]);
    const loader = createDocumentLoader(extra);
    expect((await loader('https://example.org/ctx')).document).toEqual(extra.get('https://example.org/ctx'));
    expect((await loader(OB_CONTEXT)).document).not.toHaveProperty(['@context', 'evil']);
  });
});

describe.skipIf(!hasSharedSpec)('bundled contexts against ../shared/spec', () => {
  const pairs: [string, string[]][] = [
    ['https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', ['ob-v3p0', 'context', 'context-3.0.3.validator-copy.json']],
    ['https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json', ['ob-v3p0', 'context', 'context-3.0.2.json']],
    ['https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json', ['ob-v3p0', 'context', 'context-3.0.1.json']],
    ['https://purl.imsglobal.org/spec/ob/v3p0/context.json', ['ob-v3p0', 'context', 'context-3.0.0.json']],
    ['https://purl.imsglobal.org/spec/ob/v3p0/extensions.json', ['ob-v3p0', 'context', 'extensions.json']],
    ['https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json', ['clr-v2p0', 'context-2.0.1.json']],
    ['https://purl.imsglobal.org/spec/clr/v2p0/context.json', ['clr-v2p0', 'context-2.0.0.json']],
    ['https://www.w3.org/ns/credentials/v2', ['test-vectors', 'contexts', 'credentials-v2.jsonld']],
    ['https://www.w3.org/2018/credentials/v1', ['test-vectors', 'contexts', 'credentials-v1.jsonld']],
    ['https://w3id.org/security/data-integrity/v1', ['test-vectors', 'contexts', 'data-integrity-v1.jsonld']],
    ['https://w3id.org/security/suites/ed25519-2020/v1', ['test-vectors', 'contexts', 'ed25519-2020-v1.jsonld']],
  ];
  it.each(pairs)('%s equals the official copy', async (url, path) => {
    const { document } = await createDocumentLoader()(url);
    expect(document).toEqual(readSharedJson(...path));
  });
});
