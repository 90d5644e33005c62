import { Form, useLoaderData } from 'react-router';
import { shanghaiDate } from '@tally/casework';
import { caseDataRoles } from '@tally/db/roles';
import { Notice } from '@tally/ui';
import { FiguresTable } from '../components/cases/figures-table.tsx';
import { PeriodNotice } from '../components/period-notice.tsx';
import { periodFromSearch } from '../lib/period-params.ts';
import { languageFromCookie, translator } from '../i18n/index.ts';
import { useI18n } from '../lib/i18n-context.ts';
import { caseErrorMessage } from '../.server/case-form-errors.ts';
import { pageHandler } from '../.server/page-errors.ts';
import { requireCaller, requireRole } from '../.server/request.ts';
import '../components/cases/cases.css';
import { titleHandle } from '../lib/page-title.ts';
import type { Route } from './+types/case-figures';

/** Default period: the current half year (offices publish half-year figures), in Shanghai dates. */
function halfYearOf(today: string): { from: string; to: string } {
  const year = today.slice(0, 4);
  return today.slice(5, 7) <= '06'
    ? { from: `${year}-01-01`, to: `${year}-06-30` }
    : { from: `${year}-07-01`, to: `${year}-12-31` };
}

export const loader = pageHandler(async ({ request, context }: Route.LoaderArgs) => {
  const { caller, actor } = await requireCaller(request, context);
  await requireRole(actor, caseDataRoles, request, context);
  const params = new URL(request.url).searchParams;
  const { from, to, refusal } = periodFromSearch(params, halfYearOf(shanghaiDate(new Date())));
  // The picker lists only units in the actor's scope (units.tree is scoped); the procedure checks again.
  const units = (await caller.units.tree()).map(({ code, name, level }) => ({ code, name, level }));
  const requested = params.get('unit') ?? '';
  const unitCode = units.some((unit) => unit.code === requested) ? requested : actor.unitCode;
  try {
    return {
      units,
      unitCode,
      from,
      to,
      refusal,
      result: await caller.cases.figures({ unitCode, from, to }),
      error: null,
    };
  } catch (error) {
    const t = translator(languageFromCookie(request.headers.get('cookie')));
    return { units, unitCode, from, to, refusal, result: null, error: caseErrorMessage(error, t).message };
  }
});

export const handle = titleHandle((t) => t('cases.figures.title'));

export default function CaseFigures() {
  const { units, unitCode, from, to, refusal, result, error } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const indent = (level: string) => (level === 'township' ? '\u3000' : level === 'village' ? '\u3000\u3000' : '');
  return (
    <section>
      <h1>{t('cases.figures.title')}</h1>
      <Form method="get" className="inline-form" aria-label={t('cases.figures.title')}>
        <label>
          {t('cases.figures.unit')}
          <select name="unit" defaultValue={unitCode}>
            {units.map((unit) => (
              <option key={unit.code} value={unit.code}>
                {indent(unit.level)}
                {unit.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('cases.figures.from')}
          <input type="date" name="from" defaultValue={from} required />
        </label>
        <label>
          {t('cases.figures.to')}
          <input type="date" name="to" defaultValue={to} required />
        </label>
        <button type="submit">{t('cases.figures.submit')}</button>
      </Form>
      <PeriodNotice refusal={refusal} from={from} to={to} />
      {error && <Notice kind="error">{error}</Notice>}
      {result && (
        <FiguresTable
          figures={result.figures}
          unitName={result.unit.name}
          from={result.period.from}
          to={result.period.to}
        />
      )}
    </section>
  );
}
