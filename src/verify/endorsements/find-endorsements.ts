/**
 * Where a credential embeds endorsements: an `endorsement` (EndorsementCredential objects) or
 * `endorsementJwt` (compact VC-JWTs) property on the credential, its issuer profile, its
 * achievement, the achievement's creator, or any other object in it. Endorsements inside an
 * endorsement are that endorsement's business (verified at the next depth), and nested
 * credentials (a CLR's `verifiableCredential`) are verified as credentials of their own.
 */
import { isObject } from '../credential-fields.js';

export interface EmbeddedEndorsement {
  path: string;
  format: 'json' | 'jwt';
  value: unknown;
  attachedTo?: string;
}

const SKIPPED = new Set(['proof', 'verifiableCredential', '@context']);

export function findEndorsements(credential: Record<string, unknown>): EmbeddedEndorsement[] {
  const found: EmbeddedEndorsement[] = [];
  const walk = (node: unknown, path: string): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, `${path}/${i}`));
      return;
    }
    if (!isObject(node)) return;
    const attachedTo = typeof node.id === 'string' ? node.id : undefined;
    for (const [key, value] of Object.entries(node)) {
      if (SKIPPED.has(key)) continue;
      const here = `${path}/${escape(key)}`;
      if (key === 'endorsement' || key === 'endorsementJwt') {
        const items = Array.isArray(value) ? value : [value];
        items.forEach((item, i) => {
          found.push({ path: Array.isArray(value) ? `${here}/${i}` : here, format: key === 'endorsement' ? 'json' : 'jwt', value: item, ...(attachedTo ? { attachedTo } : {}) });
        });
        continue;
      }
      walk(value, here);
    }
  };
  walk(credential, '');
  return found;
}

function escape(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
