/**
 * The commit of a petition-ledger batch: every valid staged row becomes one case through
 * the same intake as the form (services/petition-intake.ts), in the commit's transaction.
 * Rows whose fingerprint the unit already imported are skipped, so committing the same
 * ledger again adds nothing; any failure rolls back every case and every case number.
 *
 * Rows are read in pages by row number (keyset), so a large ledger is never held whole.
 */
import { sql } from 'drizzle-orm';
import type { Transaction } from '@tally/db';
import type { CaseCategory, Channel } from '@tally/casework';
import type { AuthedContext } from '../trpc.ts';
import { UserFacingError } from '../errors.ts';
import { registerPetition, type IntakeRequest } from '../services/petition-intake.ts';
import { countyCalendar } from '../services/work-calendar.ts';
import { existingCondition, type BatchRow } from './batch-store.ts';

const PAGE = 1_000;

type StagedValues = Record<string, string | number | null>;

const text = (value: string | number | null | undefined) => (value === null || value === undefined || value === '' ? null : String(value));

/** A staged ledger row (validated by the preview against PETITION_REGISTER) as an intake request. */
export function intakeOf(values: StagedValues, fingerprint: string, batchId: string): IntakeRequest {
  const peopleCount = Number(values.peopleCount ?? 1);
  return {
    // A ledger gives the day only: receipt at the start of that day in China.
    receivedAt: `${String(values.receivedOn)}T00:00:00+08:00`,
    channel: values.channel as Channel,
    peopleCount,
    // One ledger row is one visit or letter by that many people: as many person-times.
    personTimes: peopleCount,
    skipLevel: values.skipLevel === 'yes',
    repeatPetition: values.repeatPetition === 'yes',
    category: values.category as CaseCategory,
    summary: String(values.summary),
    petitionerName: String(values.petitionerName),
    petitionerIdNumber: text(values.petitionerIdNumber),
    petitionerPhone: text(values.petitionerPhone),
    petitionerAddress: text(values.petitionerAddress),
    duplicateOf: null,
    importFingerprint: fingerprint,
    importId: batchId,
  };
}

/**
 * Intake can refuse a row the preview let through (an ID number whose birth date lies after
 * today, say): the whole commit is refused, and the message names the row so the clerk can fix it.
 */
function withRowNumber(error: unknown, rowNumber: number): unknown {
  if (!(error instanceof UserFacingError) || error.messageKey !== 'error.domain' || !error.params) return error;
  return new UserFacingError('BAD_REQUEST', 'error.domain', {
    zh: `第 ${rowNumber} 行：${String(error.params.zh)}`,
    en: `Row ${rowNumber}: ${String(error.params.en)}`,
  });
}

/** Register a case for every valid staged row not imported before; returns how many were registered. */
export async function insertStagedPetitions(tx: Transaction, ctx: AuthedContext, batch: BatchRow): Promise<number> {
  let inserted = 0;
  let after = 0;
  const calendar = await countyCalendar(tx, ctx.actor.countyId);
  for (;;) {
    const rows = (await tx.execute(sql`select r.row_number as "rowNumber", r.values, r.fingerprint from import_rows r
      where r.county_id = ${ctx.actor.countyId} and r.batch_id = ${batch.id} and r.outcome = 'valid' and r.unit_code = ${ctx.actor.unitCode}
        and r.row_number > ${after} and not ${existingCondition('petitions')}
      order by r.row_number limit ${PAGE}`)) as unknown as Array<{ rowNumber: number; values: StagedValues; fingerprint: string }>;
    for (const row of rows) {
      await registerPetition(tx, ctx, intakeOf(row.values, row.fingerprint, batch.id), calendar).catch((error: unknown) => {
        throw withRowNumber(error, row.rowNumber);
      });
      inserted++;
    }
    if (rows.length < PAGE) return inserted;
    after = rows[rows.length - 1]!.rowNumber;
  }
}
