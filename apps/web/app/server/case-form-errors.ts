import { TRPCError } from '@trpc/server';
import { isMessageKey, type Translate } from '../i18n/index.ts';
import { UserFacingError } from './errors.ts';

/**
 * A refused case mutation as one sentence in the user's language, naming the form field
 * when the refusal is about one (zod issues carry the input path; our field labels are
 * `cases.field.<path>`). Unexpected errors are rethrown to the error boundary.
 */
export function caseErrorMessage(error: unknown, t: Translate): { message: string; field: string | null } {
  if (error instanceof UserFacingError) return { message: t(error.messageKey, error.params), field: null };
  if (error instanceof TRPCError) {
    if (error.code === 'BAD_REQUEST') {
      const path = (error.cause as { issues?: Array<{ path: Array<string | number> }> } | undefined)?.issues?.[0]?.path.join('.') ?? '';
      const key = `cases.field.${path}`;
      const label = isMessageKey(key) ? t(key) : path;
      return { message: t('error.validation', { field: label }), field: path || null };
    }
    if (error.code === 'FORBIDDEN') return { message: t('error.forbidden'), field: null };
    if (error.code === 'NOT_FOUND') return { message: t('error.notFound'), field: null };
  }
  throw error;
}
