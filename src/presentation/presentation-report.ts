/**
 * The report verifyPresentation returns: the presentation's own checks, in a fixed order, and the
 * full verification report of every credential it carries (the same pipeline verifyCredential
 * runs). Its JSON shape is `schemas/presentation-report-v1.schema.json`.
 */
import type { CheckCode, CheckStatus, ReportProvenance, VerificationReport } from '../verify/report.js';

/** The presentation's checks, in the order they always appear. */
export const PRESENTATION_CHECK_IDS = ['parse', 'context', 'type', 'proof', 'challenge', 'domain', 'credentials', 'holder'] as const;

export type PresentationCheckId = (typeof PRESENTATION_CHECK_IDS)[number];

export interface PresentationCheck {
  id: PresentationCheckId;
  status: CheckStatus;
  code?: CheckCode;
  message: string;
  details?: unknown;
}

export interface PresentationReport {
  /** True when every presentation check passed (or warned) and every credential is verified. */
  verified: boolean;
  format: 'json';
  /** The parsed presentation, when the input parsed. */
  presentation?: Record<string, unknown>;
  /** The holder the presentation's proof establishes (the signing key's controller). */
  provenHolder?: string;
  checks: PresentationCheck[];
  /** One report per entry of `verifiableCredential`, in order, each as verifyCredential returns it. */
  credentials: VerificationReport[];
  /** What the presentation's own checks relied on (each credential report has its own). */
  provenance: ReportProvenance;
}
