import { Link } from 'react-router';
import type { PeriodicKind } from '@tally/reporting';
import { useI18n } from '../../lib/i18n-context.ts';
import { kindKey, periodLabel } from '../../lib/report-labels.ts';

export interface OverviewTilesData {
  ranking: {
    href: string;
    top: { unitName: string; final: string; rank: number }[];
    bottom: { unitName: string; final: string; rank: number; vetoed: boolean }[];
  };
  overdue: { href: string; count: number };
  /** Per kind the county's obligations name: the latest period whose deadline has passed. */
  missingReports: {
    href: string;
    count: number;
    lines: { kind: PeriodicKind; periodKey: string; missing: number; late: number; href: string }[];
  };
  belowTarget: { href: string; items: { unitName: string; indicator: string; display: string }[] };
}

/** The county office's first look: best and worst three, overdue cases, missing reports, rates below target; each a link. */
export function OverviewTiles({ data }: { data: OverviewTilesData }) {
  const { t, language } = useI18n();
  return (
    <>
      <h2>{t('dashboard.tiles.title')}</h2>
      <ul className="overview-tiles" data-testid="overview-tiles">
        <li>
          <h3>
            <Link to={data.ranking.href}>{t('dashboard.tiles.top')}</Link>
          </h3>
          {data.ranking.top.length === 0 ? (
            <p>{t('dashboard.tiles.noRanking')}</p>
          ) : (
            <ol>
              {data.ranking.top.map((row) => (
                <li key={row.unitName} value={row.rank}>
                  {row.unitName} {row.final}
                </li>
              ))}
            </ol>
          )}
        </li>
        <li>
          <h3>
            <Link to={data.ranking.href}>{t('dashboard.tiles.bottom')}</Link>
          </h3>
          {data.ranking.bottom.length === 0 ? (
            <p>{t('dashboard.tiles.noRanking')}</p>
          ) : (
            <ol>
              {data.ranking.bottom.map((row) => (
                <li key={row.unitName} value={row.rank}>
                  {row.unitName} {row.final}
                  {row.vetoed ? ` · ${t('assessment.vetoed')}` : ''}
                </li>
              ))}
            </ol>
          )}
        </li>
        <li>
          <h3>
            <Link to={data.overdue.href}>{t('dashboard.tiles.overdue')}</Link>
          </h3>
          <p className={`tile-figure${data.overdue.count > 0 ? ' below-target' : ''}`}>{data.overdue.count}</p>
        </li>
        <li data-testid="tile-missing-reports">
          {/* Loaded as a document: the browser scrolls to the period's column and marks it :target. */}
          <h3>
            <Link to={data.missingReports.href} reloadDocument>
              {t('dashboard.tiles.missingReports')}
            </Link>
          </h3>
          {data.missingReports.lines.length === 0 ? (
            <p className="muted">{t('dashboard.tiles.missingReports.none')}</p>
          ) : (
            <>
              <p className={`tile-figure${data.missingReports.count > 0 ? ' below-target' : ''}`}>
                {data.missingReports.count}
              </p>
              <ul>
                {data.missingReports.lines.map((line) => (
                  <li key={line.kind}>
                    <Link to={line.href} reloadDocument>
                      {t('dashboard.tiles.missingReports.line', {
                        kind: t(kindKey(line.kind)),
                        period: periodLabel(line.periodKey, language),
                        missing: line.missing,
                        late: line.late,
                      })}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          )}
        </li>
        <li>
          <h3>
            <Link to={data.belowTarget.href}>{t('dashboard.tiles.belowTarget')}</Link>
          </h3>
          {data.belowTarget.items.length === 0 ? (
            <p>{t('dashboard.tiles.belowTarget.none')}</p>
          ) : (
            <ul>
              {data.belowTarget.items.slice(0, 6).map((item) => (
                <li key={`${item.unitName}-${item.indicator}`}>
                  {item.unitName} {item.indicator} <span className="below-target">{item.display}</span>
                </li>
              ))}
            </ul>
          )}
        </li>
      </ul>
    </>
  );
}
