import { Form } from 'react-router';
import type { DeadlinePreview } from '@tally/casework';
import { formatCivilDate, weekdayName } from '../../lib/civil-date-format.ts';
import { useI18n } from '../../lib/i18n-context.ts';

/** "7 日 from <start> → <due>": the county calendar next to a Monday–Friday count, so the effect of an edit shows. */
export function DeadlinePreviewTable({
  year,
  start,
  lines,
}: {
  year: number;
  start: string;
  lines: DeadlinePreview[];
}) {
  const { t, language } = useI18n();
  const show = (date: string) => `${formatCivilDate(date, language)}（${weekdayName(date, language)}）`;
  const countLabel = (line: DeadlinePreview) =>
    line.count.kind === 'calendar'
      ? t('calendar.preview.count.calendar', { days: line.count.days })
      : line.count.days === 0
        ? t('calendar.preview.count.workingSameDay')
        : t('calendar.preview.count.working', { days: line.count.days });
  return (
    <section aria-labelledby="deadline-preview">
      <h2 id="deadline-preview">{t('calendar.preview.title')}</h2>
      <p className="count">{t('calendar.preview.help')}</p>
      <Form method="get" className="inline-form">
        <input type="hidden" name="year" value={year} />
        <label>
          {t('calendar.preview.start')}
          <input type="date" name="from" defaultValue={start} required />
        </label>
        <button type="submit">{t('calendar.preview.compute')}</button>
      </Form>
      <table className="data-table" data-testid="deadline-preview">
        <thead>
          <tr>
            <th>{t('calendar.preview.rule')}</th>
            <th>{t('calendar.preview.due')}</th>
            <th>{t('calendar.preview.dueWeekdays')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.rule} data-rule={line.rule}>
              <td>
                {t(`calendar.preview.rule.${line.rule}`)}：{countLabel(line)}
              </td>
              <td>
                {show(start)} → <strong>{show(line.dueOn)}</strong>
                {line.dueOn !== line.dueOnWeekdaysOnly && (
                  <span className="badge badge-muted">{t('calendar.preview.moved')}</span>
                )}
              </td>
              <td>{show(line.dueOnWeekdaysOnly)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
