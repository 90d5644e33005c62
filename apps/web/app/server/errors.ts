import { TRPCError } from '@trpc/server';
import type { MessageKey } from '../i18n/index.ts';

/**
 * A refusal the user should read: carries a message key and its parameters,
 * translated where it is shown (the caller's language is a UI concern).
 */
export class UserFacingError extends TRPCError {
  readonly messageKey: MessageKey;
  readonly params: Record<string, string | number>;
  constructor(code: TRPCError['code'], messageKey: MessageKey, params: Record<string, string | number> = {}) {
    super({ code, message: messageKey });
    this.messageKey = messageKey;
    this.params = params;
  }
}

export const forbidden = () => new UserFacingError('FORBIDDEN', 'error.forbidden');
export const notFound = () => new UserFacingError('NOT_FOUND', 'error.notFound');
