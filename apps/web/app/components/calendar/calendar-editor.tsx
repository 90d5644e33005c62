import { Form } from 'react-router';
import { useI18n } from '../../lib/i18n-context.ts';

/** Admin tools for one year: add one date, adopt the built-in list, or replace the year from pasted text. */
export function CalendarEditor(props: {
  year: number;
  holidays: string[];
  makeupWorkdays: string[];
  canAdopt: boolean;
  draft?: { holidays: string; makeupWorkdays: string };
}) {
  const { t } = useI18n();
  const { year } = props;
  return (
    <>
      <Form method="post" className="inline-form" aria-label={t('calendar.add')}>
        <input type="hidden" name="intent" value="add" />
        <input type="hidden" name="year" value={year} />
        <label>
          {t('calendar.date')}
          <input type="date" name="date" required min={`${year}-01-01`} max={`${year}-12-31`} />
        </label>
        <label>
          {t('calendar.addTo')}
          <select name="list">
            <option value="holidays">{t('calendar.holidays')}</option>
            <option value="makeupWorkdays">{t('calendar.makeupWorkdays')}</option>
          </select>
        </label>
        <button type="submit">{t('calendar.add')}</button>
      </Form>
      {props.canAdopt && (
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="adopt" />
          <input type="hidden" name="year" value={year} />
          <button type="submit">{t('calendar.adopt')}</button>
        </Form>
      )}
      <details open={props.draft !== undefined}>
        <summary>{t('calendar.paste.title')}</summary>
        <Form method="post" className="calendar-paste">
          <input type="hidden" name="intent" value="save" />
          <input type="hidden" name="year" value={year} />
          <p className="count">{t('calendar.paste.help')}</p>
          <label>
            {t('calendar.holidays')}
            <textarea name="holidays" rows={12} defaultValue={props.draft?.holidays ?? props.holidays.join('\n')} />
          </label>
          <label>
            {t('calendar.makeupWorkdays')}
            <textarea
              name="makeupWorkdays"
              rows={12}
              defaultValue={props.draft?.makeupWorkdays ?? props.makeupWorkdays.join('\n')}
            />
          </label>
          <button type="submit">{t('calendar.save', { year })}</button>
        </Form>
      </details>
    </>
  );
}
