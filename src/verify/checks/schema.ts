/**
 * `schema`: the credential against our tolerant verify schema, then every `credentialSchema` it
 * declares: the official 1EdTech schemas from our bundled copies, any other URL only through
 * `options.fetch`. A `refreshService` is reported, never followed.
 */
import type { ValidationProblem } from '../../errors.js';
import { validateAgainstOfficialSchema, validateAgainstSchema, validateForVerify } from '../../schema/index.js';
import { asArray, isObject, types } from '../credential-fields.js';
import type { Fetcher } from '../fetcher.js';
import type { Check } from '../report.js';
import type { CheckDefinition } from '../verification-context.js';

const SCHEMA_TYPES = new Set(['1EdTechJsonSchemaValidator2019', 'JsonSchema']);

interface DeclaredSchemaResult {
  id: string;
  type: string;
  status: 'passed' | 'failed' | 'indeterminate' | 'ignored';
  source?: 'bundled' | 'fetched';
  problems?: ValidationProblem[];
  message?: string;
}

export const schemaCheck: CheckDefinition = {
  id: 'schema',
  async run({ credential, fetcher }) {
    const kind = types(credential).includes('EndorsementCredential') ? 'endorsement' : 'credential';
    const problems = validateForVerify(credential, kind);
    const declared = await Promise.all(asArray(credential.credentialSchema).map((entry) => checkDeclaredSchema(credential, entry, fetcher)));
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
        message: `The credential does not have the OB 3.0 shape: ${summarize(lines)}${refreshNote}`,
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
    const checked = declared.filter((d) => d.status === 'passed').length;
    return {
      status: 'passed',
      message: `The credential has the OB 3.0 shape${checked > 0 ? ` and matches its ${checked} declared schema${checked > 1 ? 's' : ''}` : ''}.${refreshNote}`,
      details,
    };
  },
};

async function checkDeclaredSchema(credential: object, entry: unknown, fetcher: Fetcher): Promise<DeclaredSchemaResult> {
  if (!isObject(entry) || typeof entry.id !== 'string' || typeof entry.type !== 'string') {
    return { id: String(isObject(entry) ? entry.id : entry), type: '', status: 'failed', problems: [{ path: '/credentialSchema', message: 'each credentialSchema needs an id and a type' }] };
  }
  const { id, type } = entry;
  if (!SCHEMA_TYPES.has(type)) return { id, type, status: 'ignored', message: `schema type ${type} is not one obv3 knows how to apply` };
  const official = validateAgainstOfficialSchema(credential, id);
  if (official) return { id, type, source: 'bundled', status: official.length === 0 ? 'passed' : 'failed', problems: official };
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
