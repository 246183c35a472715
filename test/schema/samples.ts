/**
 * Small, valid documents for the schema tests (our own data, no spec files needed), and helpers
 * to break them at a JSON Pointer.
 */
export type JsonObject = { [key: string]: unknown };

export const V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

/** An unsigned OpenBadgeCredential as obv3 would issue it. */
export function sampleCredential(): JsonObject {
  return {
    '@context': [V2_CONTEXT, OB_CONTEXT],
    id: 'urn:uuid:5a1c2a34-4b8e-4c55-9f5e-0d7c8a3e9b21',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: 'Questioning Strategies',
    issuer: { id: 'https://district.example.org/issuer', type: ['Profile'], name: 'Example School District' },
    validFrom: '2026-05-01T12:00:00Z',
    credentialSubject: {
      id: 'did:example:teacher-42',
      type: ['AchievementSubject'],
      achievement: {
        id: 'https://district.example.org/achievements/questioning',
        type: ['Achievement'],
        achievementType: 'MicroCredential',
        name: 'Questioning Strategies',
        description: 'Uses open questions to deepen student thinking.',
        criteria: { narrative: 'Submit a classroom video scored 3 or above on the rubric.' },
      },
    },
  };
}

/** The same credential as a VC 1.1 wallet would hold it: v1 context, issuanceDate, one proof object. */
export function sampleVc11Credential(): JsonObject {
  const doc = sampleCredential();
  doc['@context'] = ['https://www.w3.org/2018/credentials/v1', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json'];
  delete doc.validFrom;
  doc.issuanceDate = '2026-05-01T12:00:00Z';
  doc.expirationDate = '2031-05-01T12:00:00Z';
  doc.proof = sampleProof();
  return doc;
}

export function sampleProof(): JsonObject {
  return {
    type: 'DataIntegrityProof',
    cryptosuite: 'eddsa-rdfc-2022',
    created: '2026-05-01T12:00:00Z',
    verificationMethod: 'did:key:z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi',
    proofPurpose: 'assertionMethod',
    proofValue: 'z3FXQjecWufY46yg5abdVZsXqLhxhueuSoZgNSARiKBk9czhSePTFehP8c3PGfb6a22gkfUKKQ1m3WNWvRomcT7ae',
  };
}

export function sampleEndorsement(): JsonObject {
  return {
    '@context': [V2_CONTEXT, OB_CONTEXT],
    id: 'urn:uuid:0b6a0f5e-3c1d-4a43-8f1e-7d7b7c0b9e11',
    type: ['VerifiableCredential', 'EndorsementCredential'],
    name: 'State endorsement of the questioning micro-credential',
    issuer: { id: 'https://education.example.gov/issuer', type: ['Profile'], name: 'State Department of Education' },
    validFrom: '2026-01-01T00:00:00Z',
    credentialSubject: {
      id: 'https://district.example.org/achievements/questioning',
      type: ['EndorsementSubject'],
      endorsementComment: 'Counts toward licence renewal.',
    },
  };
}

export function sampleProfile(): JsonObject {
  return {
    '@context': [V2_CONTEXT, OB_CONTEXT],
    id: 'https://district.example.org/issuer',
    type: ['Profile'],
    name: 'Example School District',
    email: 'credentials@district.example.org',
    address: { type: ['Address'], addressCountryCode: 'US', addressRegion: 'OR' },
  };
}

/** Sets the value at a JSON Pointer (parents must exist). */
export function setAt(doc: JsonObject, pointer: string, value: unknown): JsonObject {
  const { parent, key } = locate(doc, pointer);
  parent[key] = value;
  return doc;
}

/** Removes the value at a JSON Pointer. */
export function deleteAt(doc: JsonObject, pointer: string): JsonObject {
  const { parent, key } = locate(doc, pointer);
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete parent[key];
  return doc;
}

function locate(doc: JsonObject, pointer: string): { parent: JsonObject; key: string } {
  const keys = pointer.split('/').slice(1);
  const key = keys.pop();
  if (key === undefined) throw new Error(`pointer ${pointer} names no property`);
  let parent: unknown = doc;
  for (const k of keys) parent = (parent as JsonObject)[k];
  if (typeof parent !== 'object' || parent === null) throw new Error(`nothing at ${pointer}`);
  return { parent: parent as JsonObject, key };
}
