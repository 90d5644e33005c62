import { useI18n } from '../../lib/i18n-context.ts';
import { StagedRowMessages, type RowMessage } from './staged-row-messages.tsx';

export interface ErrorRow {
  rowNumber: number;
  errors: RowMessage[] | null;
}

/** Every problem of every bad row: row number as Excel shows it, the file's column name, the reason. */
export function RowErrors({
  rows,
  total,
  page,
  pageSize,
}: {
  rows: ErrorRow[];
  total: number;
  page: number;
  pageSize: number;
}) {
  const { t, language } = useI18n();
  if (total === 0) return <p>{t('imports.errors.none')}</p>;
  return (
    <>
      <h2>{t('imports.errors.title', { count: total.toLocaleString(language) })}</h2>
      <StagedRowMessages
        rows={rows}
        field="errors"
        testId="import-errors"
        param="errors"
        total={total}
        page={page}
        pageSize={pageSize}
      />
    </>
  );
}
