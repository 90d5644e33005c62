/**
 * Intake (登记) of one petition case inside the caller's transaction: the one path shared
 * by the intake form (`cases.register`) and the petition-ledger import, so both validate
 * the same way, number the same way and leave the same transition row.
 *
 * The case number comes from case_counters in the same transaction: a rollback (a bad
 * row at commit, a crash) gives every number back, so the county's sequence has no gaps.
 */
import { sql } from 'drizzle-orm';
import {
  CASE_NUMBER_YEARS,
  INTAKE_ERROR_FIELDS,
  formatCaseNumber,
  normalizePhone,
  registerCase,
  shanghaiDate,
  validateIdNumber,
  type WorkCalendar,
} from '@tally/casework';
import { z } from 'zod';
import { onlyRow, schema, type Transaction } from '@tally/db';
import type { CaseCategory, Channel } from '@tally/casework';
import { FieldRefusal, UserFacingError } from '../errors.ts';
import type { AuthedContext } from '../trpc.ts';
import { projectionOf } from './case-records.ts';
import { planForeignKeyChecksNow } from './foreign-key-plans.ts';
import { countyCalendar } from './work-calendar.ts';

export interface IntakeRequest {
  /** ISO instant of receipt. */
  receivedAt: string;
  channel: Channel;
  peopleCount: number;
  personTimes: number;
  skipLevel: boolean;
  repeatPetition: boolean;
  category: CaseCategory;
  summary: string;
  petitionerName: string;
  petitionerIdNumber: string | null;
  petitionerPhone: string | null;
  petitionerAddress: string | null;
  /** An earlier case about the same matter, already looked up in the actor's scope. */
  duplicateOf: string | null;
  /** Set by the import: the ledger row's fingerprint and its batch. */
  importFingerprint?: string | null;
  importId?: string | null;
}

/** The words for a receipt whose year no case number can carry; desk intake and the import say the same. */
export function unnumberableYear(receivedOn: string): { zh: string; en: string } {
  return {
    zh: `登记日期 ${receivedOn} 的年份不在 ${CASE_NUMBER_YEARS.min}–${CASE_NUMBER_YEARS.max} 年之间，无法编号，请核对`,
    en: `The date received ${receivedOn} is not between ${CASE_NUMBER_YEARS.min} and ${CASE_NUMBER_YEARS.max}; the case cannot be numbered; check it`,
  };
}

export const domainError = (error: { zh: string; en: string }) =>
  new UserFacingError('BAD_REQUEST', 'error.domain', { zh: error.zh, en: error.en });

/** A refusal about one intake field: the form marks that field, an import names its row. */
const fieldError = (field: string, error: { zh: string; en: string }) =>
  new FieldRefusal([{ field, zh: error.zh, en: error.en }]);

const PHONE_REFUSED = {
  zh: '联系电话应为 11 位手机号或带区号的固定电话',
  en: 'Phone must be an 11-digit mobile or a landline with area code',
};

/** Next number for the county and year, in the caller's transaction: rollback returns it, so no gaps. */
async function nextSequence(tx: Transaction, countyId: number, year: number): Promise<number> {
  const rows =
    await tx.execute(sql`insert into case_counters (county_id, year, last_number) values (${countyId}, ${year}, 1)
    on conflict (county_id, year) do update set last_number = case_counters.last_number + 1 returning last_number`);
  return onlyRow(rows, z.object({ last_number: z.number().int() })).last_number;
}

/**
 * Register one case at the actor's own unit, status 'registered'. Throws a field refusal on a
 * bad ID number, phone or intake (a receipt after now, fewer person-times than people) before
 * a case number is drawn. A caller registering many cases passes the county calendar once.
 */
export async function registerPetition(
  tx: Transaction,
  ctx: AuthedContext,
  input: IntakeRequest,
  calendar?: WorkCalendar,
): Promise<{ id: string; caseNumber: string }> {
  if (input.petitionerIdNumber) {
    const checked = validateIdNumber(input.petitionerIdNumber, { today: shanghaiDate(ctx.now) });
    if (!checked.ok) throw fieldError('petitionerIdNumber', checked);
  }
  const phone = input.petitionerPhone ? normalizePhone(input.petitionerPhone) : null;
  if (input.petitionerPhone && !phone) throw fieldError('petitionerPhone', PHONE_REFUSED);
  const id = crypto.randomUUID();
  const registered = registerCase(
    {
      id,
      receivedAt: input.receivedAt,
      channel: input.channel,
      unitCode: ctx.actor.unitCode,
      peopleCount: input.peopleCount,
      personTimes: input.personTimes,
      repeat: input.repeatPetition,
      skipLevel: input.skipLevel,
    },
    ctx.now,
  );
  if (!registered.ok) {
    const field = INTAKE_ERROR_FIELDS[registered.error.code];
    throw field ? fieldError(field, registered.error) : domainError(registered.error);
  }
  const state = registered.state;
  const year = Number(state.receivedOn.slice(0, 4));
  // A ledger date outside the years a case number can carry (a bare year read by Excel as
  // day 2024, 1905-07-16) is the clerk's to fix, not a server fault.
  if (year < CASE_NUMBER_YEARS.min || year > CASE_NUMBER_YEARS.max) {
    throw domainError(unnumberableYear(state.receivedOn));
  }
  // Everything but the two inserts is done before the number is drawn: the county's counter
  // for the year is held from here to COMMIT, and every other intake of the year waits for it.
  const projection = projectionOf(state, null, ctx.now, calendar ?? (await countyCalendar(tx, ctx.actor.countyId)));
  // The two inserts check foreign keys; a plan this connection cached while the table was
  // small reads every case of the county, an import's uncommitted ones included (0023).
  await planForeignKeyChecksNow(tx);
  const caseNumber = formatCaseNumber({
    countyCode: ctx.actor.unitCode.slice(0, 6),
    year,
    sequence: await nextSequence(tx, ctx.actor.countyId, year),
  });
  await tx.insert(schema.petitionCases).values({
    countyId: ctx.actor.countyId,
    id,
    caseNumber,
    registeredUnitCode: ctx.actor.unitCode,
    receivedAt: new Date(state.receivedAt),
    channel: input.channel,
    peopleCount: input.peopleCount,
    personTimes: input.personTimes,
    skipLevel: input.skipLevel,
    repeatPetition: input.repeatPetition,
    duplicateOf: input.duplicateOf,
    category: input.category,
    summary: input.summary,
    petitionerName: input.petitionerName,
    petitionerIdNumber: input.petitionerIdNumber?.toUpperCase() ?? null,
    petitionerPhone: phone,
    petitionerAddress: input.petitionerAddress,
    importFingerprint: input.importFingerprint ?? null,
    importId: input.importId ?? null,
    createdBy: ctx.actor.userId,
    ...projection,
  });
  await tx.insert(schema.caseTransitions).values({
    countyId: ctx.actor.countyId,
    caseId: id,
    unitCode: state.unitCode,
    registeredUnitCode: ctx.actor.unitCode,
    action: 'register',
    fromStatus: null,
    toStatus: state.status,
    actorUserId: ctx.actor.userId,
    actorName: ctx.actor.loginName,
    at: ctx.now,
    note: null,
  });
  return { id, caseNumber };
}
