import { useI18n } from '../../lib/i18n-context.ts';
import { vocabularyLabel } from '../../lib/case-format.ts';

/**
 * A case's status in a list. 不予受理 (refused) differs from 受理 (accepted) by two
 * characters at the front, and clerks misread one for the other: a refused case gets a
 * stop sign and an outlined "closed" mark, not only another colour.
 */
export function StatusLabel({ status }: { status: string }) {
  const { t } = useI18n();
  const label = vocabularyLabel(t, 'cases.status', status);
  if (status !== 'refused') return <span className={`status status-${status}`}>{label}</span>;
  return (
    <span className="status status-refused" data-status="refused">
      <span aria-hidden="true">⊘ </span>
      {label}
      <span className="status-mark">{t('cases.status.refusedMark')}</span>
    </span>
  );
}
