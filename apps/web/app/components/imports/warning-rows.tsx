import { useI18n } from '../../lib/i18n-context.ts';
import { Pager } from './pager.tsx';
import type { ErrorRow } from './row-errors.tsx';

/** Valid rows whose values look wrong (a date in 1905 or 2136, "�", a "?" beside a Chinese character): shown before the commit asks for acknowledgement. */
export function WarningRows({
  rows,
  total,
  page,
  pageSize,
}: {
  rows: Array<{ rowNumber: number; warnings: ErrorRow['errors'] }>;
  total: number;
  page: number;
  pageSize: number;
}) {
  const { t, language } = useI18n();
  if (total === 0) return null;
  return (
    <>
      <h2>{t('imports.warnings.title', { count: total.toLocaleString(language) })}</h2>
      <p>{t('imports.warnings.hint')}</p>
      <table className="data-table" data-testid="import-warnings">
        <thead>
          <tr>
            <th>{t('imports.col.row')}</th>
            <th>{t('imports.col.column')}</th>
            <th>{t('imports.col.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.flatMap((row) =>
            (row.warnings ?? []).map((warning, index) => (
              <tr key={`${row.rowNumber}-${index}`}>
                <td>{row.rowNumber}</td>
                <td>{warning.column}</td>
                <td>{language === 'en' ? warning.en : warning.zh}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
      <Pager param="warnings" page={page} total={total} pageSize={pageSize} />
    </>
  );
}
