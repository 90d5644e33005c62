import { Form, useActionData, useLoaderData } from 'react-router';
import { Notice } from '@tally/ui';
import {
  CALENDAR_YEARS,
  DEFAULT_DEADLINE_RULES,
  isCivilDate,
  parseDateList,
  previewDeadlines,
  shanghaiDate,
  type WorkCalendar,
} from '@tally/casework';
import { caseDataRoles } from '@tally/db';
import { ActionNotice } from '../components/action-notice.tsx';
import { CalendarEditor } from '../components/calendar/calendar-editor.tsx';
import { DateList, type CalendarList } from '../components/calendar/date-list.tsx';
import { DeadlinePreviewTable } from '../components/calendar/deadline-preview.tsx';
import calendarStyles from '../components/calendar/calendar.css?url';
import { formatDateTime } from '../i18n/index.ts';
import { useI18n } from '../lib/i18n-context.ts';
import { runAction } from '../.server/action-result.ts';
import { pageHandler } from '../.server/page-errors.ts';
import { requireCaller, requireRole } from '../.server/request.ts';
import { titleHandle } from '../lib/page-title.ts';
import type { Route } from './+types/calendar';

export const links = () => [{ rel: 'stylesheet', href: calendarStyles }];

function yearFrom(value: string | null, fallback: number): number {
  const year = Number(value);
  return Number.isInteger(year) && year >= CALENDAR_YEARS.min && year <= CALENDAR_YEARS.max ? year : fallback;
}

/**
 * A start date that shows the calendar at work: a week before the next holiday of the
 * year (so a 7-day limit runs into it), else today. The clerk can pick any other date.
 */
function defaultPreviewStart(today: string, year: number, cal: WorkCalendar): string {
  const upcoming = cal.holidays.filter((day) => day.startsWith(`${year}-`) && day > today).sort()[0];
  if (upcoming) {
    const start = new Date(`${upcoming}T00:00:00Z`);
    start.setUTCDate(start.getUTCDate() - 7);
    const iso = start.toISOString().slice(0, 10);
    return iso > today ? iso : today;
  }
  return today.startsWith(`${year}-`) ? today : `${year}-01-05`;
}

export const loader = pageHandler(async ({ request, context }: Route.LoaderArgs) => {
  const { caller, actor } = await requireCaller(request, context);
  await requireRole(actor, caseDataRoles, request, context);
  const params = new URL(request.url).searchParams;
  const today = shanghaiDate(new Date());
  const year = yearFrom(params.get('year'), Number(today.slice(0, 4)));
  const calendar = await caller.calendar.get({ year });
  const from = params.get('from') ?? '';
  const start = isCivilDate(from) ? from : defaultPreviewStart(today, year, calendar.effective);
  const { effective: _effective, ...shown } = calendar;
  return { ...shown, start, preview: previewDeadlines(start, DEFAULT_DEADLINE_RULES, calendar.effective) };
});

export const action = pageHandler(async ({ request, context }: Route.ActionArgs) => {
  const { caller } = await requireCaller(request, context);
  const form = await request.formData();
  const field = (name: string) => String(form.get(name) ?? '').trim();
  const year = Number(field('year'));
  const saved = { messageKey: 'calendar.saved' as const, params: { year } };
  const list: CalendarList = field('list') === 'makeupWorkdays' ? 'makeupWorkdays' : 'holidays';
  // Add, remove and adopt start from what is stored (or the built-in default) and save the whole year once.
  const current = async () => {
    const { holidays, makeupWorkdays } = await caller.calendar.get({ year });
    return { year, holidays, makeupWorkdays };
  };
  switch (field('intent')) {
    case 'save': {
      const draft = {
        holidays: String(form.get('holidays') ?? ''),
        makeupWorkdays: String(form.get('makeupWorkdays') ?? ''),
      };
      const result = await runAction(
        () =>
          caller.calendar.save({
            year,
            holidays: parseDateList(draft.holidays),
            makeupWorkdays: parseDateList(draft.makeupWorkdays),
          }),
        saved,
      );
      // A refused paste comes back into the text boxes, so nothing typed is lost.
      return result.ok ? result : { ...result, draft };
    }
    case 'add':
      return runAction(async () => {
        const cal = await current();
        await caller.calendar.save({ ...cal, [list]: [...cal[list], field('date')] });
      }, saved);
    case 'remove':
      return runAction(async () => {
        const cal = await current();
        await caller.calendar.save({ ...cal, [list]: cal[list].filter((day) => day !== field('date')) });
      }, saved);
    case 'adopt':
      return runAction(async () => caller.calendar.save(await current()), saved);
    default:
      throw new Response('unknown intent', { status: 400 });
  }
});

export const handle = titleHandle((t) => t('calendar.title'));

export default function Calendar() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, language } = useI18n();
  const { year } = data;
  const sourceText =
    data.source === 'county' && data.updatedAt
      ? t('calendar.source.county', { year, at: formatDateTime(data.updatedAt, language) })
      : data.source === 'default'
        ? t('calendar.source.default', { year })
        : t('calendar.source.none', { year });
  return (
    <section>
      <h1>{t('calendar.title')}</h1>
      <Form method="get" className="inline-form">
        <label>
          {t('calendar.year')}
          <input
            type="number"
            name="year"
            defaultValue={year}
            min={CALENDAR_YEARS.min}
            max={CALENDAR_YEARS.max}
            required
          />
        </label>
        <button type="submit">{t('calendar.show')}</button>
      </Form>
      <Notice kind="info">{sourceText}</Notice>
      {!data.canEdit && <p className="count">{t('calendar.readOnly')}</p>}
      <ActionNotice result={result} />
      <div className="calendar-lists">
        <DateList year={year} list="holidays" dates={data.holidays} editable={data.canEdit} />
        <DateList year={year} list="makeupWorkdays" dates={data.makeupWorkdays} editable={data.canEdit} />
      </div>
      {data.canEdit && (
        <CalendarEditor
          year={year}
          holidays={data.holidays}
          makeupWorkdays={data.makeupWorkdays}
          canAdopt={data.source === 'default'}
          draft={result && !result.ok && 'draft' in result ? result.draft : undefined}
        />
      )}
      <DeadlinePreviewTable year={year} start={data.start} lines={data.preview} />
    </section>
  );
}
