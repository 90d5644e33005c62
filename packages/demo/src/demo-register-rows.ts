import { rowFingerprint, validateRecord, type CellValue, type RowValues } from '@tally/imports';
import type { Transaction } from '@tally/db';
import { registerDefs, registerTableOf, type RegisterKey } from '@tally/db/registers';
import type { DemoContext } from './demo-context.ts';

export interface RegisterRow {
  id: string;
  unitCode: string;
  values: RowValues;
  fingerprint: string;
  /** Columns outside the register definition (mediation_files.dispute_id). */
  extra?: Record<string, string | null>;
  createdBy: string;
  createdAt: Date;
}

/** Rows per insert: ~20 columns each stays far below Postgres's 65,535 bind parameters. */
const CHUNK = 1000;

/**
 * Collects the demo's register rows the way a form or an import would take them: every
 * row goes through validateRecord and gets the import's fingerprint, so the demo holds
 * nothing the app itself would refuse, and re-importing an exported sheet skips every row.
 */
export class RegisterRows {
  readonly rows = new Map<RegisterKey, RegisterRow[]>();
  private readonly seen = new Set<string>();

  constructor(private readonly ctx: DemoContext) {}

  add(
    key: RegisterKey,
    unitCode: string,
    input: Record<string, CellValue>,
    extra?: Record<string, string | null>,
  ): RegisterRow | null {
    const result = validateRecord(registerDefs[key], input, { now: this.ctx.now });
    if (!result.ok) throw new Error(`demo ${key} row refused: ${result.errors.map((error) => error.en).join('; ')}`);
    const fingerprint = rowFingerprint(registerDefs[key], result.values);
    // The table allows one fingerprint per unit: an identical row would be an import's duplicate.
    const identity = `${key}|${unitCode}|${fingerprint}`;
    if (this.seen.has(identity)) return null;
    this.seen.add(identity);
    const date = String(result.values[registerDefs[key].fields.find((field) => field.type === 'date')!.key]);
    const row: RegisterRow = {
      id: this.ctx.random.uuid(),
      unitCode,
      values: result.values,
      fingerprint,
      extra,
      createdBy: this.ctx.keeperOf(unitCode).id,
      // Written up at the end of the working day it records.
      createdAt: new Date(`${date}T17:30:00+08:00`),
    };
    const list = this.rows.get(key) ?? [];
    list.push(row);
    this.rows.set(key, list);
    return row;
  }

  count(key: RegisterKey): number {
    return this.rows.get(key)?.length ?? 0;
  }

  async insert(tx: Transaction): Promise<void> {
    for (const [key, rows] of this.rows) {
      const { table } = registerTableOf(key);
      for (let i = 0; i < rows.length; i += CHUNK) {
        const chunk = rows.slice(i, i + CHUNK).map((row) => ({
          ...row.values,
          ...row.extra,
          countyId: this.ctx.countyId,
          id: row.id,
          unitCode: row.unitCode,
          fingerprint: row.fingerprint,
          createdBy: row.createdBy,
          createdAt: row.createdAt,
          updatedAt: row.createdAt,
        }));
        // The values passed validateRecord against this table's own definition.
        await tx.insert(table).values(chunk);
      }
    }
  }
}
