import { useI18n } from '../../lib/i18n-context.ts';
import { StagedRowMessages, type RowMessage } from './staged-row-messages.tsx';

/** Valid rows whose values look wrong (a date in 1905 or 2136, "�", a "?" beside a Chinese character): shown before the commit asks for acknowledgement. */
export function WarningRows({
  rows,
  total,
  page,
  pageSize,
}: {
  rows: Array<{ rowNumber: number; warnings: RowMessage[] | null }>;
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
      <StagedRowMessages
        rows={rows}
        field="warnings"
        testId="import-warnings"
        param="warnings"
        total={total}
        page={page}
        pageSize={pageSize}
      />
    </>
  );
}
