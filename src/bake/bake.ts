/**
 * bake(image, credential): the image with the credential embedded, as OB 3.0 describes for PNG
 * and SVG. An image that already carries a credential gets the new one instead, never a second.
 */
import { Obv3Error } from '../errors.js';
import { bakePayload } from './bake-payload.js';
import { isSvgText, notPngOrSvg, notSvgText, sniffBakedImageFormat } from './detect-format.js';
import { bakePng } from './png.js';
import { decodeSvgBytes, encodeSvgText, svgSourceFromText } from './svg-text.js';
import { bakeSvg } from './svg.js';
import type { BakeableCredential } from './types.js';

/**
 * Bytes in, bytes out (PNG or SVG); SVG text in, SVG text out. The credential is a signed
 * credential object (or its JSON text), or a VC-JWT compact JWS string.
 *
 * Throws INVALID_ARGUMENT for a credential that is not signed or not a credential, and
 * BAKED_IMAGE_INVALID (or INPUT_TOO_DEEP) for an image that is damaged, not PNG/SVG, or already
 * carries two credentials.
 */
export function bake(image: Uint8Array, credential: BakeableCredential): Uint8Array;
export function bake(image: string, credential: BakeableCredential): string;
export function bake(image: Uint8Array | string, credential: BakeableCredential): Uint8Array | string;
export function bake(image: Uint8Array | string, credential: BakeableCredential): Uint8Array | string {
  const payload = bakePayload(credential);
  if (typeof image === 'string') {
    if (!isSvgText(image)) throw notSvgText();
    const source = svgSourceFromText(image);
    return (source.bom ? '\uFEFF' : '') + bakeSvg(source, payload);
  }
  if (!(image instanceof Uint8Array)) {
    throw new Obv3Error('INVALID_ARGUMENT', 'bake() takes the bytes of a PNG or SVG image (a Uint8Array or Buffer), or the text of an SVG image.');
  }
  const format = sniffBakedImageFormat(image);
  if (format === 'png') return bakePng(image, payload.text);
  if (format === 'svg') {
    const source = decodeSvgBytes(image);
    return encodeSvgText(source, bakeSvg(source, payload));
  }
  throw notPngOrSvg(image);
}
