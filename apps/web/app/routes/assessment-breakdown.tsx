import { isUnitCodeShape } from '@tally/casework';
import { Link, useLoaderData } from 'react-router';
import { caseDataRoles } from '@tally/db';
import { FactLinks } from '../components/assessment/fact-links.tsx';
import assessmentStyles from '../components/assessment/assessment.css?url';
import { formatDateTime } from '../i18n/index.ts';
import { useI18n } from '../lib/i18n-context.ts';
import { scoreDetailText } from '../lib/score-detail.ts';
import { pageHandler } from '../.server/page-errors.ts';
import { requireCaller, requireRole } from '../.server/request.ts';
import { titleHandle, type LoaderData } from '../lib/page-title.ts';
import type { Route } from './+types/assessment-breakdown';

export const links = () => [{ rel: 'stylesheet', href: assessmentStyles }];

export const loader = pageHandler(async ({ request, context, params }: Route.LoaderArgs) => {
  const { caller, actor } = await requireCaller(request, context);
  await requireRole(actor, caseDataRoles, request, context);
  const resultId = params.id ?? '';
  const unitCode = params.unitCode ?? '';
  // Not a UUID or not a unit code: the same answer as a breakdown out of reach.
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(resultId) || !isUnitCodeShape(unitCode))
    throw new Response('not found', { status: 404 });
  return caller.assessment.breakdown({ resultId, unitCode });
});

type Loaded = LoaderData<typeof loader>;
export const handle = titleHandle<Loaded>((t, data) => t('assessment.breakdown.title', { unit: data.unitName }));

/** "Why did this unit lose 2 points?": every line with its rule, wording, points and the records behind it. */
export default function AssessmentBreakdown() {
  const b = useLoaderData<typeof loader>();
  const { t, language } = useI18n();
  return (
    <section>
      <p>
        <Link to={`/assessment/results/${b.header.id}`}>
          ← {t('assessment.result.title', { year: b.header.year, period: t(`assessment.period.${b.header.period}`) })}
        </Link>
      </p>
      <h1>{t('assessment.breakdown.title', { unit: b.unitName })}</h1>
      <p className="muted">
        {b.ruleSetLabel} · {t('assessment.result.asOf')} {formatDateTime(b.header.asOf, language)}
      </p>
      <dl className="facts" data-testid="breakdown-totals">
        <dt>{t('assessment.base')}</dt>
        <dd>{b.totals.base}</dd>
        <dt>{t('assessment.bonus')}</dt>
        <dd>
          {b.totals.bonusRaw === b.totals.bonus
            ? b.totals.bonus
            : t('assessment.breakdown.bonusCapped', { raw: b.totals.bonusRaw, capped: b.totals.bonus })}
        </dd>
        <dt>{t('assessment.deductions')}</dt>
        <dd>{b.totals.deductions === '0' ? '0' : `-${b.totals.deductions}`}</dd>
        {b.totals.floorAdjustment !== '0' ? (
          <>
            <dt>{t('assessment.breakdown.floor')}</dt>
            <dd>+{b.totals.floorAdjustment}</dd>
          </>
        ) : null}
        <dt>{t('assessment.final')}</dt>
        <dd>
          <strong>{b.totals.final}</strong>
        </dd>
      </dl>
      {b.totals.vetoed ? (
        <div className="veto" data-testid="breakdown-veto">
          <p className="badge badge-danger">
            {t('assessment.vetoed')} · {t('assessment.breakdown.notCommendable')}
          </p>
          {b.vetoFacts.length > 0 ? <FactLinks facts={b.vetoFacts} /> : null}
        </div>
      ) : null}
      {b.assessedWeightPct !== null && b.assessedWeightPct < 100 ? (
        <p>{t('assessment.breakdown.assessedWeight', { pct: b.assessedWeightPct })}</p>
      ) : null}
      {b.atRisk.map((risk) => (
        <p key={risk.ruleId} className="warning">
          {t('assessment.breakdown.atRisk', { label: risk.label, have: risk.have, need: risk.need })}
        </p>
      ))}
      <div className="table-scroll">
        <table className="breakdown-lines">
          <thead>
            <tr>
              <th scope="col">{t('assessment.breakdown.rule')}</th>
              <th scope="col">{t('assessment.breakdown.points')}</th>
              <th scope="col">{t('assessment.breakdown.detail')}</th>
              <th scope="col">{t('assessment.breakdown.records')}</th>
            </tr>
          </thead>
          <tbody>
            {b.lines.map((line, index) => (
              <tr key={`${line.ruleId}-${index}`} data-rule={line.ruleId}>
                <td>
                  {line.label}
                  {line.source ? (
                    <div className="source">
                      {t('assessment.breakdown.source')}：{line.source}
                    </div>
                  ) : null}
                </td>
                <td className={`points${line.points < 0 ? ' negative' : ''}`}>{line.display}</td>
                <td className="detail">{line.detail ? scoreDetailText(line.detail, language) : ''}</td>
                <td className="records">
                  <FactLinks facts={line.facts} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
