/**
 * `schema`: the credential against our tolerant verify schema, then every `credentialSchema` it
 * declares: the official 1EdTech schemas from our bundled copies (single values where they want
 * arrays are a warning, as JSON-LD reads both alike), the official CLR 2.0 schema URL by our own
 * CLR schema (1EdTech publishes none we could bundle), any other URL only through
 * `options.fetch`. A `refreshService` is reported, never followed.
 */
import type { ValidationProblem } from '../../errors.js';
import { inferSchemaKind, validateAgainstOfficialSchemaAsJsonLd, validateAgainstSchema, validateForVerify, type SchemaKind } from '../../schema/index.js';
import { asArray, isObject } from '../credential-fields.js';
import type { Fetcher } from '../fetcher.js';
import type { Check } from '../report.js';
import type { CheckDefinition } from '../verification-context.js';

const SCHEMA_TYPES = new Set(['1EdTechJsonSchemaValidator2019', 'JsonSchema']);

/** Where 1EdTech publishes the CLR 2.0 ClrCredential schema (not available to bundle). */
const CLR_SCHEMA_URL = 'https://purl.imsglobal.org/spec/clr/v2p0/schema/json/clr_v2p0_clrcredential_schema.json';

interface DeclaredSchemaResult {
  id: string;
  type: string;
  status: 'passed' | 'failed' | 'indeterminate' | 'ignored';
  /** bundled: our copy of the official schema; substitute: obv3's own schema in its place. */
  source?: 'bundled' | 'fetched' | 'substitute';
  problems?: ValidationProblem[];
  /** Single values the schema wanted as arrays, read as arrays of one (JSON-LD). */
  singleValues?: string[];
  message?: string;
}

export const schemaCheck: CheckDefinition = {
  id: 'schema',
  async run({ credential, fetcher }) {
    // What is handed to verifyCredential is checked as a credential, even if it calls itself only
    // a Profile (the type check reports that).
    const inferred = inferSchemaKind(credential);
    const kind: SchemaKind = inferred === 'profile' ? 'credential' : inferred;
    const problems = validateForVerify(credential, kind);
    const shape = kind === 'clr' ? 'CLR 2.0' : 'OB 3.0';
    const asClr = () => (kind === 'clr' ? problems : validateForVerify(credential, 'clr'));
    const declared = await Promise.all(asArray(credential.credentialSchema).map((entry) => checkDeclaredSchema(credential, entry, fetcher, asClr)));
    const refreshService = credential.refreshService;
    const details = {
      problems,
      credentialSchema: declared,
      ...(refreshService !== undefined ? { refreshService: { value: refreshService, followed: false } } : {}),
    };
    const refreshNote = refreshService !== undefined ? ' Its refreshService was not followed (obv3 never follows it).' : '';

    const failedDeclared = declared.filter((d) => d.status === 'failed');
    if (problems.length > 0 || failedDeclared.length > 0) {
      const lines = [...problems, ...failedDeclared.flatMap((d) => (d.problems ?? []).map((p) => ({ ...p, message: `${p.message} (per ${d.id})` })))];
      return {
        status: 'failed',
        code: 'SCHEMA_INVALID',
        message: `The credential does not have the ${shape} shape: ${summarize(lines)}${refreshNote}`,
        details,
      } satisfies Omit<Check, 'id'>;
    }
    const unavailable = declared.filter((d) => d.status === 'indeterminate');
    if (unavailable.length > 0) {
      return {
        status: 'indeterminate',
        code: 'CREDENTIAL_SCHEMA_UNAVAILABLE',
        message: `The credential's shape is valid, but its credentialSchema ${unavailable.map((d) => d.id).join(', ')} could not be checked: ${unavailable[0]?.message ?? ''}${refreshNote}`,
        details,
      };
    }
    const singleValued = declared.filter((d) => (d.singleValues ?? []).length > 0);
    if (singleValued.length > 0) {
      const paths = singleValued.flatMap((d) => d.singleValues ?? []);
      return {
        status: 'warning',
        code: 'SCHEMA_SINGLE_VALUE',
        message: `The credential has the ${shape} shape, but its declared schema ${singleValued.map((d) => d.id).join(', ')} wants arrays where it has single values (${paths.slice(0, 5).join(', ')}${paths.length > 5 ? ', …' : ''}). JSON-LD, and so the signature, reads a single value as an array of one, so this does not block; consumers that read the JSON against that schema would reject it.${refreshNote}`,
        details,
      };
    }
    const checked = declared.filter((d) => d.status === 'passed').length;
    const substituteNote = declared.some((d) => d.source === 'substitute') ? ' (The official CLR 2.0 schema it names was checked as obv3\'s own CLR 2.0 schema; see details.)' : '';
    return {
      status: 'passed',
      message: `The credential has the ${shape} shape${checked > 0 ? ` and matches its ${checked} declared schema${checked > 1 ? 's' : ''}` : ''}.${substituteNote}${refreshNote}`,
      details,
    };
  },
};

/** `asClr`: the credential's problems as a CLR 2.0 (already known when it is one). */
async function checkDeclaredSchema(credential: object, entry: unknown, fetcher: Fetcher, asClr: () => ValidationProblem[]): Promise<DeclaredSchemaResult> {
  if (!isObject(entry) || typeof entry.id !== 'string' || typeof entry.type !== 'string') {
    return { id: String(isObject(entry) ? entry.id : entry), type: '', status: 'failed', problems: [{ path: '/credentialSchema', message: 'each credentialSchema needs an id and a type' }] };
  }
  const { id, type } = entry;
  if (!SCHEMA_TYPES.has(type)) return { id, type, status: 'ignored', message: `schema type ${type} is not one obv3 knows how to apply` };
  const official = validateAgainstOfficialSchemaAsJsonLd(credential, id);
  if (official) {
    const { problems, singleValues } = official;
    return { id, type, source: 'bundled', status: problems.length === 0 ? 'passed' : 'failed', problems, ...(singleValues.length > 0 ? { singleValues } : {}) };
  }
  if (id === CLR_SCHEMA_URL) {
    const problems = asClr();
    return {
      id,
      type,
      source: 'substitute',
      status: problems.length === 0 ? 'passed' : 'failed',
      problems,
      message: 'obv3 does not bundle 1EdTech\'s CLR 2.0 schema (none is published in a form it could carry); the credential was checked against obv3\'s own CLR 2.0 schema, schemas/clr-v2p0-verify.schema.json, instead.',
    };
  }
  if (!fetcher.available) {
    return { id, type, status: 'indeterminate', message: `${id} is not an official 1EdTech schema and fetching it needs options.fetch.` };
  }
  const fetched = await fetcher.fetchJson(id);
  if (!fetched.ok) return { id, type, status: 'indeterminate', message: fetched.message };
  if (!isObject(fetched.json)) return { id, type, status: 'indeterminate', message: `${id} is not a JSON Schema object.` };
  const found = validateAgainstSchema(credential, fetched.json);
  return { id, type, source: 'fetched', status: found.length === 0 ? 'passed' : 'failed', problems: found };
}

function summarize(problems: ValidationProblem[]): string {
  const shown = problems.slice(0, 5).map((p) => `${p.path || '/'}: ${p.message}`);
  return shown.join('; ') + (problems.length > shown.length ? `; and ${problems.length - shown.length} more (see details)` : '') + '.';
}
