/**
 * Generated JSON-LD documents for the differential test, drawn from the bundled contexts
 * themselves: a node gets a type the context defines, and properties taken from that type's
 * scoped context and the enclosing ones, with values shaped by each term's definition (IRIs for
 * @id terms, dates for dateTime terms, lists, graphs, @json, nested typed nodes). Values include
 * the awkward cases: escapes, blank node ids, compact IRIs over prefix terms, duplicates, nulls,
 * empty arrays, numbers that are doubles or huge. `mutated` then breaks documents at random, to
 * probe the edge between what the fast path accepts and what it hands to jsonld.js.
 */
import fc from 'fast-check';
import { BUNDLED_CONTEXTS } from '../../src/contexts/index.js';

type Json = Record<string, unknown>;
interface TermInfo {
  name: string;
  type?: string;
  container: string[];
  scoped?: Json;
}
interface Vocabulary {
  classes: TermInfo[];
  properties: TermInfo[];
}

const VC1 = 'https://www.w3.org/2018/credentials/v1';
const VC2 = 'https://www.w3.org/ns/credentials/v2';
const OB = (v: string) => `https://purl.imsglobal.org/spec/ob/v3p0/${v}`;
const EXT = OB('extensions.json');
const CLR201 = 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json';
const CLR200 = 'https://purl.imsglobal.org/spec/clr/v2p0/context.json';

/** Context lists credentials really use, and some they do not (conflicts: both paths must agree). */
export const CONTEXT_LISTS: readonly (readonly string[])[] = [
  [VC2, OB('context-3.0.3.json')],
  [VC2, OB('context-3.0.3.json'), EXT],
  [VC2, OB('context-3.0.2.json')],
  [VC2, OB('context-3.0.1.json')],
  [VC2, OB('context.json')],
  [VC1, OB('context-3.0.3.json')],
  [VC1, OB('context-3.0.1.json'), EXT],
  [VC2, CLR201, OB('context-3.0.3.json')],
  [VC1, CLR200, OB('context-3.0.1.json')],
  [VC2, 'https://www.w3.org/ns/credentials/status/v1'],
  [VC1, 'https://w3id.org/vc/status-list/2021/v1'],
  [VC1, 'https://w3id.org/security/suites/ed25519-2020/v1'],
  [VC1, 'https://w3id.org/security/data-integrity/v1'],
  [VC2, 'https://w3id.org/security/data-integrity/v2'],
  [VC2, 'https://w3id.org/security/multikey/v1'],
  [VC2, OB('context-3.0.3.json'), OB('context-3.0.2.json')],
  [OB('context-3.0.3.json'), VC2],
];

const documents = new Map(BUNDLED_CONTEXTS.map((c) => [c.url, (c.document as { '@context': Json })['@context']]));

/** Classes found at any depth; properties only at this level (scoped ones belong to their class). */
function collect(context: Json, into: Vocabulary, depth: number): void {
  for (const [name, value] of Object.entries(context)) {
    if (name.startsWith('@')) continue;
    const definition = typeof value === 'object' && value !== null ? (value as Json) : {};
    const rawContainer = definition['@container'];
    const info: TermInfo = {
      name,
      container: Array.isArray(rawContainer) ? (rawContainer as string[]) : typeof rawContainer === 'string' ? [rawContainer] : [],
      ...(typeof definition['@type'] === 'string' ? { type: definition['@type'] } : {}),
      ...(typeof definition['@context'] === 'object' && definition['@context'] !== null ? { scoped: definition['@context'] as Json } : {}),
    };
    if (value === '@id' || value === '@type') continue;
    if (/^[A-Z0-9]/.test(name)) {
      into.classes.push(info);
      if (info.scoped && depth < 3) collect(info.scoped, { classes: into.classes, properties: [] }, depth + 1);
    } else {
      into.properties.push(info);
    }
  }
}

function vocabularyOf(urls: readonly string[]): Vocabulary {
  const vocabulary: Vocabulary = { classes: [], properties: [] };
  for (const url of urls) {
    const context = documents.get(url);
    if (context) collect(context, vocabulary, 0);
  }
  return vocabulary;
}

const trickyStrings = fc.constantFrom(
  '', ' ', 'Wait Time', 'quote " and backslash \\', 'line\nbreak\ttab\r', 'é ü ß 中文 🎓', '\u0000\u0007\u001f\u007f',
  '2026-05-01T12:00:00Z', '2026-05-01', '15', 'true', 'null', '@id', '@foo', 'https://example.org/x',
);
const text = fc.oneof(trickyStrings, fc.string({ maxLength: 24 }), fc.string({ unit: 'grapheme', maxLength: 12 }));

const iris = fc.oneof(
  fc.constantFrom(
    'https://example.org/a', 'https://example.org/a', 'http://example.org/path?q=1#frag', 'urn:uuid:3b7c5a38-0d7e-4a5f-9d0b-1f3b8d1e9a10',
    'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', 'did:example:ebfeb1f712ebc6f1c276e12ec21', 'mailto:t@example.org',
    'ext:Standard', 'xsd:string', 'sec:proof', 'cred:issuer', 'obi:Achievement', '_:b0', '_:b1', '_:node',
    'https://example.org/with space', 'https://example.org/<angle>', 'relative/path', '#fragment', '',
  ),
  fc.webUrl({ withFragments: true, withQueryParameters: true }),
);

const numbers = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.constantFrom(0, -0, 1.5, 15, 15.0, 0.1, 1e21, 1e-7, 123456789012, -2.5e-3, Number.MAX_SAFE_INTEGER),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const dates = fc.oneof(
  fc.constantFrom('2026-05-01T12:00:00Z', '2010-01-01T00:00:00.250+05:30', '2026-05-01', 'not a date', '2026-13-45T99:00:00Z'),
  fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
);
const scalars = fc.oneof(text, numbers, fc.boolean());

const XSD = 'http://www.w3.org/2001/XMLSchema#';

export interface DocumentOptions {
  maxDepth?: number;
}

/** A node whose keys all come from its contexts (so the fast path should usually accept it). */
export function document(options: DocumentOptions = {}): fc.Arbitrary<Json> {
  const maxDepth = options.maxDepth ?? 3;
  return fc.constantFrom(...CONTEXT_LISTS).chain((contexts) => {
    const vocabulary = vocabularyOf(contexts);
    return node(vocabulary, maxDepth).map((n) => ({ '@context': contexts.length === 1 ? contexts[0] : [...contexts], ...n }));
  });
}

function node(vocabulary: Vocabulary, depth: number): fc.Arbitrary<Json> {
  const classes = vocabulary.classes.length > 0 ? vocabulary.classes : [{ name: 'VerifiableCredential', container: [] }];
  return fc.record({
    cls: fc.constantFrom(...classes),
    extraType: fc.option(fc.constantFrom(...classes), { nil: undefined }),
    id: fc.option(iris, { nil: undefined }),
    typeAsString: fc.boolean(),
  }).chain(({ cls, extraType, id, typeAsString }) => {
    const local: Vocabulary = { classes: [], properties: [] };
    if (cls.scoped) collect(cls.scoped, local, 3);
    const candidates = [...local.properties, ...vocabulary.properties];
    const types = extraType && extraType.name !== cls.name ? [cls.name, extraType.name] : [cls.name];
    const props = candidates.length === 0 ? fc.constant([] as [string, unknown][]) : fc.array(fc.constantFrom(...candidates), { maxLength: depth > 0 ? 6 : 3 }).chain((chosen) =>
      fc.tuple(...chosen.map((term) => value(term, vocabulary, depth).map((v) => [term.name, v] as [string, unknown]))),
    );
    return props.map((entries) => {
      const out: Json = {};
      if (id !== undefined) out.id = id;
      out.type = typeAsString && types.length === 1 ? types[0] : types;
      for (const [k, v] of entries) out[k] = v;
      return out;
    });
  });
}

function value(term: TermInfo, vocabulary: Vocabulary, depth: number): fc.Arbitrary<unknown> {
  const nested = depth > 0 ? node(vocabulary, depth - 1) : fc.constant({});
  let single: fc.Arbitrary<unknown>;
  if (term.type === '@id') single = fc.oneof({ arbitrary: iris, weight: 3 }, { arbitrary: nested, weight: 2 });
  else if (term.type === '@vocab') single = fc.oneof(fc.constantFrom('assertionMethod', 'authentication', 'keyAgreement', 'unknownTerm'), iris);
  else if (term.type === '@json') single = fc.jsonValue({ maxDepth: 2 });
  else if (term.type?.endsWith('dateTime') || term.type?.endsWith('#date')) single = dates;
  else if (term.type === `${XSD}float` || term.type === `${XSD}integer` || term.type?.endsWith('nonNegativeInteger')) single = fc.oneof(numbers, text);
  else if (term.type) single = fc.oneof(text, iris, numbers);
  else single = fc.oneof({ arbitrary: scalars, weight: 3 }, { arbitrary: iris, weight: 1 }, { arbitrary: nested, weight: 2 });

  const many = fc.array(single, { maxLength: 3 });
  const duplicated = single.map((v) => [v, v]);
  const shape = term.container.includes('@list') || term.container.includes('@set') ? fc.oneof(many, single, duplicated) : fc.oneof({ arbitrary: single, weight: 4 }, { arbitrary: many, weight: 1 }, { arbitrary: duplicated, weight: 1 });
  const arraysOfArrays = fc.array(many, { maxLength: 2 });
  return fc.oneof({ arbitrary: shape, weight: 12 }, { arbitrary: fc.constantFrom(null, [], [null]), weight: 1 }, { arbitrary: arraysOfArrays, weight: 1 });
}

const junkKeys = fc.constantFrom('@id', '@type', '@value', '@list', '@set', '@graph', '@context', '@reverse', '@index', '@language', '@nest', '@included', '@foo', 'unknownTerm', 'https://example.org/p', 'ext:prop', '_:bnodeProp', 'id', 'type');
const junkValues = fc.oneof(scalars, iris, fc.constant(null), fc.constant({}), fc.constant([]), fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(VC2, [VC2], [null], { '@vocab': 'https://example.org/' }, { x: 'https://example.org/x' }, ['https://example.org/unknown-context']),
);

/** `doc` with a few random edits: keys added or removed, values replaced, anywhere in the tree. */
export function mutated(doc: fc.Arbitrary<Json>): fc.Arbitrary<Json> {
  return fc.tuple(doc, fc.array(fc.tuple(fc.nat(), fc.nat(), junkKeys, junkValues, fc.constantFrom('add', 'replace', 'delete', 'wrap')), { minLength: 1, maxLength: 3 })).map(([original, edits]) => {
    const copy = structuredClone(original);
    for (const [pick, keyPick, junkKey, junkValue, kind] of edits) {
      const objects = allObjects(copy);
      const target = objects[pick % objects.length]!;
      const keys = Object.keys(target);
      const key = keys.length > 0 ? keys[keyPick % keys.length]! : junkKey;
      if (kind === 'add') target[junkKey] = structuredClone(junkValue);
      else if (kind === 'replace') target[key] = structuredClone(junkValue);
      else if (kind === 'delete') delete target[key];
      else target[key] = [target[key]];
    }
    return copy;
  });
}

function allObjects(root: Json): Json[] {
  const out: Json[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (typeof v === 'object' && v !== null) {
      out.push(v as Json);
      Object.values(v).forEach(visit);
    }
  };
  visit(root);
  return out;
}
