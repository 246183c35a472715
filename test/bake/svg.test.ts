/**
 * Baking into SVG as OB 3.0 says: xmlns:openbadges on the root, one <openbadges:credential>
 * directly after the <svg> start tag, JSON in CDATA or a JWT in verify="…". The output is read
 * back by a second XML parser (@xmldom/xmldom, namespace-aware), and everything outside our
 * insertion is the input unchanged.
 */
import { DOMParser } from '@xmldom/xmldom';
import { beforeAll, describe, expect, it } from 'vitest';
import { BAKED_SVG_NAMESPACE, bake, unbake, type UnbakedCredential } from '../../src/index.js';
import { assetSvg, codeOf, jwtLike, signedCredential } from './images.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
let credential: Record<string, unknown>;
beforeAll(async () => {
  credential = (await signedCredential()) as unknown as Record<string, unknown>;
});

function json(result: UnbakedCredential): Record<string, unknown> {
  if (result.kind !== 'json') throw new Error(`expected JSON, got ${result.kind}`);
  return result.credential;
}

/** The document as another parser sees it: root, its first element child, that child's text. */
function readWithXmldom(svg: string) {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = doc.documentElement!;
  let first = root.firstChild;
  while (first && first.nodeType !== 1) first = first.nextSibling;
  const element = first as unknown as Element;
  return {
    root,
    element,
    credentials: root.getElementsByTagNameNS(BAKED_SVG_NAMESPACE, 'credential').length,
    text: element.textContent ?? '',
  };
}

describe('bake(svg, credential)', () => {
  it('declares the namespace on <svg> and puts the credential, as CDATA JSON, directly after the start tag', () => {
    const baked = bake(assetSvg(), credential);
    const { root, element, credentials, text } = readWithXmldom(baked);
    expect(root.namespaceURI).toBe(SVG_NS);
    expect(root.getAttribute('xmlns:openbadges')).toBe('https://purl.imsglobal.org/ob/v3p0');
    expect(element.namespaceURI).toBe(BAKED_SVG_NAMESPACE);
    expect(element.localName).toBe('credential');
    expect(element.hasAttribute('verify')).toBe(false);
    expect(element.firstChild?.nodeType).toBe(4); // CDATA_SECTION_NODE
    expect(credentials).toBe(1);
    expect(JSON.parse(text)).toEqual(credential);
    expect(baked).toMatch(/<svg [^>]*><openbadges:credential><!\[CDATA\[\{/);
  });

  it('changes nothing else: removing what it inserted gives back the input exactly', () => {
    const original = assetSvg();
    const baked = bake(original, credential);
    const restored = baked
      .replace(' xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"', '')
      .replace(/<openbadges:credential>[\s\S]*?<\/openbadges:credential>/, '');
    expect(restored).toBe(original);
  });

  it('splits "]]>" in the JSON across CDATA sections, so any text survives', () => {
    const tricky = { ...credential, name: 'Wait ]]> Time <b>&amp;</b> ]]]]> \u{1F600} \uFFFF' };
    const baked = bake(assetSvg(), tricky);
    expect(baked).toContain(']]]]><![CDATA[>');
    expect(JSON.parse(readWithXmldom(baked).text)).toEqual(tricky);
    expect(json(unbake(baked))).toEqual(tricky);
  });

  it('bakes a VC-JWT into verify="…" and unbakes it as the same string', () => {
    const jwt = jwtLike();
    const baked = bake(assetSvg(), jwt);
    const { element, text } = readWithXmldom(baked);
    expect(element.getAttribute('verify')).toBe(jwt);
    expect(text).toBe('');
    expect(unbake(baked)).toEqual({ format: 'svg', kind: 'jwt', jwt, text: jwt });
  });

  it('replaces an existing credential (wherever it is) rather than adding a second', () => {
    const misplaced = assetSvg().replace('</svg>', `<g><openbadges:credential xmlns:openbadges="${BAKED_SVG_NAMESPACE}" verify="${jwtLike()}"/></g></svg>`);
    const baked = bake(bake(misplaced, credential), { ...credential, name: 'Second' });
    expect(readWithXmldom(baked).credentials).toBe(1);
    expect(json(unbake(baked)).name).toBe('Second');
    expect(baked.match(/xmlns:openbadges="https:\/\/purl\.imsglobal\.org\/ob\/v3p0"/g)).toHaveLength(1);
  });

  it('bytes in, bytes out (a UTF-8 byte order mark is kept); text in, text out', () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(assetSvg())]);
    const baked = bake(withBom, credential);
    expect(baked).toBeInstanceOf(Uint8Array);
    expect([...baked.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(json(unbake(baked))).toEqual(credential);
    expect(typeof bake(assetSvg(), credential)).toBe('string');
    expect(bake(`\uFEFF${assetSvg()}`, credential).startsWith('\uFEFF<?xml')).toBe(true);
  });

  it('a self-closing root, a root with only a default namespace, a root already declaring the prefix', () => {
    for (const svg of [
      `<svg xmlns="${SVG_NS}"/>`,
      `<svg xmlns="${SVG_NS}" width="10"><rect width="10" height="10"/></svg>`,
      `<svg xmlns="${SVG_NS}" xmlns:openbadges="${BAKED_SVG_NAMESPACE}"><rect/></svg>`,
    ]) {
      const baked = bake(svg, credential);
      const read = readWithXmldom(baked);
      expect(read.element.localName, svg).toBe('credential');
      expect(JSON.parse(read.text)).toEqual(credential);
      expect(baked.match(/xmlns:openbadges=/g), svg).toHaveLength(1);
    }
  });

  it('an OB 2.0 image binding "openbadges" to http://openbadges.org keeps its assertion; the credential declares its own namespace', () => {
    const ob2 = `<svg xmlns="${SVG_NS}" xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="https://example.org/assertions/1"/><circle r="4"/></svg>`;
    const baked = bake(ob2, credential);
    const read = readWithXmldom(baked);
    expect(read.element.namespaceURI).toBe(BAKED_SVG_NAMESPACE);
    expect(read.root.getElementsByTagNameNS('http://openbadges.org', 'assertion').length).toBe(1);
    expect(json(unbake(baked))).toEqual(credential);
  });

  it('a file declaring ISO-8859-1 gets the credential as ASCII-only JSON, so the declaration stays true', () => {
    const latin = `<?xml version="1.0" encoding="ISO-8859-1"?>\n<svg xmlns="${SVG_NS}"><rect/></svg>`;
    const named = { ...credential, name: 'Évaluation formative \u{1F600}' };
    const baked = bake(new TextEncoder().encode(latin), named);
    expect(baked.every((b) => b < 0x80)).toBe(true);
    expect(json(unbake(baked))).toEqual(named);
  });

  it('refuses to bake into an SVG with two credentials, or one that is not well-formed', () => {
    const el = `<openbadges:credential verify="${jwtLike()}"/>`;
    expect(codeOf(() => bake(`<svg xmlns="${SVG_NS}" xmlns:openbadges="${BAKED_SVG_NAMESPACE}">${el}${el}</svg>`, credential))).toBe('BAKED_IMAGE_INVALID');
    expect(codeOf(() => bake(`<svg xmlns="${SVG_NS}"><g></svg>`, credential))).toBe('BAKED_IMAGE_INVALID');
  });
});

describe('unbake(svg) reads what other bakers write', () => {
  it("the spec's own layout: XML declaration, pretty JSON with whitespace around the CDATA", () => {
    const svg = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="${SVG_NS}"
  xmlns:openbadges="${BAKED_SVG_NAMESPACE}"
  viewBox="0 0 512 512">
  <openbadges:credential>
    <![CDATA[
      ${JSON.stringify(credential, null, 2)}
    ]]>
  </openbadges:credential>

  <!-- rest-of-image -->
</svg>`;
    expect(json(unbake(svg))).toEqual(credential);
    expect(json(unbake(new TextEncoder().encode(svg)))).toEqual(credential);
  });

  it("the spec's JWT layout: verify attribute and an empty element", () => {
    const jwt = jwtLike();
    const svg = `<svg xmlns="${SVG_NS}" xmlns:openbadges="${BAKED_SVG_NAMESPACE}" viewBox="0 0 512 512">\n  <openbadges:credential verify="${jwt}"></openbadges:credential>\n</svg>`;
    expect(unbake(svg)).toMatchObject({ kind: 'jwt', jwt });
  });

  it('another prefix bound to the OB 3.0 namespace, and JSON escaped as text instead of CDATA', () => {
    const escaped = JSON.stringify(credential).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('"', '&quot;');
    const svg = `<svg xmlns="${SVG_NS}" xmlns:ob="${BAKED_SVG_NAMESPACE}"><ob:credential>${escaped}</ob:credential></svg>`;
    expect(json(unbake(svg))).toEqual(credential);
  });

  it('a DOCTYPE naming the SVG 1.1 DTD (drawing tools write it): passed over, never fetched', () => {
    const svg = `<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n${bake(`<svg xmlns="${SVG_NS}"/>`, credential)}`;
    expect(json(unbake(svg))).toEqual(credential);
  });

  it('a root with no namespace at all (inline-SVG habits)', () => {
    expect(json(unbake(bake('<svg width="1"/>', credential)))).toEqual(credential);
  });
});
