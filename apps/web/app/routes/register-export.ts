import type { LoaderFunctionArgs } from 'react-router';
import { caseDataRoles } from '@tally/db/roles';
import { registerDefs } from '@tally/db/registers';
import { toCsv, toXlsx, type ExportColumn, type ExportRow } from '@tally/imports';
import { displayValue } from '../components/registers/field-display.ts';
import { requireCaller, requireRole } from '../server/request.ts';
import { UserFacingError } from '../server/errors.ts';
import { filtersFromSearch, registerFromParams } from '../server/registers/search-params.ts';
import { translator, languageFromCookie } from '../i18n/index.ts';

/**
 * A filtered register list as .xlsx or CSV (UTF-8 with BOM, so Excel on Chinese Windows
 * opens it). Headers are the Chinese labels and values their words, so the file imports
 * back unchanged; formula-looking text is neutralised by the writer.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const key = registerFromParams(params);
  const { caller, actor } = await requireCaller(request, context);
  await requireRole(actor, caseDataRoles, request, context);
  const url = new URL(request.url);
  const format = url.searchParams.get('format') === 'csv' ? 'csv' : 'xlsx';
  const def = registerDefs[key];
  let rows;
  try {
    rows = await caller.registers.exportRows({ register: key, ...filtersFromSearch(key, url.searchParams) });
  } catch (error) {
    if (error instanceof UserFacingError) {
      const t = translator(languageFromCookie(request.headers.get('cookie')));
      return new Response(t(error.messageKey, error.params), { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    }
    throw error;
  }
  const columns: ExportColumn[] = [{ key: 'unitName', header: '单位' }, ...def.fields.map((field) => ({ key: field.key, header: field.label }))];
  const exportRows: ExportRow[] = rows.map((row) => ({
    unitName: row.unitName,
    ...Object.fromEntries(def.fields.map((field) => {
      const value = row.values[field.key] as string | number | null;
      // Counts stay numbers so Excel can sum them; everything else as the clerk reads it.
      return [field.key, typeof value === 'number' && !field.enum ? value : displayValue(field, value, 'zh-CN') || null];
    })),
  }));
  const stamp = new Date().toISOString().slice(0, 10);
  const fileName = `${def.label}-${stamp}.${format}`;
  const body = format === 'csv' ? toCsv(exportRows, columns) : await toXlsx(exportRows, columns, def.label);
  return new Response(new Uint8Array(body), {
    headers: {
      'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${key}.${format}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      'cache-control': 'no-store',
    },
  });
}
