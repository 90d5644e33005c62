import { getTableColumns, type AnyColumn } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { EnumOption, FieldDef, FieldType, RegisterDef, RowCheck } from '@tally/imports/types';
import { registerTables } from '../schema/registers.ts';
import {
  disputeChecks,
  hazardCheckChecks,
  disputeFields,
  dutyLogFields,
  hazardCheckFields,
  infoSubmissionFields,
  investigationRoundFields,
  mediationFileFields,
  meetingFields,
  publicityRecordFields,
} from './fields.ts';
import type { FieldPresentation, RegisterChecks, RegisterPresentation } from './presentation.ts';

/** A presentation with its value type erased, as the builders below read it. */
type LoosePresentation = FieldPresentation<unknown> & {
  options?: Record<string, string[]>;
  optionsEn?: Record<string, string>;
};

export type RegisterKey = keyof typeof registerTables;

const presentations: {
  [K in RegisterKey]: {
    label: string;
    labelEn: string;
    fields: RegisterPresentation<(typeof registerTables)[K]>;
    checks?: RegisterChecks<(typeof registerTables)[K]>;
  };
} = {
  investigation_rounds: { label: '排查记录', labelEn: 'Investigation rounds', fields: investigationRoundFields },
  meetings: { label: '会议记录', labelEn: 'Meetings', fields: meetingFields },
  duty_logs: { label: '值班记录', labelEn: 'Duty log', fields: dutyLogFields },
  publicity_records: { label: '普法宣传记录', labelEn: 'Legal publicity', fields: publicityRecordFields },
  info_submissions: { label: '信息报送', labelEn: 'Information submissions', fields: infoSubmissionFields },
  hazard_checks: {
    label: '安全隐患排查',
    labelEn: 'Hazard checks',
    fields: hazardCheckFields,
    checks: hazardCheckChecks,
  },
  disputes: { label: '矛盾纠纷排查调处', labelEn: 'Disputes', fields: disputeFields, checks: disputeChecks },
  mediation_files: { label: '调解卷宗', labelEn: 'Mediation files', fields: mediationFileFields },
};

function fieldType(column: AnyColumn, presentation: LoosePresentation): FieldType {
  if (presentation.kind) return presentation.kind;
  if (presentation.options || column.enumValues?.length) return 'enum';
  if (column.columnType === 'PgDateString' || column.columnType === 'PgDate') return 'date';
  if (column.columnType === 'PgInteger') return 'int';
  return 'text';
}

function enumOptions(column: AnyColumn, presentation: LoosePresentation): EnumOption[] | undefined {
  const labels = presentation.options;
  if (!labels) return undefined;
  const english = presentation.optionsEn ?? {};
  // Text enums keep the table's order; integer classes are listed by value.
  const values = column.enumValues?.length ? column.enumValues : Object.keys(labels);
  return values.map((value) => ({ value, labels: labels[value] ?? [value], labelEn: english[value] ?? value }));
}

function fieldDef(key: string, column: AnyColumn, presentation: LoosePresentation): FieldDef {
  const type = fieldType(column, presentation);
  const staticDefault =
    column.hasDefault && (typeof column.default === 'string' || typeof column.default === 'number')
      ? column.default
      : undefined;
  return {
    key,
    column: column.name,
    label: presentation.label,
    labelEn: presentation.labelEn,
    aliases: presentation.aliases ?? [],
    type,
    required: column.notNull && !column.hasDefault,
    enum: enumOptions(column, presentation),
    integerValues: column.columnType === 'PgInteger' && type === 'enum',
    min: presentation.min,
    max: presentation.max,
    defaultValue: staticDefault,
    personal: Boolean(presentation.personal || presentation.kind || presentation.freeText),
    masking: presentation.freeText ? 'free-text' : undefined,
    long: Boolean(presentation.long),
    // A register records what was done: its dates are in the past unless declared a deadline.
    notFuture: type === 'date' && !presentation.ahead,
  };
}

function buildRegister<K extends RegisterKey>(key: K): RegisterDef {
  const table = registerTables[key] as PgTable;
  const columns = getTableColumns(table) as Record<string, AnyColumn>;
  const { label, labelEn, fields, checks } = presentations[key];
  const entries = Object.entries(fields as Record<string, LoosePresentation>).filter(
    ([, presentation]) => !presentation.internal,
  );
  const rowChecks: RowCheck[] = (checks ?? []).map(({ field, than }) => ({ field, than }));
  return {
    key,
    label,
    labelEn,
    fields: entries.map(([fieldKey, presentation]) => fieldDef(fieldKey, columns[fieldKey]!, presentation)),
    checks: rowChecks,
  };
}

/** Every register as the import engine, the forms and the exports read it. */
export const registerDefs: Readonly<Record<RegisterKey, RegisterDef>> = Object.fromEntries(
  (Object.keys(registerTables) as RegisterKey[]).map((key) => [key, buildRegister(key)]),
) as Record<RegisterKey, RegisterDef>;

export const registerKeys = Object.keys(registerTables) as RegisterKey[];

export function isRegisterKey(value: string): value is RegisterKey {
  return Object.hasOwn(registerTables, value);
}

/** The date column each register is listed and filtered by. */
export function dateFieldOf(key: RegisterKey): FieldDef {
  return registerDefs[key].fields.find((field) => field.type === 'date')!;
}
