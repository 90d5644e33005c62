import { TRPCError } from '@trpc/server';
import type { Translate } from '../i18n/index.ts';
import { FieldRefusal, UserFacingError } from './errors.ts';
import { firstIssue, issueMessage } from './input-refusal.ts';

/**
 * A refused case mutation as one sentence in the user's language, naming the form field
 * by its label and saying what is allowed (zod issues carry the input path; our field labels
 * are `cases.field.<path>`). Unexpected errors are rethrown to the error boundary.
 */
export function caseErrorMessage(error: unknown, t: Translate): { message: string; field: string | null } {
  if (error instanceof FieldRefusal) {
    // 'error.domain' picks the reader's language out of the two the refusal carries.
    const problem = error.problems[0]!;
    return { message: t('error.domain', { zh: problem.zh, en: problem.en }), field: problem.field };
  }
  if (error instanceof UserFacingError) return { message: t(error.messageKey, error.params), field: null };
  const issue = firstIssue(error);
  if (issue) {
    const { message, field } = issueMessage(issue, t);
    return { message, field: field || null };
  }
  if (error instanceof TRPCError) {
    if (error.code === 'FORBIDDEN') return { message: t('error.forbidden'), field: null };
    if (error.code === 'NOT_FOUND') return { message: t('error.notFound'), field: null };
  }
  throw error;
}
