import { useEffect, useState } from 'react';
import { useI18n } from '../lib/i18n-context.ts';

/**
 * Opens the browser's print dialog; hidden on paper. It needs JavaScript, so it only
 * appears once hydrated (a button that does nothing before then would be a dead click);
 * without JavaScript the browser's own Print menu gives the same A4 page.
 */
export function PrintButton() {
  const { t } = useI18n();
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <button type="button" className="no-print" onClick={() => window.print()}>
      {t('common.print')}
    </button>
  );
}
