import { useI18n } from '../../lib/i18n-context.ts';
import { Pager } from './pager.tsx';

export interface ErrorRow {
  rowNumber: number;
  errors: Array<{ column: string; field: string; zh: string; en: string }> | null;
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
      <table className="data-table" data-testid="import-errors">
        <thead>
          <tr>
            <th>{t('imports.col.row')}</th>
            <th>{t('imports.col.column')}</th>
            <th>{t('imports.col.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.flatMap((row) =>
            (row.errors ?? []).map((error, index) => (
              <tr key={`${row.rowNumber}-${index}`}>
                <td>{row.rowNumber}</td>
                <td>{error.column}</td>
                <td>{language === 'en' ? error.en : error.zh}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
      <Pager param="errors" page={page} total={total} pageSize={pageSize} />
    </>
  );
}
