import { Link } from 'react-router';
import { useI18n } from '../../lib/i18n-context.ts';

export interface OverviewTilesData {
  ranking: { href: string; top: { unitName: string; final: string; rank: number }[]; bottom: { unitName: string; final: string; rank: number; vetoed: boolean }[] };
  overdue: { href: string; count: number };
  missingReports: { href: string; count: number | null };
  belowTarget: { href: string; items: { unitName: string; indicator: string; display: string }[] };
}

/** The county office's first look: best and worst three, overdue cases, missing reports, rates below target; each a link. */
export function OverviewTiles({ data }: { data: OverviewTilesData }) {
  const { t } = useI18n();
  return (
    <>
      <h2>{t('dashboard.tiles.title')}</h2>
      <ul className="overview-tiles" data-testid="overview-tiles">
        <li>
          <h3><Link to={data.ranking.href}>{t('dashboard.tiles.top')}</Link></h3>
          {data.ranking.top.length === 0 ? <p>{t('dashboard.tiles.noRanking')}</p> : (
            <ol>{data.ranking.top.map((row) => <li key={row.unitName} value={row.rank}>{row.unitName} {row.final}</li>)}</ol>
          )}
        </li>
        <li>
          <h3><Link to={data.ranking.href}>{t('dashboard.tiles.bottom')}</Link></h3>
          {data.ranking.bottom.length === 0 ? <p>{t('dashboard.tiles.noRanking')}</p> : (
            <ol>{data.ranking.bottom.map((row) => <li key={row.unitName} value={row.rank}>{row.unitName} {row.final}{row.vetoed ? ` · ${t('assessment.vetoed')}` : ''}</li>)}</ol>
          )}
        </li>
        <li>
          <h3><Link to={data.overdue.href}>{t('dashboard.tiles.overdue')}</Link></h3>
          <p className={`tile-figure${data.overdue.count > 0 ? ' below-target' : ''}`}>{data.overdue.count}</p>
        </li>
        <li data-testid="tile-missing-reports">
          <h3><Link to={data.missingReports.href}>{t('dashboard.tiles.missingReports')}</Link></h3>
          {data.missingReports.count === null ? <p className="muted">{t('dashboard.tiles.missingReports.pending')}</p> : <p className="tile-figure">{data.missingReports.count}</p>}
        </li>
        <li>
          <h3><Link to={data.belowTarget.href}>{t('dashboard.tiles.belowTarget')}</Link></h3>
          {data.belowTarget.items.length === 0 ? <p>{t('dashboard.tiles.belowTarget.none')}</p> : (
            <ul>{data.belowTarget.items.slice(0, 6).map((item) => <li key={`${item.unitName}-${item.indicator}`}>{item.unitName} {item.indicator} <span className="below-target">{item.display}</span></li>)}</ul>
          )}
        </li>
      </ul>
    </>
  );
}
