/**
 * One pass over an SVG document with saxes: a strict, namespace-aware, streaming XML parser in
 * pure JS. It never reads a DTD: a DOCTYPE is passed over (nothing external is ever fetched, so no
 * XXE), and a reference to an entity that a DOCTYPE declares is an error rather than an expansion
 * (so no billion laughs). Being streaming, it keeps no tree and does not recurse, so deep nesting
 * costs a counter; we still cap it. The scan records only what baking and unbaking need: where the
 * root start tag is, and every Open Badges element with its text and its exact source range.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { bakeError } from './errors.js';
import { MAX_SVG_DEPTH } from './limits.js';
import { OB2_SVG_ELEMENT, OB2_SVG_NAMESPACE } from './ob2.js';

export const OB3_SVG_NAMESPACE = 'https://purl.imsglobal.org/ob/v3p0';
export const OB3_SVG_ELEMENT = 'credential';
const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

export interface SvgRoot {
  /** The root's qualified name as written (`svg`, rarely `svg:svg`). */
  name: string;
  /** Offset of the `<` of the root start tag. */
  start: number;
  /** Offset just after the root start tag (after `>` or `/>`). */
  openEnd: number;
  selfClosing: boolean;
  /** The value of an `xmlns:openbadges` attribute on the root, if it has one. */
  openbadgesNamespace?: string;
}

export interface SvgCredentialElement {
  /** Offsets of the element in the source: from its `<` to just after its end tag. */
  start: number;
  end: number;
  /** The `verify` attribute (a compact JWS), when present. */
  verify?: string;
  /** Its text and CDATA content, concatenated. */
  body: string;
}

export interface SvgScan {
  root: SvgRoot;
  credentials: SvgCredentialElement[];
  ob2Assertions: number;
}

export function scanSvg(source: string): SvgScan {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let root: SvgRoot | undefined;
  const credentials: SvgCredentialElement[] = [];
  let ob2Assertions = 0;
  let depth = 0;
  let tagStart = 0;
  let open: { element: SvgCredentialElement; depth: number } | undefined;

  parser.on('error', (error) => {
    throw notWellFormed(error);
  });
  parser.on('opentagstart', (tag) => {
    // The name follows `<` directly and saxes has read one character past it.
    tagStart = source.lastIndexOf(`<${tag.name}`, parser.position);
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    depth += 1;
    if (depth > MAX_SVG_DEPTH) {
      throw bakeError('INPUT_TOO_DEEP', `This SVG image nests elements more than ${MAX_SVG_DEPTH} levels deep; no badge image needs that.`);
    }
    if (open) throw invalid(`its <${tag.name}> is inside the Open Badges credential element, which holds only text`);
    if (depth === 1) root = rootOf(tag, tagStart, parser.position);
    if (tag.uri === OB3_SVG_NAMESPACE && tag.local === OB3_SVG_ELEMENT) {
      const verify = tag.attributes.verify?.uri === '' ? tag.attributes.verify.value : undefined;
      open = { element: { start: tagStart, end: -1, body: '', ...(verify === undefined ? {} : { verify }) }, depth };
    } else if (tag.uri === OB2_SVG_NAMESPACE && tag.local === OB2_SVG_ELEMENT) {
      ob2Assertions += 1;
    }
  });
  const collect = (text: string): void => {
    if (open) open.element.body += text;
  };
  parser.on('text', collect);
  parser.on('cdata', collect);
  parser.on('closetag', () => {
    if (open && open.depth === depth) {
      open.element.end = parser.position;
      credentials.push(open.element);
      open = undefined;
    }
    depth -= 1;
  });

  parser.write(source).close();
  if (!root) throw invalid('it has no root element');
  return { root, credentials, ob2Assertions };
}

function rootOf(tag: SaxesTagNS, start: number, openEnd: number): SvgRoot {
  if (tag.local !== 'svg' || (tag.uri !== SVG_NAMESPACE && tag.uri !== '')) {
    throw invalid(`its root element is <${tag.name}>${tag.uri ? ` in namespace ${tag.uri}` : ''}, not <svg>`);
  }
  const declared = tag.attributes['xmlns:openbadges']?.value;
  return { name: tag.name, start, openEnd, selfClosing: tag.isSelfClosing, ...(declared === undefined ? {} : { openbadgesNamespace: declared }) };
}

function notWellFormed(error: Error) {
  if (/undefined entity/.test(error.message)) {
    return invalid(`it refers to an entity its DOCTYPE declares (${error.message}); obv3 never expands DTD entities, which is how XML files read local files (XXE) or explode in memory ("billion laughs")`, error);
  }
  return invalid(`it is not well-formed XML (${error.message})`, error);
}

function invalid(reason: string, cause?: unknown) {
  return bakeError('BAKED_IMAGE_INVALID', `This SVG image cannot be read: ${reason}.`, cause);
}
