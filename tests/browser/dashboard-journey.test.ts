import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ruleSetHash, schema } from '@tally/db';
import { defaultRuleSet } from '@tally/scoring';
import { createCaller } from '@tally/web/server/routers/root.ts';
import { chromiumPath, signIn, useJourney, type Journey } from '../setup/browser-journey.ts';
import { actorByLogin } from '../setup/two-counties.ts';

let journey: Journey;
const townships: string[] = [];
let caseId = '';
const COUNTY = '130534000000';
const YEAR = new Date().getUTCFullYear();

/** Screenshots for the report (not committed): Chinese, at the desktop and phone widths the design contract names. */
async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `/tmp/dashboard-${name}.png`, fullPage: true });
}

/*
 * Three townships: A 94 − 2 (a collective petition at its village), B 91, C 88, each minus the
 * quotas they all miss. The county publishes this year's result; the county admin reads it on the
 * dashboard and follows A's −2 to the petition; a township reads the published ranking.
 */
describe.skipIf(!chromiumPath)('browser journey: the county dashboard', () => {
  journey = useJourney();
  beforeAll(async () => {
    const owner = journey.database.owner.db;
    const admin = await actorByLogin(owner, 'admin');
    for (const login of ['zhen01', 'zhen02', 'zhen03']) townships.push((await actorByLogin(owner, login)).unitCode);
    const published = { ...defaultRuleSet(), version: `${YEAR}.1` };
    await owner.insert(schema.assessmentRuleSets).values({
      countyId: 1, year: YEAR, status: 'published', content: published, contentHash: ruleSetHash(published), createdBy: admin.userId, publishedAt: new Date(), publishedBy: admin.userId,
    });
    for (const [index, score] of ['94', '91', '88'].entries()) {
      await owner.insert(schema.inspectionScores).values(['routine', 'half-year', 'year-end'].map((component) => ({
        countyId: 1, unitCode: townships[index]!, year: YEAR, component: component as 'routine', periodNo: component === 'routine' ? 1 : 1, score, enteredByUnit: COUNTY,
        createdBy: admin.userId, createdByName: 'admin',
      })));
    }
    const village = await actorByLogin(owner, 'cun0101');
    const [row] = await owner.insert(schema.petitionCases).values({
      countyId: 1, caseNumber: `130534-${YEAR}-000001`, unitCode: village.unitCode, registeredUnitCode: village.unitCode, receivedAt: new Date(`${YEAR}-01-10T02:00:00Z`),
      channel: 'visit', peopleCount: 8, personTimes: 8, category: 'land_requisition', summary: '征地补偿（8人联名）', status: 'registered', state: {}, petitionerName: '王五', createdBy: village.userId,
    }).returning({ id: schema.petitionCases.id });
    caseId = row!.id;
    const caller = createCaller({ db: journey.database.app.db, actor: admin, ip: '127.0.0.1', now: new Date() });
    await caller.assessment.publishResult({ year: YEAR, period: 'year', scopeCode: COUNTY });
  });

  it('county admin: overview tiles, the published ranking, a township\'s −2 to its petition, trends of three townships', async () => {
    const page = await journey.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signIn(page, journey.app.url, 'admin');
    await page.getByTestId('overview-tiles').waitFor();
    await expect(page.getByTestId('tile-missing-reports').textContent()).resolves.toContain('上报功能建设中');
    await shoot(page, 'home-1366');
    await page.getByRole('link', { name: '考评看板' }).click();
    await page.getByTestId('ranking-source').filter({ hasText: '已发布' }).waitFor();
    const rows = page.getByTestId('dashboard-ranking').locator('tbody tr');
    await expect(rows.first().getAttribute('data-unit')).resolves.toBe(townships[0]);
    // The bar chart is in the page as SVG, one bar per township.
    await expect(page.locator('figure.chart-ranking svg .chart-bar').count()).resolves.toBeGreaterThanOrEqual(3);
    await shoot(page, 'ranking-1366');
    await rows.first().getByRole('link').first().click();
    const line = page.locator('tr[data-rule="deduct.collective-petition"]');
    await expect(line.locator('td.points').textContent()).resolves.toBe('-2');
    await line.getByRole('link', { name: '记录 1' }).click();
    await page.waitForURL(`**/cases/${caseId}`);

    await page.goto(`${journey.app.url}/dashboard?year=${YEAR}&period=year&scope=${COUNTY}`);
    await page.getByRole('link', { name: '趋势' }).click();
    await page.waitForURL('**/dashboard/trends**');
    await page.locator('fieldset.unit-picks').waitFor();
    // Tick exactly the three townships (the form starts with the first three units ticked), then compare.
    const picks = page.locator('fieldset.unit-picks input[type="checkbox"]');
    for (let i = 0; i < (await picks.count()); i++) {
      const box = picks.nth(i);
      if (townships.includes((await box.getAttribute('value')) ?? '')) await box.check();
      else await box.uncheck();
    }
    await page.getByRole('button', { name: '查看' }).click();
    await page.waitForURL((url) => url.searchParams.getAll('unit').length === 3);
    await page.waitForFunction((codes) => {
      const chart = document.querySelector('figure.chart-trend');
      const drawn = [...(chart?.querySelectorAll('svg .chart-line') ?? [])].map((line) => line.getAttribute('data-series'));
      return drawn.length === codes.length && codes.every((code) => drawn.includes(code));
    }, townships);
    await expect(page.locator('figure.chart-trend').nth(1).locator('svg .chart-target').count()).resolves.toBe(2);
    await shoot(page, 'trends-1366');
    await page.getByRole('link', { name: '指标对比' }).click();
    await page.waitForURL('**/dashboard/compare**');
    await page.getByTestId('compare-table').waitFor();
    await page.getByRole('link', { name: /^受理件次/ }).click();
    await page.waitForURL(/sort=received/);
    await shoot(page, 'compare-1366');
    await page.goto(`${journey.app.url}/dashboard?year=${YEAR}&period=year&scope=${COUNTY}`);
    await page.getByRole('link', { name: '红黑榜（可打印）' }).click();
    await page.getByTestId('honours-red').waitFor();
    await expect(page.getByTestId('honours-red').textContent()).resolves.toContain('1');
    await shoot(page, 'honours-1366');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${journey.app.url}/dashboard?year=${YEAR}&period=year&scope=${COUNTY}`);
    await page.getByTestId('dashboard-ranking').waitFor();
    await shoot(page, 'ranking-390');
    await page.goto(`${journey.app.url}/dashboard/trends?year=${YEAR}&scope=${COUNTY}`);
    await shoot(page, 'trends-390');
    await page.close();
  });

  it('a township sees the published ranking and only its own breakdown', async () => {
    const page = await journey.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signIn(page, journey.app.url, 'zhen02');
    await page.goto(`${journey.app.url}/dashboard?year=${YEAR}&period=year&scope=${COUNTY}`);
    await page.getByTestId('ranking-source').filter({ hasText: '已发布' }).waitFor();
    await expect(page.getByTestId('dashboard-ranking').locator('tbody tr').count()).resolves.toBe(await countTownships(page));
    await expect(page.locator(`tr[data-unit="${townships[0]}"] a`).count()).resolves.toBe(0);
    await page.locator(`tr[data-unit="${townships[1]}"] td`).nth(1).getByRole('link').click();
    await page.getByTestId('breakdown-totals').waitFor();
    await shoot(page, 'township-breakdown-1366');
    await page.close();
  });
});

async function countTownships(page: Page): Promise<number> {
  return page.getByTestId('dashboard-ranking').locator('tbody tr').count();
}
