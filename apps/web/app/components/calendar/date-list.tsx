import { Form } from 'react-router';
import { formatCivilDate, weekdayName } from '../../lib/civil-date-format.ts';
import { useI18n } from '../../lib/i18n-context.ts';

export type CalendarList = 'holidays' | 'makeupWorkdays';

/** One of the year's two lists, each date with its weekday; the admin gets a remove button per date. */
export function DateList({
  year,
  list,
  dates,
  editable,
}: {
  year: number;
  list: CalendarList;
  dates: string[];
  editable: boolean;
}) {
  const { t, language } = useI18n();
  return (
    <section className="calendar-list" aria-labelledby={`calendar-${list}`}>
      <h2 id={`calendar-${list}`}>
        {t(`calendar.${list}`)} <span className="count">{t('calendar.count', { count: dates.length })}</span>
      </h2>
      {dates.length === 0 ? (
        <p>{t('calendar.empty')}</p>
      ) : (
        <ul>
          {dates.map((date) => (
            <li key={date} data-date={date}>
              <span>{formatCivilDate(date, language)}</span>{' '}
              <span className="count">{weekdayName(date, language)}</span>
              {editable && (
                <Form method="post" className="mini-form">
                  <input type="hidden" name="intent" value="remove" />
                  <input type="hidden" name="year" value={year} />
                  <input type="hidden" name="list" value={list} />
                  <input type="hidden" name="date" value={date} />
                  <button type="submit" className="link-button" aria-label={`${t('calendar.remove')} ${date}`}>
                    {t('calendar.remove')}
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
