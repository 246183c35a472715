/**
 * verifyStackAward: was this stack credential earned from real components? The stack credential
 * is verified like any other; then every evidence entry with a `digestMultibase` must match one of
 * the component credentials supplied (same JCS bytes, see digest.ts), and those matched
 * credentials — verified, for this recipient — must meet the rule the credential's own
 * achievement carries (`stackRule`). Never throws on bad credentials; only on misuse.
 */
import { recipientMatches } from '../build/recipient-match.js';
import { Obv3Error } from '../errors.js';
import type { StackAchievement } from '../model/index.js';
import { validateStackRule } from '../schema/index.js';
import { normalizeVerifyOptions } from '../verify/options.js';
import { parseInput, type VerifyInput } from '../verify/parse-input.js';
import type { VerificationReport } from '../verify/report.js';
import { verifyCredential } from '../verify/verify-credential.js';
import { describeShortfall } from './award.js';
import { digestLookup } from './digest.js';
import { DEFAULT_MAX_CREDENTIALS, stackProgress, type StackProgress, type StackProgressOptions } from './progress.js';

export type StackAwardProblemCode =
  | 'STACK_CREDENTIAL_NOT_VERIFIED'
  | 'STACK_RULE_INVALID'
  | 'RECIPIENT_MISMATCH'
  | 'EVIDENCE_NOT_SUPPLIED'
  | 'STACK_INCOMPLETE';

export interface EvidenceMatch {
  /** Position in the stack credential's `evidence`. */
  index: number;
  id?: string;
  digestMultibase: string;
  /** Position in the component list of the credential whose digest matches. */
  component?: number;
}

export interface StackAwardVerification {
  verified: boolean;
  /** The stack credential's own report. */
  report: VerificationReport;
  evidence: EvidenceMatch[];
  /** Progress over the components the evidence names (absent when the rule could not be read). */
  progress?: StackProgress;
  problems: { code: StackAwardProblemCode; message: string }[];
}

export async function verifyStackAward(stackCredential: VerifyInput, components: readonly VerifyInput[], options: StackProgressOptions): Promise<StackAwardVerification> {
  if (!Array.isArray(components)) throw new Obv3Error('INVALID_ARGUMENT', 'components must be an array of the component credentials.');
  if (typeof options?.recipient !== 'string' || options.recipient === '') {
    throw new Obv3Error('INVALID_ARGUMENT', 'options.recipient must be the teacher\'s DID or URL, or the e-mail address her credentials name.');
  }
  const { recipient, identityType, maxCredentials = DEFAULT_MAX_CREDENTIALS, ...verifyOptions } = options;
  if (components.length > maxCredentials) {
    throw new Obv3Error('INVALID_ARGUMENT', `verifyStackAward got ${components.length} component credentials; at most ${maxCredentials} are examined (options.maxCredentials).`);
  }
  const normalized = normalizeVerifyOptions(verifyOptions);
  const report = await verifyCredential(stackCredential, verifyOptions);
  const problems: StackAwardVerification['problems'] = [];
  if (!report.verified) problems.push({ code: 'STACK_CREDENTIAL_NOT_VERIFIED', message: 'The stack credential itself is not verified (see report).' });
  const credential = report.credential ?? {};
  if (report.credential && !recipientMatches(credential, recipient, identityType)) {
    problems.push({ code: 'RECIPIENT_MISMATCH', message: 'The stack credential names another recipient.' });
  }

  const achievement = (credential.credentialSubject as { achievement?: unknown } | undefined)?.achievement as StackAchievement | undefined;
  const ruleProblems = validateStackRule(achievement?.stackRule);
  if (!achievement || ruleProblems.length > 0) {
    problems.push({ code: 'STACK_RULE_INVALID', message: `The credential's achievement carries no valid stackRule: ${ruleProblems.map((p) => `${p.path}: ${p.message}`).join('; ')}` });
    return { verified: false, report, evidence: [], problems };
  }

  // Each component is hashed once; each evidence digest is then one lookup (see digest.ts).
  const componentOf = digestLookup(components.map((input) => parseInput(input, normalized).credential));
  const evidence = evidenceEntries(credential).map((entry): EvidenceMatch => {
    const component = componentOf(entry.digestMultibase);
    return { ...entry, ...(component !== undefined ? { component } : {}) };
  });
  for (const entry of evidence.filter((e) => e.component === undefined)) {
    problems.push({ code: 'EVIDENCE_NOT_SUPPLIED', message: `No component credential supplied matches evidence #${entry.index}${entry.id ? ` (${entry.id})` : ''}: its digestMultibase names another credential, or it was changed.` });
  }
  // Each supplied component is verified once, however many evidence entries name it: repeated
  // entries must not multiply the work (or push the list past maxCredentials).
  const matched = [...new Set(evidence.flatMap((e) => (e.component === undefined ? [] : [e.component])))].map((i) => components[i]!);
  const progress = await stackProgress({ achievement }, matched, options);
  if (!progress.complete) {
    problems.push({ code: 'STACK_INCOMPLETE', message: `The components the evidence names do not meet the rule: ${describeShortfall(progress)}.` });
  }
  return { verified: problems.length === 0, report, evidence, progress, problems };
}

function evidenceEntries(credential: Record<string, unknown>): Omit<EvidenceMatch, 'component'>[] {
  const list = Array.isArray(credential.evidence) ? credential.evidence : credential.evidence === undefined ? [] : [credential.evidence];
  return list.flatMap((entry, index) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { id, digestMultibase } = entry as { id?: unknown; digestMultibase?: unknown };
    if (typeof digestMultibase !== 'string') return [];
    return [{ index, ...(typeof id === 'string' ? { id } : {}), digestMultibase }];
  });
}
