import { Form } from 'react-router';
import { useI18n } from '../../lib/i18n-context.ts';
import { formatScore } from '../../lib/score-format.ts';

/**
 * Enter or correct one cell. It carries the version the clerk is looking at, so a score someone
 * else entered meanwhile is reported as a conflict, never overwritten. A correction needs a reason.
 */
export function ScoreForm({
  current,
  draft,
}: {
  current: { score: string; version: number } | null;
  draft?: { score: string; reason: string } | undefined;
}) {
  const { t } = useI18n();
  return (
    <Form method="post" className="record-form" aria-label={t(current ? 'checks.cell.correct' : 'checks.cell.enter')}>
      <input type="hidden" name="expectedVersion" value={current?.version ?? 0} />
      <label>
        {t('checks.score')} <em className="required">*</em>
        <input
          name="score"
          required
          inputMode="decimal"
          maxLength={6}
          defaultValue={draft?.score ?? (current ? formatScore(current.score) : '')}
        />
        <span className="hint">{t('checks.scoreHint')}</span>
      </label>
      {current && (
        <label className="wide">
          {t('checks.cell.reason')} <em className="required">*</em>
          <textarea name="reason" required maxLength={500} defaultValue={draft?.reason ?? ''} />
          <span className="hint">{t('checks.cell.reasonHint')}</span>
        </label>
      )}
      <div className="form-actions">
        <button type="submit">{t(current ? 'checks.cell.correct' : 'checks.cell.enter')}</button>
      </div>
    </Form>
  );
}
