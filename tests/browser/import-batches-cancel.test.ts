import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumPath, signIn, useJourney, type Journey } from '../setup/browser-journey.ts';

let journey: Journey;

const CSV = ['会议日期,会议类型,议题,主持人,参会人员', '2026-03-02,主任例会,部署春季矛盾纠纷排查,王建国,王建国、李明'];

/** The upload page with scripts: the file goes by XHR and the browser lands on the batch's preview. */
async function upload(page: Page, name: string): Promise<string> {
  await page.goto(`${journey.app.url}/registers/meetings/import`);
  await page
    .getByLabel('选择文件')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(`${CSV.join('\r\n')}\r\n`, 'utf8') });
  await page.getByRole('button', { name: '上传并预览' }).click();
  await page.waitForURL(/\/registers\/meetings\/import\/[0-9a-f-]{36}$/);
  await page.getByTestId('import-counts').waitFor();
  return new URL(page.url()).pathname.split('/').pop()!;
}

describe.skipIf(!chromiumPath)('browser journey: a clerk cancels an upload from the unit’s import list', () => {
  journey = useJourney();

  it('the uploaded file is listed at /imports; cancelling it drops its file and rows and leaves it cancelled', async () => {
    const page = await journey.browser.newPage();
    await signIn(page, journey.app.url, 'cun0101');
    const id = await upload(page, '三月会议.csv');

    await page.goto(`${journey.app.url}/imports`);
    const row = page.getByTestId('import-batches').locator('tbody tr').filter({ hasText: '三月会议.csv' });
    await expect(row.count()).resolves.toBe(1);
    await expect(row.locator('td').nth(2).textContent()).resolves.toBe('已预览，待确认导入');

    await row.getByRole('button', { name: '取消' }).click();
    await expect(page.locator('.notice-success').textContent()).resolves.toContain('已取消该批次');
    // Still listed, for the record, as cancelled and with nothing left to cancel.
    await row.locator('td').nth(2).getByText('已取消', { exact: true }).waitFor();
    await expect(row.getByRole('button', { name: '取消' }).count()).resolves.toBe(0);
    const [left] = await journey.database.owner.client`select status, file_bytes is null as dropped,
      (select count(*)::int from import_rows r where r.batch_id = b.id) as staged from import_batches b where id = ${id}`;
    expect(left).toEqual({ status: 'cancelled', dropped: true, staged: 0 });
    await page.close();
  });
});
