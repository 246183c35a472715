/** A stack's progress as plain text: what counts, what is missing, and why anything was left out. */
import type { StackProgress } from './progress.js';

export function formatProgress(progress: StackProgress): string {
  const { earned, minimum } = progress.credits;
  const lines = [
    `${progress.complete ? 'COMPLETE' : 'NOT YET COMPLETE'}: ${progress.stack.name} — ${progress.satisfied.length} of ${progress.components.length} components, ${earned}${minimum !== undefined ? ` of ${minimum}` : ''} credits`,
  ];
  for (const component of progress.components) {
    const group = component.requirement === 'required' ? 'required' : `elective group ${component.requirement.electiveGroup}`;
    const mark = component.satisfiedBy !== undefined ? `ok   #${component.satisfiedBy}` : 'missing ';
    lines.push(`  [${mark}] ${component.name ?? component.id} (${group})`);
  }
  progress.electiveGroups.forEach((g, i) => {
    lines.push(`  elective group ${i}${g.name ? ` "${g.name}"` : ''}: ${g.satisfied.length} of at least ${g.minimumCount}${g.stillNeeded > 0 ? `, ${g.stillNeeded} more needed` : ''}`);
  });
  for (const left of progress.leftOut) {
    lines.push(`  left out #${left.index} ${left.name ?? left.credentialId ?? ''}: ${left.code} — ${left.message}`);
  }
  return lines.join('\n');
}
