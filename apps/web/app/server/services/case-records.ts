import { maskAddress, maskIdNumber, maskName, maskPhone } from '@tally/casework';
import type { Actor } from '@tally/db';
import type { schema } from '@tally/db';

type CaseRow = typeof schema.petitionCases.$inferSelect;

export interface PersonalData {
  petitionerName: string;
  petitionerIdNumber: string | null;
  petitionerPhone: string | null;
  petitionerAddress: string | null;
}

/** §8: personal data in full only for the unit handling the case; masked everywhere else. */
export function personalDataFor(row: CaseRow, actor: Actor): PersonalData & { masked: boolean } {
  const full = actor.unitCode === row.unitCode;
  if (full) {
    return { petitionerName: row.petitionerName, petitionerIdNumber: row.petitionerIdNumber, petitionerPhone: row.petitionerPhone, petitionerAddress: row.petitionerAddress, masked: false };
  }
  return {
    petitionerName: maskName(row.petitionerName),
    petitionerIdNumber: row.petitionerIdNumber ? maskIdNumber(row.petitionerIdNumber) : null,
    petitionerPhone: row.petitionerPhone ? maskPhone(row.petitionerPhone) : null,
    petitionerAddress: row.petitionerAddress ? maskAddress(row.petitionerAddress) : null,
    masked: true,
  };
}

/** Re-exported: the projection lives with the table in @tally/db, which the demo seed shares. */
export { projectionOf } from '@tally/db';
