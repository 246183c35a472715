/**
 * Open Badges 2.0 baked images (OB 2.0 Baking 1.0): recognised so they are reported as what they
 * are, never read as an OB 3.0 credential or called "no credential".
 */
import { bakeError } from './errors.js';
import type { BakedImageFormat } from './types.js';

/** OB 2.0's PNG keyword (iTXt; earlier a tEXt chunk holding a hosted assertion URL). */
export const OB2_PNG_KEYWORD = 'openbadges';
/** OB 2.0's SVG namespace; its element is `<openbadges:assertion>`. */
export const OB2_SVG_NAMESPACE = 'http://openbadges.org';
export const OB2_SVG_ELEMENT = 'assertion';

export function ob2AssertionFound(format: BakedImageFormat, where: string) {
  return bakeError('OB2_ASSERTION',
    `This ${format.toUpperCase()} image carries an Open Badges 2.0 assertion (${where}), not an Open Badges 3.0 credential; verify it with an OB 2.0 verifier.`);
}
