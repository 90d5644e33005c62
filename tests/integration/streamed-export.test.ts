import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseXlsxRows } from '@tally/imports';
import { buildWebApp, startApp, type RunningApp } from '../setup/app-server.ts';
import { createTestDatabase, ownerRows, type TestDatabase } from '../setup/test-database.ts';
import { signIn } from './support/http-client.ts';

/*
 * A register export large enough to take several keyset pages (2,000 rows each), fetched
 * over HTTP as the office would: the streamed .xlsx opens in exceljs's own reader and in
 * the import's reader, and holds every row once, in list order; the CSV likewise.
 */
const ROWS = 4_501;
let database: TestDatabase;
let app: RunningApp;
let cookie = '';

beforeAll(async () => {
  buildWebApp();
  database = await createTestDatabase();
  // The server loads the demo county's units and users on its first start.
  app = await startApp(database.ownerUrl);
  const [clerk] = await ownerRows(
    database,
    `select u.id, u.county_id, u.unit_code from users u where u.login_name = 'cun0101'`,
  );
  // Dates repeat (every 300th row shares a day), so the keyset's id tie-break is exercised across page edges.
  await ownerRows(
    database,
    `
    insert into meetings (county_id, unit_code, fingerprint, created_by, held_on, kind, topic, attendees, absent_count)
    select $1, $2, md5('stream' || i), $3, date '2025-01-01' + (i % 300), 'joint', '=第' || i || '次会议', '王建国、李明', i % 4
    from generate_series(1, ${ROWS}) as i`,
    clerk!.county_id,
    clerk!.unit_code,
    clerk!.id,
  );
  cookie = await signIn(app.url, 'cun0101');
});
afterAll(async () => {
  await app?.stop();
  await database?.drop();
});

/** Topics in list order (date, then id, newest first), as the export must write them. */
async function expectedTopics(): Promise<string[]> {
  const rows = await ownerRows(
    database,
    `select topic from meetings where topic like '=第%' order by held_on desc, id desc`,
  );
  return rows.map((row) => `'${String(row.topic)}`);
}

describe('streamed register export', () => {
  it('.xlsx: opens, every row once in list order, formulas neutralised, audited once', async () => {
    const response = await fetch(`${app.url}/registers/meetings/export`, { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const bytes = Buffer.from(await response.arrayBuffer());

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('会议记录');
    expect(sheet.rowCount).toBe(ROWS + 1);

    const rows: unknown[][] = [];
    for await (const row of parseXlsxRows(bytes)) rows.push(row.cells);
    expect(rows[0]).toContain('会议主题');
    const topicColumn = (rows[0] as string[]).indexOf('会议主题');
    expect(rows.slice(1).map((cells) => cells[topicColumn])).toEqual(await expectedTopics());

    const audit = await ownerRows(database, `select detail from audit_log where action = 'registers.export'`);
    expect(audit.map((row) => (row.detail as { rows: number }).rows)).toEqual([ROWS]);
  });

  it('CSV: the same rows, BOM first', async () => {
    const response = await fetch(`${app.url}/registers/meetings/export?format=csv`, { headers: { cookie } });
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes
      .toString('utf8')
      .slice(1)
      .split('\r\n')
      .filter((line) => line.length > 0);
    expect(lines).toHaveLength(ROWS + 1);
    const topicColumn = lines[0]!.split(',').indexOf('会议主题');
    expect(lines.slice(1).map((line) => line.split(',')[topicColumn])).toEqual(await expectedTopics());
  });

  it('the auditor exports the filtered audit log with names, without the detail column', async () => {
    const auditor = await signIn(app.url, 'auditor');
    const response = await fetch(`${app.url}/audit/export?format=csv&action=registers`, {
      headers: { cookie: auditor },
    });
    expect(response.status).toBe(200);
    // text() drops the BOM.
    const lines = (await response.text()).split('\r\n').filter((line) => line.length > 0);
    expect(lines[0]).toBe('时间,操作人账号,操作人,所在单位,角色,操作,操作代码,对象类型,对象,对象编号,结果,IP');
    // The two register exports above, named; the export's filters (the detail) are not in the file.
    expect(lines.slice(1)).toHaveLength(2);
    expect(
      lines
        .slice(1)
        .every((line) => line.includes(',cun0101,') && line.includes(',导出台账,registers.export,会议记录,')),
    ).toBe(true);
    expect(lines.join('\n')).not.toContain('filters');
    // Not for anyone else: the clerk gets 403.
    expect((await fetch(`${app.url}/audit/export`, { headers: { cookie } })).status).toBe(403);
  });
});
