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
  /** Visits by those people (人次); a letter or a single visit is as many as there are people. */
  personTimes?: number;
  repeat?: boolean;
  skipLevel?: boolean;
}

export type IntakeErrorCode =
  | 'id_required'
  | 'invalid_time'
  | 'received_in_future'
  | 'invalid_channel'
  | 'invalid_unit'
  | 'invalid_people_count'
  | 'person_times_below_people';

/** The intake field each refusal is about, so a form can mark it. */
export const INTAKE_ERROR_FIELDS: Readonly<Record<IntakeErrorCode, string | null>> = {
  id_required: null,
  invalid_time: 'receivedAt',
  received_in_future: 'receivedAt',
  invalid_channel: 'channel',
  invalid_unit: null,
  invalid_people_count: 'peopleCount',
  person_times_below_people: 'personTimes',
};

const MESSAGES: Readonly<Record<IntakeErrorCode, { zh: string; en: string }>> = {
  id_required: { zh: '缺少信访件编号', en: 'The case id is missing' },
  invalid_time: { zh: '收件时间无效', en: 'The receipt time is invalid' },
  // A case received "tomorrow" would take a number (and, at New Year, next year's first number).
  received_in_future: { zh: '收件时间不能晚于当前时间', en: 'Received at cannot be later than now' },
  invalid_channel: { zh: '信访渠道无效', en: 'The intake channel is invalid' },
  invalid_unit: { zh: '登记单位代码无效', en: 'The registering unit code is invalid' },
  invalid_people_count: { zh: '人数至少为 1', en: 'People must be at least 1' },
  person_times_below_people: { zh: '人次不能少于人数', en: 'Person-times cannot be fewer than people' },
};

function fail(code: IntakeErrorCode): { ok: false; error: CodedError<IntakeErrorCode> } {
  return { ok: false, error: { code, ...MESSAGES[code] } };
}

/** The first state of a case, or why intake refuses it; `now` is the instant of registration. */
export function registerCase(
  input: IntakeInput,
  now: Date,
): { ok: true; state: CaseState } | { ok: false; error: CodedError<IntakeErrorCode> } {
  if (input.id.trim() === '') return fail('id_required');
  const at = new Date(input.receivedAt);
  if (Number.isNaN(at.getTime())) return fail('invalid_time');
  if (at.getTime() > now.getTime()) return fail('received_in_future');
  if (!isCode(CASE_CHANNELS, input.channel)) return fail('invalid_channel');
  const level = unitLevelOf(input.unitCode);
  if (level === null) return fail('invalid_unit');
  if (!Number.isInteger(input.peopleCount) || input.peopleCount < 1) return fail('invalid_people_count');
  if (input.personTimes !== undefined && input.personTimes < input.peopleCount)
    return fail('person_times_below_people');
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
