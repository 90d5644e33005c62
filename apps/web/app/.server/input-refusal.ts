import { TRPCError } from '@trpc/server';
import { isMessageKey, type MessageKey, type Translate } from '../i18n/index.ts';
import { fieldLabel } from '../lib/field-label.ts';
import { UserFacingError } from './errors.ts';

/** What a zod issue carries that a message needs (zod 4's shapes, read loosely). */
interface InputIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  origin?: string;
  format?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
}

/** The first issue of a refused procedure input, or null when the refusal is not about input. */
export type { InputIssue };

export function firstIssue(error: unknown): InputIssue | null {
  if (!(error instanceof TRPCError) || error.code !== 'BAD_REQUEST' || error instanceof UserFacingError) return null;
  const issues = (error.cause as { issues?: InputIssue[] } | undefined)?.issues;
  return issues?.[0] ?? null;
}

/** The rule an issue broke, as a message key and its numbers; the label is added by the caller. */
export function ruleOf(issue: InputIssue): { key: MessageKey; params?: Record<string, string | number> } {
  // A refinement names its own rule by message key (the period checks, a date that exists).
  if (isMessageKey(issue.message) && issue.message.startsWith('error.input.')) return { key: issue.message };
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1 ? { key: 'error.input.required' } : { key: 'error.input.format' };
      return { key: 'error.input.atLeast', params: { min: Number(issue.minimum) } };
    case 'too_big':
      if (issue.origin === 'string') return { key: 'error.input.tooLong', params: { max: Number(issue.maximum) } };
      return { key: 'error.input.atMost', params: { max: Number(issue.maximum) } };
    case 'invalid_format':
      return { key: issue.format === 'datetime' ? 'error.input.dateTime' : 'error.input.format' };
    case 'invalid_value':
      return { key: 'error.input.choice' };
    case 'invalid_type':
      return {
        key:
          issue.origin === 'number' || /number|int/.test(issue.message)
            ? 'error.input.wholeNumber'
            : 'error.input.format',
      };
    default:
      return { key: 'error.input.format' };
  }
}

/** One sentence for an input issue: the field by its label, and what is allowed. */
export function issueMessage(
  issue: InputIssue,
  t: Translate,
  label: (path: string) => string = (path) => fieldLabel(path, t),
): { message: string; field: string } {
  const field = issue.path.map(String).join('.');
  const rule = ruleOf(issue);
  return { message: t(rule.key, { ...rule.params, field: field ? label(field) : t('error.input.thisValue') }), field };
}
