import type { ReportNarrative } from '@tally/db/reports';
import { UserFacingError } from '../errors.ts';

/** Each narrative part is plain text of at most this many characters. */
export const NARRATIVE_MAX = 5_000;
export const EMPTY_NARRATIVE: ReportNarrative = { work: '', problems: '', plans: '' };

export function cleanNarrative(input: Partial<ReportNarrative>): ReportNarrative {
  const narrative = {
    work: (input.work ?? '').trim(),
    problems: (input.problems ?? '').trim(),
    plans: (input.plans ?? '').trim(),
  };
  for (const [field, text] of Object.entries(narrative)) {
    if (text.length > NARRATIVE_MAX)
      throw new UserFacingError('BAD_REQUEST', 'reports.error.narrativeTooLong', {
        field: `reports.narrative.${field}`,
        max: NARRATIVE_MAX,
      });
  }
  return narrative;
}
