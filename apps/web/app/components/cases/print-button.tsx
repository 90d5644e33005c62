import { useI18n } from '../../lib/i18n-context.ts';

/** Opens the browser's print dialog; hidden on paper. Without JavaScript, Ctrl+P does the same. */
export function PrintButton() {
  const { t } = useI18n();
  return (
    <button type="button" className="no-print" onClick={() => window.print()}>
      {t('cases.notice.print')}
    </button>
  );
}
