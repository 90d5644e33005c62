/** The refusal codes transition() can return, with their bilingual messages. */
import type { CodedError } from './message.ts';

export type TransitionErrorCode =
  | 'invalid_time'
  | 'role_not_permitted'
  | 'outside_jurisdiction'
  | 'not_allowed_in_state'
  | 'invalid_value'
  | 'reason_required'
  | 'invalid_unit'
  | 'person_required'
  | 'content_required'
  | 'revisit_required'
  | 'not_upward'
  | 'not_superior';

const MESSAGES: Readonly<Record<TransitionErrorCode, { zh: string; en: string }>> = {
  invalid_time: { zh: '操作时间无效或早于收件时间', en: 'The action time is invalid or earlier than receipt' },
  role_not_permitted: { zh: '当前角色无权办理信访件', en: 'This role may not handle petition cases' },
  outside_jurisdiction: { zh: '该信访件不在本单位管辖范围内', en: 'The case is outside your unit' },
  not_allowed_in_state: { zh: '当前状态下不能执行此操作', en: 'This action is not allowed in the current state' },
  invalid_value: { zh: '填写的选项无效', en: 'An option given is not valid' },
  reason_required: { zh: '请填写理由', en: 'A reason is required' },
  invalid_unit: { zh: '承办单位无效或不在本单位辖区内', en: 'The unit is invalid or not under the handling unit' },
  person_required: { zh: '请填写责任人', en: 'A responsible person is required' },
  content_required: { zh: '请填写答复内容', en: 'The reply content is required' },
  revisit_required: {
    zh: '集体访、重复访和上级交办件须先回访才能归档',
    en: 'Collective, repeat and assigned-from-above cases must be revisited before archiving',
  },
  not_upward: { zh: '只能向上级提级办理', en: 'A case can only be escalated to a higher level' },
  not_superior: { zh: '只能提交本单位的上级单位', en: 'A case can only be escalated to its own superior unit' },
};

export function transitionError(code: TransitionErrorCode): CodedError<TransitionErrorCode> {
  return { code, ...MESSAGES[code] };
}
