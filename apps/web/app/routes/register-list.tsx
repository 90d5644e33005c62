import { Link, useLoaderData } from 'react-router';
import { caseDataRoles } from '@tally/db/roles';
import { registerDefs } from '@tally/db/registers';
import { labelOf } from '../components/registers/field-display.ts';
import { ListFilters } from '../components/registers/list-filters.tsx';
import { RowsTable } from '../components/registers/rows-table.tsx';
import { useI18n } from '../lib/i18n-context.ts';
import { pageHandler } from '../.server/page-errors.ts';
import { requireCaller, requireRole } from '../.server/request.ts';
import { filtersFromSearch, registerFromParams } from '../.server/registers/search-params.ts';
import { titleHandle, type LoaderData } from '../lib/page-title.ts';
import type { Route } from './+types/register-list';

export const loader = pageHandler(async ({ request, context, params }: Route.LoaderArgs) => {
  const key = registerFromParams(params);
  const { caller, actor } = await requireCaller(request, context);
  await requireRole(actor, caseDataRoles, request, context);
  const url = new URL(request.url);
  const [page, units] = await Promise.all([
    caller.registers.list({
      register: key,
      ...filtersFromSearch(key, url.searchParams),
      cursor: url.searchParams.get('cursor') ?? undefined,
    }),
    caller.units.tree(),
  ]);
  return {
    key,
    def: registerDefs[key],
    page,
    units: units.filter((unit) => unit.active),
    search: url.search,
    myUnit: actor.unitCode,
  };
});

/** The same query string with another cursor (or none), so paging keeps the filters. */
function withCursor(search: string, cursor: string | null): string {
  const params = new URLSearchParams(search);
  if (cursor) params.set('cursor', cursor);
  else params.delete('cursor');
  return `?${params.toString()}`;
}

type Loaded = LoaderData<typeof loader>;
export const handle = titleHandle<Loaded>((_t, data, language) => labelOf(data.def, language));

export default function RegisterList() {
  const { key, def, page, units, search } = useLoaderData<typeof loader>();
  const { language, t } = useI18n();
  const searchParams = new URLSearchParams(search);
  const exportQuery = withCursor(search, null).slice(1);
  return (
    <section>
      <p>
        <Link to="/registers">{t('registers.title')}</Link> ›
      </p>
      <h1>{labelOf(def, language)}</h1>
      <p className="toolbar">
        <Link to="new" className="button">
          {t('registers.new')}
        </Link>
        <Link to="import">{t('registers.import')}</Link>
        <a href={`/registers/${key}/export?format=xlsx&${exportQuery}`} download>
          {t('registers.exportXlsx')}
        </a>
        <a href={`/registers/${key}/export?format=csv&${exportQuery}`} download>
          {t('registers.exportCsv')}
        </a>
      </p>
      <ListFilters def={def} units={units} search={searchParams} />
      <p className="count" data-testid="register-total">
        {t(page.totalIsLowerBound ? 'registers.totalMore' : 'registers.total', {
          total: page.total.toLocaleString(language),
        })}
      </p>
      <RowsTable def={def} rows={page.rows} showUnit={units.length > 1} />
      <nav className="pager">
        {page.previous ? <Link to={withCursor(search, page.previous)}>{t('registers.previous')}</Link> : null}
        {page.next ? <Link to={withCursor(search, page.next)}>{t('registers.next')}</Link> : null}
      </nav>
    </section>
  );
}
