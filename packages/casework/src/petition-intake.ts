/** Registration (登记): builds the first state of a case from what the intake desk enters. */
import { shanghaiDate } from './civil-date.ts';
import type { CodedError } from './message.ts';
import { CASE_CHANNELS, isCode } from './case-vocabulary.ts';
import type { CaseState, Channel } from './petition-types.ts';
import { unitLevelOf } from './unit-code.ts';

export interface IntakeInput {
  id: string;
  /** ISO instant of receipt. */
  receivedAt: string;
  channel: Channel;
  /** 12-digit code of the unit that registers, and so first handles, the case. */
  unitCode: string;
  peopleCount: number;
  repeat?: boolean;
  skipLevel?: boolean;
}

export type IntakeErrorCode = 'id_required' | 'invalid_time' | 'invalid_channel' | 'invalid_unit' | 'invalid_people_count';

const MESSAGES: Readonly<Record<IntakeErrorCode, { zh: string; en: string }>> = {
  id_required: { zh: '缺少信访件编号', en: 'The case id is missing' },
  invalid_time: { zh: '收件时间无效', en: 'The receipt time is invalid' },
  invalid_channel: { zh: '信访渠道无效', en: 'The intake channel is invalid' },
  invalid_unit: { zh: '登记单位代码无效', en: 'The registering unit code is invalid' },
  invalid_people_count: { zh: '人数须为正整数', en: 'The number of people must be a positive integer' },
};

function fail(code: IntakeErrorCode): { ok: false; error: CodedError<IntakeErrorCode> } {
  return { ok: false, error: { code, ...MESSAGES[code] } };
}

export function registerCase(
  input: IntakeInput,
): { ok: true; state: CaseState } | { ok: false; error: CodedError<IntakeErrorCode> } {
  if (input.id.trim() === '') return fail('id_required');
  const at = new Date(input.receivedAt);
  if (Number.isNaN(at.getTime())) return fail('invalid_time');
  if (!isCode(CASE_CHANNELS, input.channel)) return fail('invalid_channel');
  const level = unitLevelOf(input.unitCode);
  if (level === null) return fail('invalid_unit');
  if (!Number.isInteger(input.peopleCount) || input.peopleCount < 1) return fail('invalid_people_count');
  return {
    ok: true,
    state: {
      id: input.id,
      status: 'registered',
      channel: input.channel,
      receivedAt: at.toISOString(),
      receivedOn: shanghaiDate(at),
      unitCode: input.unitCode,
      level,
      peopleCount: input.peopleCount,
      repeat: input.repeat ?? false,
      skipLevel: input.skipLevel ?? false,
      refusalReason: null,
      acceptedOn: null,
      assignment: null,
      startedOn: null,
      reply: null,
      revisit: null,
      archivedOn: null,
      escalations: [],
    },
  };
}
