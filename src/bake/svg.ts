/**
 * Baking into and reading from SVG, as OB 3.0 §"Baked Badge / SVG" says: `xmlns:openbadges`
 * bound to https://purl.imsglobal.org/ob/v3p0 on the root, and one `<openbadges:credential>`
 * directly after the `<svg>` start tag, holding the JSON in CDATA or a JWT in `verify="…"`. Baking
 * edits the source text at the positions the parser reports, so the rest of the image stays
 * exactly as it was.
 */
import { bakeError } from './errors.js';
import { ob2AssertionFound } from './ob2.js';
import { OB3_SVG_NAMESPACE, scanSvg } from './svg-scan.js';
import type { BakePayload } from './bake-payload.js';
import type { BakedText, ExtractLimits } from './types.js';
import type { SvgSource } from './svg-text.js';

interface Edit {
  start: number;
  end: number;
  insert: string;
}

export function bakeSvg(source: SvgSource, payload: BakePayload): string {
  const { text } = source;
  const scan = scanSvg(text);
  if (scan.credentials.length > 1) throw twoCredentials(scan.credentials.length);
  const { root } = scan;
  const bound = root.openbadgesNamespace === OB3_SVG_NAMESPACE;
  // An OB 2.0 image binds the same prefix to http://openbadges.org on the root: then the element
  // declares the OB 3.0 namespace itself, which XML allows and keeps both readable.
  const prefixTaken = root.openbadgesNamespace !== undefined && !bound;
  const element = credentialElement(payload, prefixTaken, source.asciiOnly);
  const edits: Edit[] = [];
  if (!bound && !prefixTaken) {
    const nameEnd = root.start + 1 + root.name.length;
    edits.push({ start: nameEnd, end: nameEnd, insert: ` xmlns:openbadges="${OB3_SVG_NAMESPACE}"` });
  }
  if (root.selfClosing) edits.push({ start: root.openEnd - 2, end: root.openEnd, insert: `>${element}</${root.name}>` });
  else edits.push({ start: root.openEnd, end: root.openEnd, insert: element });
  const existing = scan.credentials[0];
  if (existing) edits.push({ start: existing.start, end: existing.end, insert: '' });
  return applyEdits(text, edits);
}

export function extractFromSvg(source: SvgSource, limits: ExtractLimits): BakedText {
  const scan = scanSvg(source.text);
  if (scan.credentials.length > 1) throw twoCredentials(scan.credentials.length);
  const element = scan.credentials[0];
  if (!element) {
    if (scan.ob2Assertions > 0) throw ob2AssertionFound('svg', 'an <openbadges:assertion> element in namespace http://openbadges.org');
    throw bakeError('BAKED_CREDENTIAL_MISSING', `This SVG image carries no Open Badges 3.0 credential (no <openbadges:credential> element in namespace ${OB3_SVG_NAMESPACE}).`);
  }
  const body = element.body.trim();
  if (element.verify !== undefined && body !== '') {
    throw bakeError('BAKED_CREDENTIAL_INVALID', 'The <openbadges:credential> element of this SVG image has both a verify attribute (a JWT) and a body (JSON); OB 3.0 puts one or the other there, and obv3 will not guess which is meant.');
  }
  const text = element.verify?.trim() ?? body;
  if (text === '') throw bakeError('BAKED_CREDENTIAL_INVALID', 'The <openbadges:credential> element of this SVG image is empty.');
  if (text.length > limits.maxCredentialBytes) {
    throw bakeError('INPUT_TOO_LARGE', `The credential in this SVG image has ${text.length} characters; the limit is ${limits.maxCredentialBytes} bytes (raise maxCredentialBytes if you trust the image).`);
  }
  return { format: 'svg', text, location: element.verify === undefined ? '<openbadges:credential> element' : '<openbadges:credential verify="…"> attribute' };
}

function credentialElement(payload: BakePayload, declareNamespace: boolean, asciiOnly: boolean): string {
  const xmlns = declareNamespace ? ` xmlns:openbadges="${OB3_SVG_NAMESPACE}"` : '';
  // A compact JWS is base64url and dots: nothing in it needs escaping in an attribute.
  if (payload.kind === 'jwt') return `<openbadges:credential${xmlns} verify="${payload.text}"></openbadges:credential>`;
  return `<openbadges:credential${xmlns}><![CDATA[${cdataBody(jsonForXml(payload.text, asciiOnly))}]]></openbadges:credential>`;
}

/** `]]>` would end the CDATA section early: split it across two sections. */
function cdataBody(text: string): string {
  return text.replaceAll(']]>', ']]]]><![CDATA[>');
}

/**
 * JSON text may hold characters XML forbids (U+FFFE, U+FFFF), and in a file declaring a non-UTF-8
 * encoding anything beyond ASCII would be misread. Outside strings JSON is ASCII, so escaping
 * these as \uXXXX keeps exactly the same JSON value.
 */
function jsonForXml(json: string, asciiOnly: boolean): string {
  const pattern = asciiOnly ? /[^\x00-\x7f]/g : /[\uFFFE\uFFFF]/g;
  return json.replace(pattern, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function applyEdits(text: string, edits: Edit[]): string {
  // Insertions (start === end) sort before a removal starting at the same place; edits never overlap.
  const ordered = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let cursor = 0;
  for (const edit of ordered) {
    out += text.slice(cursor, edit.start) + edit.insert;
    cursor = edit.end;
  }
  return out + text.slice(cursor);
}

function twoCredentials(count: number) {
  return bakeError('BAKED_IMAGE_INVALID',
    `This SVG image has ${count} <openbadges:credential> elements; OB 3.0 allows one, and obv3 will not guess which is meant.`);
}
