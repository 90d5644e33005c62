import { useI18n } from '../../lib/i18n-context.ts';
import type { RegisterSummary } from '../../.server/imports/register-param.ts';
import { displayValue, labelOf } from '../registers/field-display.ts';
import { Pager } from './pager.tsx';

interface StagedValuesRow {
  rowNumber: number;
  values: Record<string, string | number | null>;
  /** Columns whose free text is withheld from a unit above the importing one. */
  hidden: string[];
  /** A valid row with a warning the commit must acknowledge: marked beside its number. */
  warned?: boolean;
}

/** Staged rows, one line each: the row number and the register's first six fields, hidden text withheld (new and existing rows alike). */
function StagedValuesTable({
  rows,
  register,
  testId,
}: {
  rows: StagedValuesRow[];
  register: RegisterSummary;
  testId: string;
}) {
  const { t, language } = useI18n();
  const fields = register.fields.slice(0, 6);
  return (
    <table className="data-table" data-testid={testId}>
      <thead>
        <tr>
          <th>{t('imports.col.row')}</th>
          {fields.map((field) => (
            <th key={field.key}>{labelOf(field, language)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.rowNumber}>
            <td>
              {row.rowNumber}
              {row.warned && <> {t('imports.new.warned')}</>}
            </td>
            {fields.map((field) => (
              <td key={field.key}>
                {row.hidden.includes(field.column)
                  ? t('registers.hiddenText')
                  : displayValue(field, row.values[field.column], language)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Rows the register already holds ("已存在，将跳过"), with their values as the file gave them. */
export function ExistingRows({
  rows,
  total,
  page,
  pageSize,
  register,
}: {
  rows: StagedValuesRow[];
  total: number;
  page: number;
  pageSize: number;
  register: RegisterSummary;
}) {
  const { t } = useI18n();
  if (total === 0) return null;
  return (
    <>
      <h2>
        {t('imports.existing.title')}（{total}）
      </h2>
      <StagedValuesTable rows={rows} register={register} testId="import-existing" />
      <Pager param="existing" page={page} total={total} pageSize={pageSize} />
    </>
  );
}

/** Row numbers repeated inside the file. */
export function DuplicateRows({
  rows,
  total,
  page,
  pageSize,
}: {
  rows: Array<{ rowNumber: number }>;
  total: number;
  page: number;
  pageSize: number;
}) {
  const { t } = useI18n();
  if (total === 0) return null;
  return (
    <>
      <h2>
        {t('imports.duplicates.title')}（{total}）
      </h2>
      <p data-testid="import-duplicates">
        {rows.map((row) => t('imports.duplicates.row', { row: row.rowNumber })).join('、')}
      </p>
      <Pager param="duplicates" page={page} total={total} pageSize={pageSize} />
    </>
  );
}

/** The rows the commit will add, with their values as they will be stored (dates as read, enums as their label): what the file was understood to say. */
export function NewRows({
  rows,
  total,
  page,
  pageSize,
  register,
}: {
  rows: Array<StagedValuesRow & { warned: boolean }>;
  total: number;
  page: number;
  pageSize: number;
  register: RegisterSummary;
}) {
  const { t, language } = useI18n();
  if (total === 0) return null;
  return (
    <>
      <h2>{t('imports.new.title', { count: total.toLocaleString(language) })}</h2>
      <div style={{ overflowX: 'auto', maxWidth: '100%' }}>
        <StagedValuesTable rows={rows} register={register} testId="import-new" />
      </div>
      <Pager param="new" page={page} total={total} pageSize={pageSize} />
    </>
  );
}
