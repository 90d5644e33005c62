import { shanghaiDate } from '@tally/casework';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { csvChunks, writeXlsx, type ExportColumn, type ExportPages, type ExportRow } from '@tally/imports';
import { languageFromCookie, translator } from '../i18n/index.ts';
import { UserFacingError } from './errors.ts';
import { log } from './log.ts';

export type SpreadsheetFormat = 'csv' | 'xlsx';

/** `?format=csv` or .xlsx, the default (what the offices open). */
export function formatFromUrl(url: URL): SpreadsheetFormat {
  return url.searchParams.get('format') === 'csv' ? 'csv' : 'xlsx';
}

/**
 * A download of rows as .xlsx or CSV (UTF-8 with BOM, so Excel on Chinese Windows opens
 * it). `asciiName` is the plain file name for old clients; `title` names the Chinese one
 * and the sheet, dated so that repeated exports do not overwrite each other.
 *
 * The body streams: `rows` may be pages fetched one after another (a keyset-paged query),
 * each written and let go before the next is read, so a 200,000-row export costs about one
 * page of memory. Refusals must come before this call (see `exportOrRefusal`): once the
 * headers are out, a failure can only cut the download short, and is logged.
 */
export function spreadsheetResponse(
  rows: readonly ExportRow[] | ExportPages,
  columns: readonly ExportColumn[],
  format: SpreadsheetFormat,
  names: { asciiName: string; title: string },
): Response {
  const pages: ExportPages = isRowArray(rows) ? [rows] : rows;
  const body = new PassThrough();
  const fail = (error: unknown) => {
    log.error({ err: error, export: names.asciiName }, 'export stream failed');
    body.destroy(error instanceof Error ? error : new Error('export failed'));
  };
  if (format === 'csv') pipeline(Readable.from(csvChunks(pages, columns)), body).catch(fail);
  else writeXlsx(pages, columns, names.title, body).catch(fail);
  // Named by the day in Beijing, not UTC (a day behind before 08:00).
  const fileName = `${names.title}-${shanghaiDate(new Date())}.${format}`;
  return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, {
    headers: {
      'content-type':
        format === 'csv'
          ? 'text/csv; charset=utf-8'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${names.asciiName}.${format}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      'cache-control': 'no-store',
    },
  });
}

/**
 * The pages of a keyset-paged export, starting from the first page already fetched (it
 * carried the refusals): each next page is asked for only when the writer wants it.
 */
export async function* keysetPages<Page extends { next: string | null }>(
  first: Page,
  fetchAfter: (cursor: string) => Promise<Page>,
  shape: (page: Page) => readonly ExportRow[],
): AsyncGenerator<readonly ExportRow[]> {
  let page: Page | null = first;
  while (page) {
    yield shape(page);
    page = page.next ? await fetchAfter(page.next) : null;
  }
}

function isRowArray(rows: readonly ExportRow[] | ExportPages): rows is readonly ExportRow[] {
  return Array.isArray(rows) && (rows.length === 0 || !Array.isArray(rows[0]));
}

/**
 * Run an export's query; a refusal (too many rows, a unit out of scope) comes back with its
 * own status (400, 404) in the user's words instead of a file.
 */
export async function exportOrRefusal<T>(
  request: Request,
  work: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; response: Response }> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (!(error instanceof UserFacingError)) throw error;
    const t = translator(languageFromCookie(request.headers.get('cookie')));
    return {
      ok: false,
      response: new Response(t(error.messageKey, error.params), {
        status: getHTTPStatusCodeFromError(error),
        headers: { 'content-type': 'text/plain; charset=utf-8' },
      }),
    };
  }
}
