import { useI18n } from '../../lib/i18n-context.ts';

export interface BatchCounts {
  totalRows: number;
  validRows: number;
  errorRows: number;
  duplicateRows: number;
  existing: number;
  /** Set once committed: what the commit added and skipped, instead of what it would. */
  committed?: { inserted: number; skipped: number } | null;
}

/** The preview's numbers; "will be added" is what the commit would insert now, and after the commit what it did add. */
export function BatchCountsView({ counts }: { counts: BatchCounts }) {
  const { t, language } = useI18n();
  const n = (value: number) => value.toLocaleString(language);
  return (
    <dl className="facts" data-testid="import-counts">
      <dt>{t('imports.count.total')}</dt>
      <dd>{n(counts.totalRows)}</dd>
      <dt>{t('imports.count.valid')}</dt>
      <dd>{n(counts.validRows)}</dd>
      <dt>{t('imports.count.errors')}</dt>
      <dd>{n(counts.errorRows)}</dd>
      <dt>{t('imports.count.duplicates')}</dt>
      <dd>{n(counts.duplicateRows)}</dd>
      {counts.committed ? (
        <>
          <dt>{t('imports.count.skipped')}</dt>
          <dd>{n(counts.committed.skipped)}</dd>
          <dt>{t('imports.count.added')}</dt>
          <dd data-testid="import-added">{n(counts.committed.inserted)}</dd>
        </>
      ) : (
        <>
          <dt>{t('imports.count.existing')}</dt>
          <dd>{n(counts.existing)}</dd>
          <dt>{t('imports.count.new')}</dt>
          <dd>{n(Math.max(0, counts.validRows - counts.existing))}</dd>
        </>
      )}
    </dl>
  );
}
