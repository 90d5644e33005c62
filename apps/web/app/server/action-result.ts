import { TRPCError } from '@trpc/server';
import { isMessageKey, type MessageKey } from '../i18n/index.ts';
import { UserFacingError } from './errors.ts';

export type ActionResult =
  | { ok: true; messageKey: MessageKey; params?: Record<string, string | number> }
  | { ok: false; messageKey: MessageKey; params?: Record<string, string | number> };

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
    if (error instanceof UserFacingError) return { ok: false, messageKey: error.messageKey, params: error.params };
    if (error instanceof TRPCError) {
      if (error.code === 'BAD_REQUEST') {
        const field = (error.cause as { issues?: Array<{ path: Array<string | number> }> } | undefined)?.issues?.[0]?.path.join('.') ?? '';
        return { ok: false, messageKey: 'error.validation', params: { field } };
      }
      if (error.code === 'FORBIDDEN') return { ok: false, messageKey: 'error.forbidden' };
      if (error.code === 'NOT_FOUND') return { ok: false, messageKey: 'error.notFound' };
      if (isMessageKey(error.message)) return { ok: false, messageKey: error.message };
    }
    throw error;
  }
}
