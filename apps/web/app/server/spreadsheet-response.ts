import { shanghaiDate } from '@tally/casework';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { toCsv, toXlsx, type ExportColumn, type ExportRow } from '@tally/imports';
import { languageFromCookie, translator } from '../i18n/index.ts';
import { UserFacingError } from './errors.ts';

export type SpreadsheetFormat = 'csv' | 'xlsx';

/** `?format=csv` or .xlsx, the default (what the offices open). */
export function formatFromUrl(url: URL): SpreadsheetFormat {
  return url.searchParams.get('format') === 'csv' ? 'csv' : 'xlsx';
}

/**
 * A download of rows as .xlsx or CSV (UTF-8 with BOM, so Excel on Chinese Windows opens
 * it). `asciiName` is the plain file name for old clients; `title` names the Chinese one
 * and the sheet, dated so that repeated exports do not overwrite each other.
 */
export async function spreadsheetResponse(
  rows: readonly ExportRow[], columns: readonly ExportColumn[], format: SpreadsheetFormat, names: { asciiName: string; title: string },
): Promise<Response> {
  const body = format === 'csv' ? toCsv(rows, columns) : await toXlsx(rows, columns, names.title);
  // Named by the day in Beijing, not UTC (a day behind before 08:00).
  const fileName = `${names.title}-${shanghaiDate(new Date())}.${format}`;
  return new Response(new Uint8Array(body), {
    headers: {
      'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${names.asciiName}.${format}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      'cache-control': 'no-store',
    },
  });
}

/**
 * Run an export's query; a refusal (too many rows, a unit out of scope) comes back with its
 * own status (400, 404) in the user's words instead of a file.
 */
export async function exportOrRefusal<T>(request: Request, work: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; response: Response }> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (!(error instanceof UserFacingError)) throw error;
    const t = translator(languageFromCookie(request.headers.get('cookie')));
    return { ok: false, response: new Response(t(error.messageKey, error.params), { status: getHTTPStatusCodeFromError(error), headers: { 'content-type': 'text/plain; charset=utf-8' } }) };
  }
}
