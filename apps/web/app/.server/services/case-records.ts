import type { Actor } from '@tally/db';
import type { schema } from '@tally/db';
import type { FieldDef } from '@tally/imports';
import { PETITION_REGISTER } from '@tally/db/registers';
import { maskRecord } from '../registers/masking.ts';

type CaseRow = typeof schema.petitionCases.$inferSelect;

/** What §8 covers in a case, as the petition ledger's field definitions declare it (the import reads the same ones). */
const personalFields = PETITION_REGISTER.fields.filter((field) => field.personal);
/** The petitioner's name, ID number, phone and address: masked outside the handling unit. */
const identityFields = personalFields.filter((field) => field.masking !== 'free-text');
/** The petitioner's story (summary): withheld outside the units working on the case. */
const freeTextFields = personalFields.filter((field) => field.masking === 'free-text');

export type PersonalData = {
  petitionerName: string;
  petitionerIdNumber: string | null;
  petitionerPhone: string | null;
  petitionerAddress: string | null;
  summary: string | null;
};

/**
 * The personal fields the actor does not see in full. Identity is for the handling unit only;
 * the summary also for the unit the case is assigned to, which replies to the petitioner and
 * cannot do so without knowing what was asked.
 */
function fieldsMaskedFor(row: CaseRow, actor: Actor): FieldDef[] {
  const handling = actor.unitCode === row.unitCode;
  const working = handling || actor.unitCode === row.assignedUnitCode;
  return [...(handling ? [] : identityFields), ...(working ? [] : freeTextFields)];
}

function personalRecord(row: CaseRow): PersonalData {
  return {
    petitionerName: row.petitionerName,
    petitionerIdNumber: row.petitionerIdNumber,
    petitionerPhone: row.petitionerPhone,
    petitionerAddress: row.petitionerAddress,
    summary: row.summary,
  };
}

/** §8 on screen: personal data masked and the summary withheld, each outside the units that may see it. */
export function personalDataFor(row: CaseRow, actor: Actor): PersonalData & { masked: boolean; hidden: string[] } {
  const { values, hidden } = maskRecord(fieldsMaskedFor(row, actor), personalRecord(row));
  return { ...values, petitionerName: values.petitionerName ?? '', masked: actor.unitCode !== row.unitCode, hidden };
}

/** §8 in a spreadsheet: what the actor may not see in full is left out, not masked. */
export function exportedPersonalData(
  row: CaseRow,
  actor: Actor,
): { [K in keyof PersonalData]: PersonalData[K] | null } {
  const withheld = new Set(fieldsMaskedFor(row, actor).map((field) => field.key));
  const record = personalRecord(row);
  return {
    petitionerName: withheld.has('petitionerName') ? null : record.petitionerName,
    petitionerIdNumber: withheld.has('petitionerIdNumber') ? null : record.petitionerIdNumber,
    petitionerPhone: withheld.has('petitionerPhone') ? null : record.petitionerPhone,
    petitionerAddress: withheld.has('petitionerAddress') ? null : record.petitionerAddress,
    summary: withheld.has('summary') ? null : record.summary,
  };
}

/** Every personal field in full: what the audited reveal hands over. */
export function revealedPersonalData(row: CaseRow): PersonalData {
  return personalRecord(row);
}

/** Re-exported: the projection lives with the table in @tally/db, which the demo seed shares. */
export { projectionOf } from '@tally/db';
