import { useEffect } from 'react';
import { Link, useRevalidator } from 'react-router';
import { Notice } from '@tally/ui';
import { useI18n } from '../../lib/i18n-context.ts';

interface CommitState {
  status: string;
  progressPhase: string;
  progressDone: number;
  progressTotal: number | null;
  failure: { zh: string; en: string } | null;
}

/** How often the page asks again while a commit runs: the progress is written about five times a second. */
const POLL_MS = 1500;

/**
 * A running commit's or re-preview's progress (written by the job outside its transaction, so it moves),
 * and the reason a commit that did not finish gave. The page reloads its data while the
 * commit runs; without scripts the clerk follows the refresh link.
 */
export function CommitProgress({ batch }: { batch: CommitState }) {
  const { t, language } = useI18n();
  const revalidator = useRevalidator();
  const running = batch.status === 'committing' || batch.status === 'previewing';
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      if (revalidator.state === 'idle') void revalidator.revalidate();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [running, revalidator]);
  const n = (value: number) => value.toLocaleString(language);
  const reason = batch.failure ? (language === 'en' ? batch.failure.en : batch.failure.zh) : '';
  if (running) {
    const total = batch.progressTotal ?? 0;
    const previewing = batch.status === 'previewing';
    const key = previewing
      ? total > 0
        ? 'imports.previewing'
        : 'imports.previewingUnknown'
      : batch.progressPhase === 'numbering'
        ? 'imports.numbering'
        : 'imports.committing';
    return (
      <div data-testid={previewing ? 'import-previewing' : 'import-committing'}>
        <Notice kind="info">{t(key, { done: n(batch.progressDone), total: n(total) })}</Notice>
        {total > 0 && (
          <progress max={total} value={Math.min(batch.progressDone, total)} aria-label={t('imports.progress')} />
        )}
        <p>
          <Link to="." reloadDocument>
            {t('imports.refresh')}
          </Link>
        </p>
      </div>
    );
  }
  if (batch.status === 'previewed' && reason)
    return <Notice kind="error">{t('imports.commitFailed', { reason })}</Notice>;
  if (batch.status === 'cancelled' && reason) return <Notice kind="info">{t('imports.note', { note: reason })}</Notice>;
  return null;
}
