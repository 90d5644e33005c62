import { Form, Link, useActionData, useLoaderData } from 'react-router';
import { unitLevelOf } from '@tally/casework';
import { caseDataRoles } from '@tally/db/roles';
import { inspectionComponents } from '@tally/db/assessment';
import { ActionNotice } from '../components/action-notice.tsx';
import { ChecksTabs } from '../components/checks/checks-tabs.tsx';
import { periodLabel } from '../components/checks/period-label.ts';
import { ScoreGrid, type RowDraft } from '../components/checks/score-grid.tsx';
import checksStyles from '../components/checks/checks.css?url';
import { languageFromCookie, translator } from '../i18n/index.ts';
import { componentLabelKey } from '../lib/checking-labels.ts';
import { useI18n } from '../lib/i18n-context.ts';
import { runAction, type ActionResult } from '../.server/action-result.ts';
import { parseInspectionScore } from '../.server/assessment-inputs/inspection-score.ts';
import { componentParam, unitCodeParam, yearParam } from '../.server/assessment-inputs/search-params.ts';
import { orNotFound, pageHandler } from '../.server/page-errors.ts';
import { requireCaller, requireRole } from '../.server/request.ts';
import { titleHandle } from '../lib/page-title.ts';
import type { Route } from './+types/checks-inspections';

export const links = () => [{ rel: 'stylesheet', href: checksStyles }];

export const loader = pageHandler(async ({ request, context }: Route.LoaderArgs) => {
  const { caller, actor } = await requireCaller(request, context);
  await requireRole(actor, caseDataRoles, request, context);
  const params = new URL(request.url).searchParams;
  const year = yearParam(params.get('year'));
  const component = componentParam(params.get('component'));
  const parent = unitCodeParam(params.get('parent'));
  const grid = await orNotFound(
    caller.checks.inspectionGrid({ year, component, parentCode: parent === actor.unitCode ? undefined : parent }),
  );
  return {
    grid,
    components: inspectionComponents,
    ownUnitCode: actor.unitCode,
    atCounty: unitLevelOf(actor.unitCode) === 'county',
  };
});

type RowAction = { result: ActionResult; draft?: RowDraft };

/**
 * One row of the grid: every filled field is a first entry (expected version 0). The scores are
 * all checked before any is saved, so a typing slip saves nothing; what was typed comes back.
 */
export const action = pageHandler(async ({ request, context }: Route.ActionArgs): Promise<RowAction> => {
  const { caller } = await requireCaller(request, context);
  const form = await request.formData();
  const field = (name: string) => String(form.get(name) ?? '').trim();
  if (field('intent') !== 'row') throw new Response('unknown intent', { status: 400 });
  const year = yearParam(field('year'));
  const component = componentParam(field('component'));
  const unitCode = field('unitCode');
  const filled = [...form.keys()]
    .filter((key) => key.startsWith('score.') && field(key) !== '')
    .map((key) => ({ periodNo: Number(key.slice('score.'.length)), score: field(key) }));
  const draft: RowDraft = {
    unitCode,
    scores: Object.fromEntries(filled.map((cell) => [String(cell.periodNo), cell.score])),
  };
  if (filled.length === 0) return { result: { ok: false, messageKey: 'checks.inspections.nothingToSave' } };

  const t = translator(languageFromCookie(request.headers.get('cookie')));
  const bad = filled.find((cell) => parseInspectionScore(cell.score) === null);
  if (bad) {
    return {
      result: {
        ok: false,
        messageKey: 'checks.error.scoreAt',
        params: { unit: field('unitName').slice(0, 60), period: periodLabel(t, component, bad.periodNo) },
      },
      draft,
    };
  }
  for (const [index, cell] of filled.entries()) {
    const result = await runAction(
      () =>
        caller.checks.enterInspection({
          unitCode,
          year,
          component,
          periodNo: cell.periodNo,
          score: cell.score,
          expectedVersion: 0,
        }),
      { messageKey: 'checks.inspections.saved' },
    );
    if (!result.ok) {
      const unsaved = filled.slice(index);
      return {
        result,
        draft: { unitCode, scores: Object.fromEntries(unsaved.map((c) => [String(c.periodNo), c.score])) },
      };
    }
  }
  return { result: { ok: true, messageKey: 'checks.inspections.saved', params: { count: filled.length } } };
});

export const handle = titleHandle((t) => t('checks.inspections.title'));

export default function ChecksInspections() {
  const { grid, components, ownUnitCode, atCounty } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useI18n();
  const componentName = t(componentLabelKey(grid.component));
  const ownPage = grid.parent.code === ownUnitCode;
  const query = (extra: Record<string, string>) =>
    `?${new URLSearchParams({ year: String(grid.year), component: grid.component, ...extra })}`;
  const scopeText = t(grid.editable ? 'checks.inspections.scopeEditable' : 'checks.inspections.scopeReadOnly', {
    name: grid.parent.name,
    component: componentName,
    year: grid.year,
  });
  return (
    <section>
      <h1>{t('checks.inspections.title')}</h1>
      <ChecksTabs year={grid.year} />
      <Form method="get" className="inline-form">
        <label>
          {t('checks.year')}
          <input type="number" name="year" defaultValue={grid.year} min={2000} max={2100} required />
        </label>
        <label>
          {t('checks.component')}
          <select name="component" defaultValue={grid.component}>
            {components.map((component) => (
              <option key={component} value={component}>
                {t(componentLabelKey(component))}
              </option>
            ))}
          </select>
        </label>
        {!ownPage && <input type="hidden" name="parent" value={grid.parent.code} />}
        <button type="submit">{t('checks.show')}</button>
      </Form>
      <ActionNotice result={data?.result} />
      {grid.own && (
        <ScoreGrid
          caption={t('checks.inspections.own')}
          year={grid.year}
          component={grid.component}
          periods={grid.periods}
          rows={[grid.own]}
          editable={false}
        />
      )}
      {!ownPage && (
        <p>
          <Link to={query({})}>{t('checks.inspections.backToTop')}</Link>
        </p>
      )}
      {grid.rows.length === 0 ? (
        grid.own ? null : (
          <p className="empty">{t('checks.inspections.noUnits')}</p>
        )
      ) : (
        <>
          <p className="hint">{scopeText}</p>
          {grid.editable && (
            <p>
              <Link to={`/checks/inspections/import?year=${grid.year}`}>{t('checks.import.link')}</Link>
            </p>
          )}
          <ScoreGrid
            caption={componentName}
            year={grid.year}
            component={grid.component}
            periods={grid.periods}
            rows={grid.rows}
            editable={grid.editable}
            draft={data?.draft}
            drillDown={atCounty && ownPage ? (row) => query({ parent: row.unitCode }) : undefined}
          />
        </>
      )}
    </section>
  );
}
