import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { createDb } from '@tally/db';
import { registerDefs } from '@tally/db/registers';
import type { ExportColumn, ExportRow } from '@tally/imports';
import { createCaller } from '@tally/web/server/routers/root.ts';
import { keysetPages, spreadsheetResponse } from '@tally/web/server/spreadsheet-response.ts';
import { actorByLogin, provisionTwoCounties } from '../setup/two-counties.ts';
import { openBenchDatabase } from './support/bench-database.ts';

/*
 * Peak memory of a 198,081-row register export (the size that took a server from 767 MiB
 * to 2,265 MiB): the streamed .xlsx and CSV as the export route writes them (keyset pages
 * through `registers.exportRows`, `spreadsheetResponse`), two streamed .xlsx at once, and,
 * as the reference, the former way: every row in one array, then one in-memory workbook.
 * Each runs in its own process so one's heap never colours another's peak.
 */
const ROWS = 198_081;
type Mode = 'csv stream' | 'xlsx stream' | 'xlsx stream ×2' | 'xlsx whole (former)';
const MODES: Mode[] = ['csv stream', 'xlsx stream', 'xlsx stream ×2', 'xlsx whole (former)'];
const MiB = 1024 * 1024;

if (process.argv[2] === 'child') await child(process.argv[3] as Mode, process.argv[4]!, process.argv[5]!);
else await main();

async function main() {
  const database = await openBenchDatabase();
  const owner = database.owner.db;
  await provisionTwoCounties(owner);
  const villages = (
    await owner.execute(sql`select code from units where county_id = 1 and level = 'village' order by code`)
  ).map((row) => String(row.code));
  const creator = String((await owner.execute(sql`select id from users where login_name = 'a_cun0101'`))[0]!.id);
  await owner.execute(sql`
    insert into meetings (county_id, unit_code, fingerprint, created_by, held_on, kind, topic, host, attendees, decisions, absent_count)
    select 1, (${sql.raw(`array[${villages.map((code) => `'${code}'`).join(',')}]`)})[1 + i % ${villages.length}],
           md5(i::text), ${creator}, date '2024-01-01' + (i % 700), (array['director_weekly','member_monthly','joint'])[1 + i % 3],
           '第' || i || '次矛盾纠纷排查调处工作例会', '王建国', '王建国、李明、张华、赵丽', '对排查出的' || (i % 9) || '件纠纷逐件落实包案责任人，限期化解并回访。', i % 4
    from generate_series(1, ${ROWS}) as i`);
  await owner.execute(sql`vacuum analyze meetings`);
  process.stdout.write(
    `fixture: ${ROWS.toLocaleString('en')} meetings in one county; exported by county staff (whole county)\n\n`,
  );
  const script = fileURLToPath(import.meta.url);
  const results: Array<{ mode: Mode; peak: number; base: number; bytes: number; ms: number }> = [];
  for (const mode of MODES) {
    const run = spawnSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', script, 'child', mode, database.ownerUrl, database.appUrl],
      { encoding: 'utf8' },
    );
    if (run.status !== 0) {
      process.stderr.write(run.stderr);
      throw new Error(`${mode} failed`);
    }
    results.push({ mode, ...JSON.parse(run.stdout.trim().split('\n').at(-1)!) });
  }
  const reference = results.find((result) => result.mode === 'xlsx whole (former)')!;
  process.stdout.write('mode                   peak RSS   growth   file      time    growth vs former\n');
  for (const result of results) {
    const growth = result.peak - result.base;
    process.stdout.write(
      `${result.mode.padEnd(22)} ${(result.peak / MiB).toFixed(0).padStart(5)} MiB ${(growth / MiB).toFixed(0).padStart(5)} MiB ${(result.bytes / MiB).toFixed(1).padStart(5)} MiB ${(result.ms / 1000).toFixed(1).padStart(5)} s   ${(growth / (reference.peak - reference.base)).toFixed(2)}×\n`,
    );
  }
  await database.close();
}

/** One export in a fresh process; prints its baseline and peak RSS (sampled every 10 ms), bytes and time as JSON. */
async function child(mode: Mode, ownerUrl: string, appUrl: string) {
  const owner = createDb(ownerUrl, { max: 1 });
  const app = createDb(appUrl, { max: 4 });
  const caller = createCaller({
    db: app.db,
    actor: await actorByLogin(owner.db, 'a_staff'),
    ip: null,
    now: new Date(),
  });
  const def = registerDefs.meetings;
  const columns: ExportColumn[] = [
    { key: 'unitName', header: '单位' },
    ...def.fields.map((field) => ({ key: field.key, header: field.label })),
  ];
  type Page = Awaited<ReturnType<typeof caller.registers.exportRows>>;
  const shape = (page: Page): ExportRow[] =>
    page.rows.map((row) => ({ unitName: row.unitName, ...(row.values as ExportRow) }));
  const filters = { register: 'meetings' as const };

  globalThis.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const started = Date.now();
  const streamed = async (format: 'csv' | 'xlsx') => {
    const first = await caller.registers.exportRows(filters);
    const pages = keysetPages(first, (cursor) => caller.registers.exportRows({ ...filters, cursor }), shape);
    const response = spreadsheetResponse(pages, columns, format, { asciiName: 'meetings', title: def.label });
    let bytes = 0;
    const reader = response.body!.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) bytes += read.value.byteLength;
    return bytes;
  };
  let bytes = 0;
  if (mode === 'csv stream') bytes = await streamed('csv');
  else if (mode === 'xlsx stream') bytes = await streamed('xlsx');
  else if (mode === 'xlsx stream ×2')
    bytes = (await Promise.all([streamed('xlsx'), streamed('xlsx')])).reduce((a, b) => a + b, 0);
  else {
    const rows: ExportRow[] = [];
    for await (const page of keysetPages(
      await caller.registers.exportRows(filters),
      (cursor) => caller.registers.exportRows({ ...filters, cursor }),
      shape,
    ))
      rows.push(...page);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(def.label);
    sheet.columns = columns.map((c) => ({ header: c.header, key: c.key }));
    for (const row of rows) sheet.addRow(row);
    bytes = (await workbook.xlsx.writeBuffer()).byteLength;
  }
  const ms = Date.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  await app.close();
  await owner.close();
  process.stdout.write(`${JSON.stringify({ base, peak, bytes, ms })}\n`);
}
