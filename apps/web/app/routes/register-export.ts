import { caseDataRoles } from '@tally/db/roles';
import { registerDefs } from '@tally/db/registers';
import type { ExportColumn, ExportRow } from '@tally/imports';
import { displayValue } from '../components/registers/field-display.ts';
import { pageHandler } from '../.server/page-errors.ts';
import { requireCaller, requireRole } from '../.server/request.ts';
import { filtersFromSearch, registerFromParams } from '../.server/registers/search-params.ts';
import { exportOrRefusal, formatFromUrl, keysetPages, spreadsheetResponse } from '../.server/spreadsheet-response.ts';
import type { Route } from './+types/register-export';

/**
 * A filtered register list as .xlsx or CSV. Headers are the Chinese labels and values their words, so the file imports
 * back unchanged; formula-looking text is neutralised by the writer.
 */
export const loader = pageHandler(async ({ request, context, params }: Route.LoaderArgs) => {
  const key = registerFromParams(params);
  const { caller, actor } = await requireCaller(request, context);
  await requireRole(actor, caseDataRoles, request, context);
  const url = new URL(request.url);
  const format = formatFromUrl(url);
  const def = registerDefs[key];
  const filters = { register: key, ...filtersFromSearch(key, url.searchParams) };
  // The first page answers the refusals (too many rows, a unit out of scope) before any byte is sent.
  const first = await exportOrRefusal(request, () => caller.registers.exportRows(filters));
  if (!first.ok) return first.response;
  const columns: ExportColumn[] = [
    { key: 'unitName', header: '单位' },
    ...def.fields.map((field) => ({ key: field.key, header: field.label })),
  ];
  const asSheetRow = (row: (typeof first.value.rows)[number]): ExportRow => ({
    unitName: row.unitName,
    ...Object.fromEntries(
      def.fields.map((field) => {
        const value = row.values[field.key] as string | number | null;
        // Counts stay numbers so Excel can sum them, dates ISO so it can sort them; everything else as the clerk reads it.
        if (field.type === 'date') return [field.key, value];
        return [
          field.key,
          typeof value === 'number' && !field.enum ? value : displayValue(field, value, 'zh-CN') || null,
        ];
      }),
    ),
  });
  const pages = keysetPages(
    first.value,
    (cursor) => caller.registers.exportRows({ ...filters, cursor }),
    (page) => page.rows.map(asSheetRow),
  );
  return spreadsheetResponse(pages, columns, format, { asciiName: key, title: def.label });
});
