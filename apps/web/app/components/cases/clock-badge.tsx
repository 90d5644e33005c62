import { useI18n } from '../../lib/i18n-context.ts';
import { formatCivilDate } from '../../lib/civil-date-format.ts';
import { vocabularyLabel } from '../../lib/case-format.ts';

export interface ClockView {
  status: 'on_time' | 'due_soon' | 'overdue' | 'closed_on_time' | 'closed_late' | 'no_deadline';
  dueOn: string | null;
  daysLeft: number | null;
}

/** Where a case stands against its deadline, in working days as the clock counts them. */
export function ClockBadge({ clock, withDate = false }: { clock: ClockView; withDate?: boolean }) {
  const { t, language } = useI18n();
  const open = clock.status === 'on_time' || clock.status === 'due_soon' || clock.status === 'overdue';
  let detail = '';
  if (open && clock.daysLeft !== null) {
    detail = clock.status === 'overdue'
      ? t('cases.clock.daysOverdue', { days: Math.max(1, -clock.daysLeft) })
      : clock.daysLeft === 0 ? t('cases.clock.dueToday') : t('cases.clock.daysLeft', { days: clock.daysLeft });
  }
  return (
    <span className={`clock clock-${clock.status}`}>
      {vocabularyLabel(t, 'cases.clock', clock.status)}
      {detail && ` · ${detail}`}
      {withDate && clock.dueOn && ` · ${formatCivilDate(clock.dueOn, language)}`}
    </span>
  );
}
