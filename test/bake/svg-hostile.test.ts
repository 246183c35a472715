/**
 * Hostile and damaged SVGs: DTD tricks (external entities, billion laughs), deep nesting, bad
 * encodings, ambiguous credentials, broken XML. Each gets a stable code and a message, never a
 * file read, a network call, a memory blow-up or a crash.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { BAKED_SVG_NAMESPACE, MAX_SVG_DEPTH, bake, unbake } from '../../src/index.js';
import { Obv3Error } from '../../src/errors.js';
import { codeOf, errorOf, jwtLike, signedCredential } from './images.js';

const SVG = 'http://www.w3.org/2000/svg';
const OPEN = `<svg xmlns="${SVG}" xmlns:openbadges="${BAKED_SVG_NAMESPACE}">`;
let baked: string;
let credentialText: string;
beforeAll(async () => {
  const credential = await signedCredential();
  credentialText = JSON.stringify(credential);
  baked = bake(`<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="${SVG}" viewBox="0 0 10 10"><circle r="5"/></svg>\n`, credential);
});

const svgWith = (inner: string, prolog = '') => `${prolog}${OPEN}${inner}</svg>`;
const cdata = (text: string) => `<openbadges:credential><![CDATA[${text}]]></openbadges:credential>`;

describe('DTD tricks are refused, not expanded', () => {
  it('billion laughs: nested entity definitions', () => {
    const levels = ['<!ENTITY lol "lol">'];
    for (let i = 1; i <= 9; i++) levels.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
    const svg = svgWith(`<openbadges:credential>&lol9;</openbadges:credential>`, `<!DOCTYPE svg [${levels.join('')}]>`);
    const error = errorOf(() => unbake(svg));
    expect(error.code).toBe('BAKED_IMAGE_INVALID');
    expect(error.message).toMatch(/never expands DTD entities/);
  });

  it('external entities (XXE): a local file and a URL', () => {
    for (const system of ['file:///etc/passwd', 'https://attacker.example/x']) {
      const svg = svgWith(`<openbadges:credential>&xxe;</openbadges:credential>`, `<!DOCTYPE svg [<!ENTITY xxe SYSTEM "${system}">]>`);
      const error = errorOf(() => unbake(svg));
      expect(error.code).toBe('BAKED_IMAGE_INVALID');
      expect(error.message).toMatch(/XXE/);
    }
  });

  it('an entity used in an attribute (the verify JWT)', () => {
    const svg = svgWith('<openbadges:credential verify="&jwt;"/>', `<!DOCTYPE svg [<!ENTITY jwt "${jwtLike()}">]>`);
    expect(codeOf(() => unbake(svg))).toBe('BAKED_IMAGE_INVALID');
  });

  it('a DOCTYPE whose declarations are never used is harmless and passed over', () => {
    const svg = svgWith(cdata(credentialText), '<!DOCTYPE svg [<!ENTITY unused SYSTEM "file:///etc/passwd">]>');
    expect(unbake(svg).kind).toBe('json');
  });
});

describe('nesting', () => {
  it(`more than ${MAX_SVG_DEPTH} levels is INPUT_TOO_DEEP, also at a million levels (with the size cap raised)`, () => {
    for (const depth of [MAX_SVG_DEPTH, 1_000_000]) {
      const svg = svgWith(`${'<g>'.repeat(depth)}${'</g>'.repeat(depth)}${cdata(credentialText)}`);
      expect(codeOf(() => unbake(svg, { maxImageBytes: 16 * 1024 * 1024 }))).toBe('INPUT_TOO_DEEP');
    }
  });

  it(`${MAX_SVG_DEPTH - 1} levels of groups under the root are fine`, () => {
    const depth = MAX_SVG_DEPTH - 1;
    const svg = svgWith(`${cdata(credentialText)}${'<g>'.repeat(depth)}${'</g>'.repeat(depth)}`);
    expect(unbake(svg).kind).toBe('json');
  });
});

describe('encodings', () => {
  it('bytes that are not UTF-8', () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode(`${OPEN}<title>`), 0xc9, 0x74, 0xe9, ...new TextEncoder().encode(`</title>${cdata(credentialText)}</svg>`)]);
    const error = errorOf(() => unbake(latin1));
    expect(error.code).toBe('BAKED_IMAGE_INVALID');
    expect(error.message).toMatch(/not valid UTF-8/);
  });

  it('UTF-16, an unsupported declared encoding, and a Latin-1 declaration over non-ASCII bytes', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...baked].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    expect(errorOf(() => unbake(utf16)).message).toMatch(/UTF-16/);
    const sjis = `<?xml version="1.0" encoding="Shift_JIS"?>${svgWith(cdata(credentialText))}`;
    expect(errorOf(() => unbake(sjis)).message).toMatch(/declares encoding "shift_jis"/);
    const mixed = new TextEncoder().encode(`<?xml version="1.0" encoding="ISO-8859-1"?>${svgWith(`<title>é</title>${cdata(credentialText)}`)}`);
    expect(errorOf(() => unbake(mixed)).message).toMatch(/declares encoding "iso-8859-1" and has characters beyond ASCII/);
  });

  it('an ASCII file declaring ISO-8859-1 is read', () => {
    const ascii = new TextEncoder().encode(`<?xml version="1.0" encoding="ISO-8859-1"?>${svgWith(cdata(credentialText))}`);
    expect(unbake(ascii).kind).toBe('json');
  });
});

describe('ambiguous or missing credentials', () => {
  it('two credential elements', () => {
    const error = errorOf(() => unbake(svgWith(cdata(credentialText) + cdata(credentialText))));
    expect(error.code).toBe('BAKED_IMAGE_INVALID');
    expect(error.message).toMatch(/2 <openbadges:credential> elements/);
  });

  it('both a verify attribute and a body; an empty element; a child element inside', () => {
    expect(codeOf(() => unbake(svgWith(`<openbadges:credential verify="${jwtLike()}"><![CDATA[${credentialText}]]></openbadges:credential>`)))).toBe('BAKED_CREDENTIAL_INVALID');
    expect(codeOf(() => unbake(svgWith('<openbadges:credential>  </openbadges:credential>')))).toBe('BAKED_CREDENTIAL_INVALID');
    expect(codeOf(() => unbake(svgWith(`<openbadges:credential><g/>${credentialText}</openbadges:credential>`)))).toBe('BAKED_IMAGE_INVALID');
  });

  it('no credential, and a credential element in another namespace: BAKED_CREDENTIAL_MISSING', () => {
    expect(codeOf(() => unbake(`<svg xmlns="${SVG}"><circle r="1"/></svg>`))).toBe('BAKED_CREDENTIAL_MISSING');
    expect(codeOf(() => unbake(`<svg xmlns="${SVG}" xmlns:openbadges="https://example.org/not-ob">${cdata(credentialText)}</svg>`))).toBe('BAKED_CREDENTIAL_MISSING');
  });

  it('an OB 2.0 assertion: OB2_ASSERTION', () => {
    const ob2 = `<svg xmlns="${SVG}" xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="https://example.org/assertions/123"/></svg>`;
    const error = errorOf(() => unbake(ob2));
    expect(error.code).toBe('OB2_ASSERTION');
    expect(error.message).toMatch(/Open Badges 2\.0 assertion/);
  });

  it('text that is neither JSON nor a JWT: BAKED_CREDENTIAL_INVALID', () => {
    expect(codeOf(() => unbake(svgWith(cdata('https://example.org/assertions/1'))))).toBe('BAKED_CREDENTIAL_INVALID');
    expect(codeOf(() => unbake(svgWith(cdata('{"broken":'))))).toBe('BAKED_CREDENTIAL_INVALID');
  });
});

describe('broken XML is BAKED_IMAGE_INVALID', () => {
  it.each([
    ['an unclosed element', `${OPEN}<g>${cdata('{}')}</svg>`],
    ['an unbound prefix', `<svg xmlns="${SVG}"><ob:credential>{}</ob:credential></svg>`],
    ['a root that is not <svg>', `<html xmlns:openbadges="${BAKED_SVG_NAMESPACE}">${cdata('{}')}</html>`],
    ['an <svg> root in another namespace', `<svg xmlns="https://example.org/not-svg" xmlns:openbadges="${BAKED_SVG_NAMESPACE}">${cdata('{}')}</svg>`],
    ['text after the root', `${svgWith(cdata('{}'))}trailing`],
    ['an empty document', ' '],
    ['a CDATA section that never ends', `${OPEN}<openbadges:credential><![CDATA[{}</openbadges:credential></svg>`],
  ])('%s', (_label, svg) => {
    expect(codeOf(() => unbake(svg))).toBe('BAKED_IMAGE_INVALID');
  });

  it('every truncation of a baked SVG before its end tag', () => {
    const end = baked.lastIndexOf('</svg>') + '</svg>'.length;
    for (let length = 0; length < end; length += 7) {
      expect.soft(codeOf(() => unbake(baked.slice(0, length))), `cut at ${length}`).toBe('BAKED_IMAGE_INVALID');
    }
  });

  it('random edits never make unbake throw anything but an Obv3Error', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.constantFrom('<', '>', '&', ']]>', '"', '<!DOCTYPE x [', '\u0000', '</g>', 'x')), { minLength: 1, maxLength: 5 }), (edits) => {
        let svg = baked;
        for (const [at, text] of edits) {
          const i = at % svg.length;
          svg = svg.slice(0, i) + text + svg.slice(i + 1);
        }
        try {
          unbake(svg);
        } catch (error) {
          expect(error).toBeInstanceOf(Obv3Error);
        }
      }),
      { numRuns: 300 },
    );
  });
});
