import { useI18n } from '../../lib/i18n-context.ts';
import { Pager } from './pager.tsx';

/** One problem the import found with a staged row: the file's column name and the reason in both languages. */
export interface RowMessage {
  column: string;
  field: string;
  zh: string;
  en: string;
}

type MessageField = 'errors' | 'warnings';

/**
 * Every message of every staged row, one line each: row number as Excel shows it, the file's
 * column name, the reason; paged by the query parameter `param`. The errors and the warnings
 * of the import preview are this table, with their own field, test id and parameter.
 */
export function StagedRowMessages<F extends MessageField>({
  rows,
  field,
  testId,
  param,
  total,
  page,
  pageSize,
}: {
  rows: Array<{ rowNumber: number } & { [K in F]: RowMessage[] | null }>;
  field: F;
  testId: string;
  param: string;
  total: number;
  page: number;
  pageSize: number;
}) {
  const { t, language } = useI18n();
  return (
    <>
      <table className="data-table" data-testid={testId}>
        <thead>
          <tr>
            <th>{t('imports.col.row')}</th>
            <th>{t('imports.col.column')}</th>
            <th>{t('imports.col.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.flatMap((row) =>
            (row[field] ?? []).map((message, index) => (
              <tr key={`${row.rowNumber}-${index}`}>
                <td>{row.rowNumber}</td>
                <td>{message.column}</td>
                <td>{language === 'en' ? message.en : message.zh}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
      <Pager param={param} page={page} total={total} pageSize={pageSize} />
    </>
  );
}
