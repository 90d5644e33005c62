import { Form, useLoaderData } from 'react-router';
import { isUnitCodeShape, shanghaiDate } from '@tally/casework';
import { caseDataRoles } from '@tally/db';
import { CountTables } from '../components/disputes/count-tables.tsx';
import { RateTable } from '../components/disputes/rate-table.tsx';
import { RatesFootnote } from '../components/disputes/rates-footnote.tsx';
import { RevisitTable } from '../components/disputes/revisit-table.tsx';
import disputesStyles from '../components/disputes/disputes.css?url';
import { PeriodNotice } from '../components/period-notice.tsx';
import { formatCivilDate } from '../lib/civil-date-format.ts';
import { periodFromSearch } from '../lib/period-params.ts';
import { useI18n } from '../lib/i18n-context.ts';
import { pageHandler } from '../.server/page-errors.ts';
import { requireCaller, requireRole } from '../.server/request.ts';
import { titleHandle } from '../lib/page-title.ts';
import type { Route } from './+types/disputes-rates';

export const links = () => [{ rel: 'stylesheet', href: disputesStyles }];

export const loader = pageHandler(async ({ request, context }: Route.LoaderArgs) => {
  const { caller, actor } = await requireCaller(request, context);
  await requireRole(actor, caseDataRoles, request, context);
  const params = new URL(request.url).searchParams;
  // Default period: this year so far, the span the offices report on.
  const today = shanghaiDate(new Date());
  const unitCode = params.get('unit') || undefined;
  // A bad or reversed period is refused on the page, and the default shown with the reason.
  const { from, to, refusal } = periodFromSearch(params, { from: `${today.slice(0, 4)}-01-01`, to: today });
  const [rates, units] = await Promise.all([
    caller.disputes.rates({ unitCode: isUnitCodeShape(unitCode) ? unitCode : undefined, from, to }),
    caller.units.tree(),
  ]);
  return { rates, refusal, units: units.map((unit) => ({ code: unit.code, name: unit.name, level: unit.level })) };
});

export const handle = titleHandle((t) => t('disputes.rates.title'));

export default function DisputeRates() {
  const { rates, refusal, units } = useLoaderData<typeof loader>();
  const { t, language } = useI18n();
  const unitNames = new Map(units.map((unit) => [unit.code, unit.name]));
  return (
    <section>
      <h1>{t('disputes.rates.title')}</h1>
      <Form method="get" className="inline-form">
        <label>
          {t('disputes.rates.unit')}
          <select name="unit" defaultValue={rates.unit.unitCode}>
            {units.map((unit) => (
              <option key={unit.code} value={unit.code}>
                {unit.name}（{t(`level.${unit.level}`)}）
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('disputes.rates.from')}
          <input type="date" name="from" defaultValue={rates.from} required />
        </label>
        <label>
          {t('disputes.rates.to')}
          <input type="date" name="to" defaultValue={rates.to} required />
        </label>
        <button type="submit">{t('disputes.rates.apply')}</button>
      </Form>
      <PeriodNotice refusal={refusal} from={rates.from} to={rates.to} />
      <p data-testid="rates-scope">
        {t('disputes.rates.scope', {
          unit: rates.unit.name,
          from: formatCivilDate(rates.from, language),
          to: formatCivilDate(rates.to, language),
          total: rates.figures.total,
        })}
      </p>
      <RateTable lines={rates.figures} />
      <CountTables figures={rates.figures} />
      <h2>{t('disputes.revisits.title')}</h2>
      <RevisitTable rows={rates.revisits} total={rates.revisitTotal} unitNames={unitNames} />
      <RatesFootnote revisitDueSoonDays={rates.revisitDueSoonDays} />
    </section>
  );
}
