import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shanghaiDate } from '@tally/casework';
import { chromiumPath, signIn, useJourney, type Journey, clickNav } from '../setup/browser-journey.ts';

let journey: Journey;

/*
 * Reports upward on the screens: a village files this month's 月报, its township returns it with
 * a comment, the village corrects and files again, the township accepts, and the county's
 * matrix shows the cell on time with a link to the report. This month's report is filed while
 * its period runs, so it is on time whatever day the journey runs.
 */
const today = shanghaiDate(new Date());
const periodLabel = `${today.slice(0, 4)}年${Number(today.slice(5, 7))}月`;

/**
 * Elements of the page's content wider than a 390 px screen, outside the boxes that scroll on
 * their own. (The top bar is the layout's, shared by every page, and not measured here.)
 */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('main *')]
      .filter((element) => !element.closest('.table-scroll') && element.getBoundingClientRect().right > 391)
      .map((element) => `${element.tagName}.${element.className}`),
  );
}

async function openOwnReport(page: Page) {
  await clickNav(page, '报告报送');
  await page
    .getByTestId('own-reports')
    .locator('tr', { hasText: periodLabel })
    .getByRole('button', { name: '填报' })
    .click();
  await page.getByRole('heading', { name: new RegExp(`${periodLabel} 月报`) }).waitFor();
}

describe.skipIf(!chromiumPath)(
  'browser journey: a village files, the township returns, the village files again, the county sees it',
  () => {
    journey = useJourney();

    it('files, returns with a comment, files again, accepts; the county matrix shows the cell', async () => {
      const page = await journey.browser.newPage({ viewport: { width: 390, height: 844 } });
      await signIn(page, journey.app.url, 'cun0101');
      await openOwnReport(page);
      // One column at 390 px: the form fits the screen.
      await expect(overflowing(page)).resolves.toEqual([]);
      await page.getByLabel('工作开展情况').fill('开展矛盾纠纷排查两次，调处纠纷一件。');
      await page.getByRole('button', { name: '提交报告' }).click();
      await page.getByRole('status').filter({ hasText: '报告已提交' }).waitFor();
      await page.getByTestId('report-state').filter({ hasText: '已提交' }).waitFor();
      const reportUrl = page.url();

      await signIn(page, journey.app.url, 'zhen01');
      await page
        .getByTestId('reports-todo')
        .getByRole('link', { name: /份下级报告待审核/ })
        .click();
      await page.getByTestId('to-review').getByRole('link').first().click();
      await page.getByLabel('审核意见').fill('请补充调解情况。');
      await page.getByRole('button', { name: '退回' }).click();
      await page.getByRole('status').filter({ hasText: '审核结果已保存' }).waitFor();
      await page.getByTestId('report-state').filter({ hasText: '已退回' }).waitFor();

      await signIn(page, journey.app.url, 'cun0101');
      await page
        .getByTestId('reports-todo')
        .getByRole('link', { name: /被退回/ })
        .click();
      await expect(page.getByTestId('report-versions').textContent()).resolves.toContain('请补充调解情况。');
      await page.getByLabel('工作开展情况').fill('开展矛盾纠纷排查两次，调处纠纷一件，调解成功。');
      await page.getByRole('button', { name: '提交报告' }).click();
      await page.getByRole('status').filter({ hasText: '报告已提交' }).waitFor();

      await signIn(page, journey.app.url, 'zhen01');
      await page.goto(reportUrl);
      await page.getByRole('button', { name: '审核通过' }).click();
      await page.getByRole('status').filter({ hasText: '审核结果已保存' }).waitFor();
      await page.getByTestId('report-state').filter({ hasText: '已通过' }).waitFor();

      await signIn(page, journey.app.url, 'admin');
      await page.goto(`${journey.app.url}/reports/matrix?kind=monthly&year=${today.slice(0, 4)}&level=village`);
      const villageCode = (
        await journey.database.owner.client`select unit_code from users where login_name = 'cun0101'`
      )[0]!.unit_code as string;
      const cell = page.locator(`td[id="${villageCode}:monthly:${today.slice(0, 7)}"]`);
      await expect(cell.textContent()).resolves.toBe('按时');
      await cell.getByRole('link').click();
      await page.waitForURL(reportUrl);
      await page.getByTestId('report-versions').locator('li').nth(1).waitFor();
      await expect(page.getByTestId('report-versions').locator('li').count()).resolves.toBe(2);
      // On paper: the A4 page and the Word document.
      await page.goto(`${reportUrl}/print`);
      await expect(page.getByTestId('report-paper').textContent()).resolves.toContain(
        '一、工作开展情况开展矛盾纠纷排查两次，调处纠纷一件，调解成功。',
      );
      const docx = await page.request.get(`${reportUrl}/docx`);
      expect(docx.status()).toBe(200);
      expect(docx.headers()['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
      // The matrix scrolls inside its own box at 390 px.
      await page.goto(`${journey.app.url}/reports/matrix`);
      await expect(overflowing(page)).resolves.toEqual([]);
      await page.close();
    });

    it('a village files a 第一时间报告 and the township’s open page receives it without a reload', async () => {
      const township = await journey.browser.newPage();
      await signIn(township, journey.app.url, 'zhen01');
      await township.goto(`${journey.app.url}/reports/immediate`);
      await township.getByTestId('immediate-list').waitFor();
      // The township's page holds its event stream open before the village files.
      await township.locator('section[data-stream="open"]').waitFor();
      const village = await journey.browser.newPage();
      await signIn(village, journey.app.url, 'cun0101');
      await village.goto(`${journey.app.url}/reports/immediate`);
      const at = (minutesAgo: number) =>
        new Date(Date.now() + 8 * 3_600_000 - minutesAgo * 60_000).toISOString().slice(0, 16);
      await village.getByLabel('标题').fill('村口聚集');
      await village.getByLabel('发生时间').fill(at(30));
      await village.getByLabel('知悉时间').fill(at(20));
      await village.getByLabel('简要情况').fill('约二十名村民在村口聚集，已劝离。');
      await village.getByRole('button', { name: '立即报告' }).click();
      await village.getByRole('status').filter({ hasText: '第一时间报告已报送' }).waitFor();
      await township.getByRole('status').filter({ hasText: '收到新的第一时间报告' }).waitFor();
      await township
        .getByTestId('immediate-list')
        .locator('tr', { hasText: '村口聚集' })
        .filter({ hasText: '1 小时内' })
        .waitFor();
      await village.close();
      await township.close();
    });

    it('the forms work without JavaScript', async () => {
      const context = await journey.browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await signIn(page, journey.app.url, 'cun0102');
      await page.goto(`${journey.app.url}/reports`);
      await page
        .getByTestId('own-reports')
        .locator('tr', { hasText: periodLabel })
        .getByRole('button', { name: '填报' })
        .click();
      await page.getByRole('heading', { name: new RegExp(`${periodLabel} 月报`) }).waitFor();
      await page.getByLabel('存在问题').fill('无 JavaScript 也能保存。');
      await page.getByRole('button', { name: '保存草稿' }).click();
      await page.getByRole('status').filter({ hasText: '草稿已保存' }).waitFor();
      await expect(page.getByLabel('存在问题').inputValue()).resolves.toBe('无 JavaScript 也能保存。');
      await context.close();
    });
  },
);
