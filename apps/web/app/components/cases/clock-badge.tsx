import { useI18n } from '../../lib/i18n-context.ts';
import { formatCivilDate } from '../../lib/civil-date-format.ts';
import { vocabularyLabel } from '../../lib/case-format.ts';

export interface ClockView {
  status: 'on_time' | 'due_soon' | 'overdue' | 'closed_on_time' | 'closed_late' | 'no_deadline';
  /** Which limit the clock counts against (acceptance decision, assignment, handling). */
  stage: 'accept' | 'assign' | 'handle' | null;
  dueOn: string | null;
  daysLeft: number | null;
  /** Working days overdue, the figure the supervision notice prints too. */
  daysOverdue: number | null;
}

/**
 * Where a case stands against its deadline, in working days as the clock counts them.
 * Overdue carries a warning sign besides its colour and words, so it reads in grey print
 * and to anyone who does not see red.
 */
export function ClockBadge({ clock, withDate = false }: { clock: ClockView; withDate?: boolean }) {
  const { t, language } = useI18n();
  const open = clock.status === 'on_time' || clock.status === 'due_soon' || clock.status === 'overdue';
  let detail = '';
  if (clock.status === 'overdue' && clock.daysOverdue !== null)
    detail = t('cases.clock.daysOverdue', { days: clock.daysOverdue });
  else if (open && clock.daysLeft !== null)
    detail = clock.daysLeft === 0 ? t('cases.clock.dueToday') : t('cases.clock.daysLeft', { days: clock.daysLeft });
  const stage = open && clock.stage ? t(`cases.clock.stage.${clock.stage}`) : '';
  return (
    <span className={`clock clock-${clock.status}`} data-clock={clock.status}>
      {clock.status === 'overdue' && (
        <span className="clock-icon" aria-hidden="true">
          ⚠{' '}
        </span>
      )}
      {vocabularyLabel(t, 'cases.clock', clock.status)}
      {detail && ` · ${detail}`}
      {withDate && clock.dueOn && ` · ${stage ? `${stage} ` : ''}${formatCivilDate(clock.dueOn, language)}`}
    </span>
  );
}
