import { Link, useActionData, useLoaderData } from 'react-router';
import { ancestorAt, unitLevelOf } from '@tally/casework';
import { caseDataRoles } from '@tally/db/roles';
import { Notice } from '@tally/ui';
import { ActionNotice } from '../components/action-notice.tsx';
import { ChecksTabs } from '../components/checks/checks-tabs.tsx';
import { periodLabel } from '../components/checks/period-label.ts';
import { ScoreForm } from '../components/checks/score-form.tsx';
import { ScoreHistory } from '../components/checks/score-history.tsx';
import checksStyles from '../components/checks/checks.css?url';
import { componentLabelKey } from '../lib/checking-labels.ts';
import { useI18n } from '../lib/i18n-context.ts';
import { formatScore } from '../lib/score-format.ts';
import { runAction, type ActionResult } from '../.server/action-result.ts';
import { componentParam, yearParam } from '../.server/assessment-inputs/search-params.ts';
import { orNotFound, pageHandler } from '../.server/page-errors.ts';
import { requireCaller, requireRole } from '../.server/request.ts';
import { titleHandle, type LoaderData } from '../lib/page-title.ts';
import type { Route } from './+types/checks-inspection-cell';

export const links = () => [{ rel: 'stylesheet', href: checksStyles }];

/** The cell a URL names: /checks/inspections/<unit>?year=&component=&period= */
function cellFrom(request: Request, unitCode: string | undefined) {
  const params = new URL(request.url).searchParams;
  return {
    unitCode: unitCode ?? '',
    year: yearParam(params.get('year')),
    component: componentParam(params.get('component')),
    periodNo: Number(params.get('period') ?? 1),
  };
}

export const loader = pageHandler(async ({ request, context, params }: Route.LoaderArgs) => {
  const { caller, actor } = await requireCaller(request, context);
  await requireRole(actor, caseDataRoles, request, context);
  const cell = cellFrom(request, params.unitCode);
  const history = await orNotFound(caller.checks.inspectionHistory(cell));
  // Back to the grid that shows this unit: its parent's, or the reader's own page for its own unit.
  const level = unitLevelOf(cell.unitCode);
  const parent = level === 'village' ? ancestorAt(cell.unitCode, 'township') : ancestorAt(cell.unitCode, 'county');
  const back = new URLSearchParams({ year: String(cell.year), component: cell.component });
  if (cell.unitCode !== actor.unitCode && parent !== actor.unitCode) back.set('parent', parent);
  return { history, backTo: `/checks/inspections?${back}` };
});

type CellAction = { result: ActionResult; draft?: { score: string; reason: string } };

export const action = pageHandler(async ({ request, context, params }: Route.ActionArgs): Promise<CellAction> => {
  const { caller } = await requireCaller(request, context);
  const form = await request.formData();
  const field = (name: string) => String(form.get(name) ?? '').trim();
  const cell = cellFrom(request, params.unitCode);
  const draft = { score: field('score'), reason: field('reason') };
  const entered: { saved?: { score: string; version: number } } = {};
  const result = await runAction(
    async () => {
      entered.saved = await caller.checks.enterInspection({
        ...cell,
        score: draft.score,
        reason: draft.reason || null,
        expectedVersion: Number(field('expectedVersion')) || 0,
      });
    },
    { messageKey: 'checks.cell.saved' },
  );
  if (!result.ok || !entered.saved) return { result, draft };
  return { result: { ...result, params: { score: formatScore(entered.saved.score), version: entered.saved.version } } };
});

type Loaded = LoaderData<typeof loader>;
export const handle = titleHandle<Loaded>((t, { history }) =>
  t('checks.cell.title', {
    unit: history.unit.name,
    year: history.year,
    component: t(componentLabelKey(history.component)),
    period: periodLabel(t, history.component, history.periodNo),
  }),
);

export default function ChecksInspectionCell() {
  const { history, backTo } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useI18n();
  const period = periodLabel(t, history.component, history.periodNo);
  const current = history.current;
  return (
    <section>
      <h1>
        {t('checks.cell.title', {
          unit: history.unit.name,
          year: history.year,
          component: t(componentLabelKey(history.component)),
          period,
        })}
      </h1>
      <ChecksTabs year={history.year} />
      <p>
        <Link to={backTo}>{t('checks.cell.back')}</Link>
      </p>
      <ActionNotice result={data?.result} />
      <dl className="facts">
        <div>
          <dt>{t('checks.cell.current')}</dt>
          <dd data-testid="score-in-force">
            {current
              ? `${formatScore(current.score)}（${t('checks.inspections.version', { version: current.version })}）`
              : t('checks.cell.none')}
          </dd>
        </div>
      </dl>
      {history.canEnter ? (
        // Keyed by the version: after a save the form starts afresh from the new score in force.
        <ScoreForm key={current?.version ?? 0} current={current} draft={data?.result.ok ? undefined : data?.draft} />
      ) : (
        <Notice kind="info">{t('checks.cell.readOnly')}</Notice>
      )}
      <h2>{t('checks.cell.history')}</h2>
      <ScoreHistory versions={history.versions} />
    </section>
  );
}
