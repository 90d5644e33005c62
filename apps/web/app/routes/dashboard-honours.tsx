import { Link, useLoaderData } from 'react-router';
import { caseDataRoles } from '@tally/db';
import dashboardStyles from '../components/dashboard/dashboard.css?url';
import honoursStyles from '../components/dashboard/honours.css?url';
import { shanghaiDate } from '@tally/casework';
import { formatCivilDate } from '../lib/civil-date-format.ts';
import { useI18n } from '../lib/i18n-context.ts';
import { pageHandler } from '../.server/page-errors.ts';
import { requireCaller, requireRole } from '../.server/request.ts';
import { titleHandle, type LoaderData } from '../lib/page-title.ts';
import type { Route } from './+types/dashboard-honours';

export const links = () => [
  { rel: 'stylesheet', href: dashboardStyles },
  { rel: 'stylesheet', href: honoursStyles },
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Loaded = LoaderData<typeof loader>;
export const handle = titleHandle<Loaded>((t, data) =>
  t('dashboard.honours.title', {
    county: data.county,
    year: data.header.year,
    period: t(`assessment.period.${data.header.period}`),
  }),
);

/** How many units each list names: ?n=, 1 to 10, three unless chosen. */
function listSize(search: URLSearchParams): number {
  const n = Number(search.get('n'));
  return Number.isInteger(n) && n >= 1 && n <= 10 ? n : 3;
}

export const loader = pageHandler(async ({ request, context, params }: Route.LoaderArgs) => {
  const { caller, actor } = await requireCaller(request, context);
  await requireRole(actor, caseDataRoles, request, context);
  const id = params.id ?? '';
  if (!UUID.test(id)) throw new Response('not found', { status: 404 });
  const [result, units] = await Promise.all([caller.assessment.result({ id }), caller.units.tree()]);
  const n = listSize(new URL(request.url).searchParams);
  // Vetoed units are ranked last already; the red list never names one.
  const red = result.ranking.filter((row) => !row.vetoed).slice(0, n);
  const black = result.ranking
    .slice(-n)
    .filter((row) => !red.some((r) => r.unitCode === row.unitCode))
    .reverse();
  const county = units.find((unit) => unit.level === 'county')?.name ?? '';
  return { header: result.header, red, black, n, county };
});

/** 红黑榜: the published ranking's top and bottom N on one A4 page, with the county's title, date and room for the seal. */
export default function DashboardHonours() {
  const { header, red, black, n, county } = useLoaderData<typeof loader>();
  const { t, language } = useI18n();
  const period = t(`assessment.period.${header.period}`);
  const list = (rows: typeof red, kind: 'red' | 'black') => (
    <table className={`honours-table honours-${kind}`} data-testid={`honours-${kind}`}>
      <caption>{t(kind === 'red' ? 'dashboard.honours.red' : 'dashboard.honours.black', { n })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('assessment.rank')}</th>
          <th scope="col">{t('assessment.unit')}</th>
          <th scope="col">{t('assessment.final')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.unitCode}>
            <td>{row.rank}</td>
            <td>
              {row.unitName}
              {row.vetoed ? ` · ${t('assessment.vetoed')}` : ''}
            </td>
            <td>{row.final}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <section className="honours-page">
      <p className="no-print">
        <Link to={`/assessment/results/${header.id}`}>
          ← {t('assessment.result.title', { year: header.year, period })}
        </Link>
        {' · '}
        <a href={`/dashboard/honours/${header.id}/export`} download>
          {t('dashboard.honours.export')}
        </a>
      </p>
      <h1 className="honours-title">{t('dashboard.honours.title', { county, year: header.year, period })}</h1>
      <div className="honours-lists">
        {list(red, 'red')}
        {list(black, 'black')}
      </div>
      <footer className="honours-footer">
        <p>{county}</p>
        <p>{t('dashboard.honours.date', { date: formatCivilDate(shanghaiDate(new Date(header.asOf)), language) })}</p>
        <div className="seal-space">{t('dashboard.honours.seal')}</div>
      </footer>
    </section>
  );
}
