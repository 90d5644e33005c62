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

/** One refused field of a form, in both languages (the page shows the reader's). */
export interface FieldProblem {
  field: string;
  zh: string;
  en: string;
}

/**
 * A form refused field by field: the whole refusal reads as one message (every problem,
 * joined) and each problem stays tied to its field, so the form can mark the field itself.
 */
export class FieldRefusal extends UserFacingError {
  readonly problems: readonly FieldProblem[];
  constructor(problems: readonly FieldProblem[]) {
    super('BAD_REQUEST', 'error.domain', {
      zh: problems.map((p) => p.zh).join('；'),
      en: problems.map((p) => p.en).join('; '),
    });
    this.problems = problems;
  }
}
