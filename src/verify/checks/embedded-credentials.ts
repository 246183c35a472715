/**
 * `credentials`: every credential a ClrCredential embeds (`credentialSubject.verifiableCredential`)
 * is verified with this same pipeline, options and fetcher, and reported on its own
 * (report.embeddedCredentials). The CLR is verified only when all of them are: a bundle that
 * carries a revoked or forged credential is not a record to rely on as a whole. Work is bounded:
 * CLRs nest at most MAX_EMBEDDING_DEPTH deep, and options.maxEmbeddedCredentials caps the count.
 */
import { asArray, isClr, isObject } from '../credential-fields.js';
import { blockingCheck } from '../decide.js';
import { MAX_EMBEDDING_DEPTH } from '../limits.js';
import type { Check, EmbeddedCredentialReport, VerificationPolicy } from '../report.js';
import type { CheckDefinition } from '../verification-context.js';

export const embeddedCredentialsCheck: CheckDefinition = {
  id: 'credentials',
  async run(context) {
    const { credential, embeddingDepth, budget } = context;
    if (!isClr(credential)) return { status: 'skipped', message: 'Not a ClrCredential: it embeds no credentials.' };
    const subject = isObject(credential.credentialSubject) ? credential.credentialSubject : {};
    const items = asArray(subject.verifiableCredential);
    if (items.length === 0) {
      return { status: 'failed', code: 'CLR_CREDENTIALS_MISSING', message: 'The ClrCredential embeds no credentials (credentialSubject.verifiableCredential is empty): a CLR must carry at least one.' };
    }
    if (embeddingDepth >= MAX_EMBEDDING_DEPTH) {
      return {
        status: 'failed',
        code: 'EMBEDDING_TOO_DEEP',
        message: `This CLR is nested ${embeddingDepth} levels inside other CLRs; obv3 verifies credentials at most ${MAX_EMBEDDING_DEPTH} levels deep, so its ${items.length} credentials were not verified.`,
      };
    }
    if (items.length > budget.embeddedCredentials) {
      return {
        status: 'failed',
        code: 'EMBEDDED_CREDENTIALS_TOO_MANY',
        message: `The CLR embeds ${items.length} credentials, more than the ${budget.embeddedCredentials} this verification may still examine (options.maxEmbeddedCredentials); none of them was verified.`,
        details: { count: items.length, remaining: budget.embeddedCredentials },
      };
    }
    budget.embeddedCredentials -= items.length;
    const reports: EmbeddedCredentialReport[] = [];
    // One at a time: they share the fetch budget, and the report lists fetches in a stable order.
    for (const [index, item] of items.entries()) {
      reports.push(await context.verifyEmbeddedCredential(item, `/credentialSubject/verifiableCredential/${index}`));
    }
    context.embedded = reports;
    return summarize(reports, subject, context.options.policy);
  },
};

function summarize(reports: readonly EmbeddedCredentialReport[], subject: Record<string, unknown>, policy: VerificationPolicy): Omit<Check, 'id'> {
  const rows = reports.map((r) => ({ path: r.path, id: r.credential?.id, name: r.credential?.name, verified: r.verified, ...blocking(r, policy) }));
  const details = { credentials: rows };
  const failing = reports.filter((r) => !r.verified);
  if (failing.length > 0) {
    const anyFailed = failing.some((r) => r.checks.some((c) => c.status === 'failed'));
    const listed = rows.filter((r) => !r.verified).slice(0, 5).map((r) => `${r.path} (${describe(r.name, r.id)}): ${r.code ?? r.check}`);
    return {
      status: anyFailed ? 'failed' : 'indeterminate',
      code: 'EMBEDDED_CREDENTIAL_NOT_VERIFIED',
      message: `${failing.length} of the ${reports.length} embedded credentials ${failing.length > 1 ? 'are' : 'is'} not verified: ${listed.join('; ')}${failing.length > 5 ? '; …' : ''} (see embeddedCredentials).`,
      details,
    };
  }
  const learner = typeof subject.id === 'string' ? subject.id : undefined;
  const others = learner === undefined ? [] : reports.filter((r) => otherRecipient(r.credential, learner));
  if (others.length > 0) {
    return {
      status: 'warning',
      code: 'EMBEDDED_RECIPIENT_MISMATCH',
      message: `All ${reports.length} embedded credentials are verified, but ${others.length} name${others.length > 1 ? '' : 's'} a recipient other than the CLR's learner ${learner}: ${others.slice(0, 5).map((r) => r.path).join(', ')}.`,
      details,
    };
  }
  return { status: 'passed', message: `All ${reports.length} embedded credential${reports.length > 1 ? 's are' : ' is'} verified.`, details };
}

/** The first check that kept an embedded credential from being verified. */
function blocking(report: EmbeddedCredentialReport, policy: VerificationPolicy): { check?: string; code?: string; message?: string } {
  const check = blockingCheck(report.checks, policy);
  return check ? { check: check.id, ...(check.code ? { code: check.code } : {}), message: check.message } : {};
}

/** Only comparable when both name the recipient by id: hashed identifiers each have their own salt. */
function otherRecipient(credential: Record<string, unknown> | undefined, learner: string): boolean {
  const inner = credential && isObject(credential.credentialSubject) ? credential.credentialSubject : undefined;
  return typeof inner?.id === 'string' && inner.id !== learner;
}

function describe(name: unknown, id: unknown): string {
  return typeof name === 'string' ? `"${name}"` : typeof id === 'string' ? id : 'unnamed';
}
