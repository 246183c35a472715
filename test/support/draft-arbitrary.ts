/**
 * Random teacher micro-credential drafts around the "Wait Time" shape: every optional part may be
 * there or not, text may carry quotes, newlines and non-ASCII, numbers may be fractional.
 */
import fc from 'fast-check';
import type { CredentialDraft } from '../../src/build/index.js';
import { waitTimeDraft, WAIT_TIME_RUBRIC } from './drafts.js';

const words = fc.oneof(
  fc.constantFrom('Wait Time', 'Questioning: "why?" and \\"how?\\"', 'Lectura guiada — nivel 2', '教学反思', 'Line one\nLine two', '  padded  ', 'Évaluation 🎓'),
  fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0),
);
const credits = fc.oneof(fc.integer({ min: 0, max: 120 }), fc.constantFrom(0.5, 1.25, 7.5, 15));
const level = fc.constantFrom('developing', 'proficient', 'exemplary');

export function draftArbitrary(issuerId: string): fc.Arbitrary<CredentialDraft> {
  return fc
    .record({
      name: words,
      description: words,
      narrative: words,
      creditsAvailable: credits,
      creditsEarned: fc.option(credits, { nil: undefined }),
      level,
      evidence: fc.array(fc.record({ name: words, narrative: fc.option(words, { nil: undefined }), withId: fc.boolean() }), { maxLength: 3 }),
      email: fc.emailAddress(),
      alignments: fc.array(fc.record({ targetName: words, targetType: fc.constantFrom('ext:Standard', 'CFItem', 'ext:InTASCStandard') }), { maxLength: 2 }),
      term: fc.option(words, { nil: undefined }),
      licenseNumber: fc.option(fc.stringMatching(/^[A-Z]-\d{3,7}$/), { nil: undefined }),
    })
    .map((r) => {
      const base = waitTimeDraft(issuerId);
      return {
        ...base,
        achievement: {
          ...base.achievement,
          name: r.name,
          description: r.description,
          criteria: { narrative: r.narrative },
          creditsAvailable: r.creditsAvailable,
          alignment: r.alignments.map((a, i) => ({ ...a, targetUrl: `https://standards.example.org/${i}` })),
        },
        recipient: { email: r.email },
        evidence: r.evidence.map((e, i) => ({
          name: e.name,
          ...(e.narrative !== undefined ? { narrative: e.narrative } : {}),
          ...(e.withId ? { id: `https://evidence.example.org/${i}` } : {}),
        })),
        results: [{ resultDescription: WAIT_TIME_RUBRIC, achievedLevel: `${WAIT_TIME_RUBRIC}#${r.level}` }],
        ...(r.creditsEarned !== undefined ? { creditsEarned: r.creditsEarned } : { creditsEarned: undefined }),
        ...(r.term !== undefined ? { term: r.term } : {}),
        ...(r.licenseNumber !== undefined ? { licenseNumber: r.licenseNumber } : {}),
      } as CredentialDraft;
    });
}
