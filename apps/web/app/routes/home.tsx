import { Link, useLoaderData } from 'react-router';
import { caseDataRoles, type UserRole } from '@tally/db/roles';
import { UnitTree } from '@tally/ui';
import { shanghaiDate } from '@tally/casework';
import { DUE_SOON_DAYS, caseListSearch } from '../lib/case-list-query.ts';
import { OverviewTiles } from '../components/dashboard/overview-tiles.tsx';
import { WaitingCases } from '../components/cases/waiting-cases.tsx';
import casesStyles from '../components/cases/cases.css?url';
import dashboardStyles from '../components/dashboard/dashboard.css?url';
import { languageFromCookie, translator } from '../i18n/index.ts';
import { useI18n } from '../lib/i18n-context.ts';
import { countyOverview } from '../.server/dashboard/overview.ts';
import { kindKey, periodLabel } from '../lib/report-labels.ts';
import { reportsOverview } from '../.server/reports/overview.ts';
import { pageHandler } from '../.server/page-errors.ts';
import { requireCaller } from '../.server/request.ts';
import { titleHandle } from '../lib/page-title.ts';
import type { Route } from './+types/home';

export const links = () => [
  { rel: 'stylesheet', href: dashboardStyles },
  { rel: 'stylesheet', href: casesStyles },
];

export const loader = pageHandler(async ({ request, context }: Route.LoaderArgs) => {
  const { caller, actor } = await requireCaller(request, context);
  const me = await caller.session.me();
  // The auditor sees the audit log only: no unit tree.
  const units = actor.role === 'auditor' ? [] : await caller.units.tree();
  // County office only: the overview tiles (docs/dashboard.md).
  const countyOffice = actor.role === 'county_admin' || actor.role === 'county_staff';
  const overview = countyOffice
    ? await countyOverview(
        caller,
        `${actor.unitCode.slice(0, 6)}000000`,
        new Date(),
        translator(languageFromCookie(request.headers.get('cookie'))),
      )
    : null;
  return {
    me,
    units,
    todo: await todoFor(caller, actor.role),
    waiting: await waitingOnUnit(caller, actor.role),
    overview,
    reports: await reportsTodo(caller, actor),
  };
});

/**
 * Reports the unit must file now (the period is over, the deadline not passed), reports returned to
 * it, and the filed reports from the level directly below waiting for its review.
 */
async function reportsTodo(caller: Caller, actor: Awaited<ReturnType<typeof requireCaller>>['actor']) {
  if (!(caseDataRoles as readonly UserRole[]).includes(actor.role)) return null;
  const overview = await reportsOverview(caller, actor, Number(shanghaiDate(new Date()).slice(0, 4)));
  const items = overview.own
    .filter((cell) => cell.state === 'pending' || cell.state === 'returned')
    .map((cell) => ({
      id: cell.id,
      kind: cell.kind,
      periodKey: cell.periodKey,
      dueOn: cell.dueOn,
      returned: cell.state === 'returned',
      reportId: cell.reportId,
    }));
  return { items, toReview: overview.toReview.length };
}

type Caller = Awaited<ReturnType<typeof requireCaller>>['caller'];

/** How many of the cases waiting on the unit the home page lists; the rest are one link away. */
const WAITING_SHOWN = 10;

/**
 * Open cases waiting on the actor's own unit, soonest deadline first, each with its clock:
 * where an escalated or assigned case lands at the receiving unit (the case list's 待本单位办理 tab).
 */
async function waitingOnUnit(caller: Caller, role: UserRole) {
  if (!(caseDataRoles as readonly UserRole[]).includes(role)) return null;
  const list = await caller.cases.list({ awaitingMyUnit: true, pageSize: WAITING_SHOWN });
  return { total: list.total, rows: list.rows, href: `/cases${caseListSearch({ awaitingMyUnit: true })}` };
}

/** What needs attention in the actor's scope: the same filters as the case list's tabs. */
async function todoFor(caller: Caller, role: UserRole) {
  if (!(caseDataRoles as readonly UserRole[]).includes(role)) return [];
  const items = [
    { key: 'home.todo.overdue', query: { overdue: true } },
    { key: 'home.todo.dueSoon', query: { dueWithinDays: DUE_SOON_DAYS } },
    { key: 'home.todo.flagged', query: { flagged: true } },
  ] as const;
  const totals = await Promise.all(items.map((item) => caller.cases.list({ ...item.query, pageSize: 1 })));
  return items.map((item, index) => ({
    key: item.key,
    href: `/cases${caseListSearch(item.query)}`,
    count: totals[index]!.total,
  }));
}

export const handle = titleHandle((t) => t('nav.home'));

export default function Home() {
  const { me, units, todo, waiting, overview, reports } = useLoaderData<typeof loader>();
  const { t, language } = useI18n();
  const below = units.filter((unit) => unit.code !== me.unitCode);
  return (
    <section>
      <h1>{t('home.welcome', { name: me.displayName })}</h1>
      <dl className="facts">
        <dt>{t('home.unit')}</dt>
        <dd>
          {me.unitName} <code>{me.unitCode}</code>
        </dd>
        <dt>{t('home.role')}</dt>
        <dd>{t(`role.${me.role}`)}</dd>
      </dl>
      {overview ? <OverviewTiles data={overview} /> : null}
      {todo.length > 0 && (
        <>
          <h2>{t('home.todo')}</h2>
          <ul className="register-cards" data-testid="todo">
            {todo.map((item) => (
              <li key={item.key}>
                <Link to={item.href}>{t(item.key)}</Link>
                <strong className={item.count > 0 && item.key !== 'home.todo.flagged' ? 'todo-alert' : 'count'}>
                  {t('home.todo.count', { count: item.count })}
                </strong>
              </li>
            ))}
          </ul>
        </>
      )}
      {waiting && <WaitingCases waiting={waiting} />}
      {reports && (reports.items.length > 0 || reports.toReview > 0) && (
        <>
          <h2>{t('reports.home.title')}</h2>
          <ul className="register-cards" data-testid="reports-todo">
            {reports.items.map((item) => (
              <li key={item.id}>
                <Link
                  to={item.reportId ? `/reports/${item.reportId}` : '/reports'}
                  className={item.returned ? 'todo-alert' : undefined}
                >
                  {item.returned
                    ? t('reports.home.returned', {
                        kind: t(kindKey(item.kind)),
                        period: periodLabel(item.periodKey, language),
                      })
                    : t('reports.home.due', {
                        kind: t(kindKey(item.kind)),
                        period: periodLabel(item.periodKey, language),
                        due: item.dueOn,
                      })}
                </Link>
              </li>
            ))}
            {reports.toReview > 0 && (
              <li>
                <Link to="/reports">{t('reports.home.review', { count: reports.toReview })}</Link>
              </li>
            )}
          </ul>
        </>
      )}
      {me.role !== 'auditor' && (
        <>
          <h2>{t('home.unitsBelow')}</h2>
          {below.length === 0 ? (
            <p>{t('home.noUnitsBelow')}</p>
          ) : (
            <UnitTree units={units} inactiveLabel={t('units.inactive')} />
          )}
        </>
      )}
    </section>
  );
}
