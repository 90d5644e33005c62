import { TRPCError } from '@trpc/server';
import { isMessageKey, type MessageKey } from '../i18n/index.ts';
import { FieldRefusal, UserFacingError, type FieldProblem } from './errors.ts';
import { firstIssue, ruleOf } from './input-refusal.ts';

export type ActionResult =
  | { ok: true; messageKey: MessageKey; params?: Record<string, string | number> }
  | {
      ok: false;
      messageKey: MessageKey;
      /** `field` is the input's path; ActionNotice shows it by its label in the reader's language. */
      params?: Record<string, string | number>;
      /** Refusals tied to one field each, for the form to show under the field. */
      problems?: FieldProblem[];
    };

/**
 * Run a mutation from a form action and turn a refusal into a message the
 * page shows; anything unexpected is rethrown (and lands in the error boundary).
 */
export async function runAction(
  work: () => Promise<unknown>,
  success: { messageKey: MessageKey; params?: Record<string, string | number> },
): Promise<ActionResult> {
  try {
    await work();
    return { ok: true, ...success };
  } catch (error) {
    if (error instanceof FieldRefusal)
      return { ok: false, messageKey: error.messageKey, params: error.params, problems: [...error.problems] };
    if (error instanceof UserFacingError) return { ok: false, messageKey: error.messageKey, params: error.params };
    const issue = firstIssue(error);
    if (issue) {
      // The field by its label and the rule it broke ('截止日期不能早于起始日期'), never a bare path.
      const rule = ruleOf(issue);
      return { ok: false, messageKey: rule.key, params: { ...rule.params, field: issue.path.map(String).join('.') } };
    }
    if (error instanceof TRPCError) {
      if (error.code === 'FORBIDDEN') return { ok: false, messageKey: 'error.forbidden' };
      if (error.code === 'NOT_FOUND') return { ok: false, messageKey: 'error.notFound' };
      if (isMessageKey(error.message)) return { ok: false, messageKey: error.message };
    }
    throw error;
  }
}
