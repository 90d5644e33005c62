import { getTableColumns } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { registerDefs, registerKeys } from '../../src/registers/index.ts';
import { registerTables } from '../../src/schema/registers.ts';

const shared = new Set([
  'countyId',
  'id',
  'unitCode',
  'fingerprint',
  'importId',
  'createdBy',
  'createdAt',
  'updatedAt',
  'deletedAt',
]);
const internal = new Set(['mediation_files.disputeId']);

describe('register definitions come from the tables', () => {
  for (const key of registerKeys) {
    const def = registerDefs[key];
    const columns = getTableColumns(registerTables[key]);

    it(`${key}: every own column is a field, with the table's name, required-ness and values`, () => {
      const own = Object.keys(columns).filter((name) => !shared.has(name) && !internal.has(`${key}.${name}`));
      expect(def.fields.map((field) => field.key).sort()).toEqual(own.sort());
      for (const field of def.fields) {
        const column = columns[field.key as keyof typeof columns]!;
        expect(field.column).toBe(column.name);
        expect(field.required).toBe(column.notNull && !column.hasDefault);
        if (column.enumValues?.length) expect(field.enum!.map((option) => option.value)).toEqual(column.enumValues);
        for (const option of field.enum ?? [])
          expect(option.labels.length, `${key}.${field.key}=${option.value}`).toBeGreaterThan(0);
      }
    });

    it(`${key}: the first field is the date the register is listed by`, () => {
      expect(def.fields[0]!.type).toBe('date');
    });

    it(`${key}: every enumerated column has a CHECK constraint`, () => {
      const checks = getTableConfig(registerTables[key]).checks.map((check) => check.name);
      const enumerated = def.fields.filter((field) => field.type === 'enum' && !field.integerValues);
      expect(checks.sort()).toEqual(enumerated.map((field) => `${key}_${field.column}_check`).sort());
    });
  }

  it('labels are unique within a register, so a header can not mean two fields', () => {
    for (const key of registerKeys) {
      const labels = registerDefs[key].fields.map((field) => field.label);
      expect(new Set(labels).size, key).toBe(labels.length);
    }
  });
});
