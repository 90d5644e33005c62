import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ruleSetHash, schema } from '@tally/db';
import { defaultRuleSet } from '@tally/scoring';
import { createCaller } from '@tally/web/server/routers/root.ts';
import { chromiumPath, sidewaysScroll, signIn, useJourney, type Journey } from '../setup/browser-journey.ts';
import { actorByLogin } from '../setup/two-counties.ts';

let journey: Journey;
const townships: string[] = [];
let caseId = '';
let caseNumber = '';
let meetingId = '';
const COUNTY = '130534000000';
const YEAR = new Date().getUTCFullYear();
const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

/**
 * Screenshots of the dashboard in Chinese, written only when TALLY_SCREENSHOTS names a directory
 * (a person looks at them; CI leaves it unset and writes nothing).
 */
const SCREENS = process.env.TALLY_SCREENSHOTS;
async function shoot(page: Page, name: string) {
  if (!SCREENS) return;
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: join(SCREENS, `dashboard-${name}.png`), fullPage: true });
}

/** A breakdown line's record link, named by the kind of record and its number ("信访件 1"). */
function recordLink(page: Page, ruleId: string, name: string) {
  return page.locator(`tr[data-rule="${ruleId}"]`).first().getByRole('link', { name, exact: true });
}

/*
 * Three townships: A 95 with a collective petition at its village (−2) and a meeting two members
 * missed (−1), B 91, C 88; none files its monthly reports (−0.5 each, alike). The county publishes
 * this year's result; the county admin reads it on the dashboard and follows each kind of record
 * link from A's breakdown; a township reads the published ranking and only its own breakdown.
 */
describe.skipIf(!chromiumPath)('browser journey: the county dashboard', () => {
  journey = useJourney();
  beforeAll(async () => {
    const owner = journey.database.owner.db;
    const admin = await actorByLogin(owner, 'admin');
    for (const login of ['zhen01', 'zhen02', 'zhen03']) townships.push((await actorByLogin(owner, login)).unitCode);
    const published = { ...defaultRuleSet(), version: `${YEAR}.1` };
    await owner.insert(schema.assessmentRuleSets).values({
      countyId: 1,
      year: YEAR,
      status: 'published',
      content: published,
      contentHash: ruleSetHash(published),
      createdBy: admin.userId,
      publishedAt: new Date(),
      publishedBy: admin.userId,
    });
    for (const [index, score] of ['95', '91', '88'].entries()) {
      await owner.insert(schema.inspectionScores).values(
        (['routine', 'half-year', 'year-end'] as const).map((component) => ({
          countyId: 1,
          unitCode: townships[index]!,
          year: YEAR,
          component,
          periodNo: 1,
          score,
          enteredByUnit: COUNTY,
          createdBy: admin.userId,
          createdByName: 'admin',
        })),
      );
    }
    const village = await actorByLogin(owner, 'cun0101');
    // Registered as the village clerk would, in January: eight people, a collective petition.
    const clerk = createCaller({
      db: journey.database.app.db,
      actor: village,
      ip: '127.0.0.1',
      now: new Date(`${YEAR}-01-10T03:00:00Z`),
    });
    const registered = await clerk.cases.register({
      receivedAt: `${YEAR}-01-10T10:00:00+08:00`,
      channel: 'visit',
      peopleCount: 8,
      personTimes: 8,
      category: 'land_requisition',
      summary: '征地补偿（8人联名）',
      petitionerName: '王五',
    });
    caseId = registered.id;
    caseNumber = registered.caseNumber;
    const [meeting] = await owner
      .insert(schema.meetings)
      .values({
        countyId: 1,
        unitCode: townships[0]!,
        createdBy: admin.userId,
        fingerprint: 'journey-meeting',
        heldOn: `${YEAR}-01-15`,
        kind: 'joint',
        attendees: '甲、乙',
        absentCount: 2,
      })
      .returning({ id: schema.meetings.id });
    meetingId = meeting!.id;
    const caller = createCaller({ db: journey.database.app.db, actor: admin, ip: '127.0.0.1', now: new Date() });
    await caller.assessment.publishResult({ year: YEAR, period: 'year', scopeCode: COUNTY });
  });

  it("county admin: overview tiles, the published ranking, every kind of record behind A's score, trends of three townships, in Chinese and English", async () => {
    const page = await journey.browser.newPage({ viewport: DESKTOP });
    await signIn(page, journey.app.url, 'admin');
    // Missing reports this period: counted on the matrix, and the link lands on that period's column.
    const tile = page.getByTestId('tile-missing-reports');
    await tile.waitFor();
    await expect(tile.textContent()).resolves.toMatch(/月报 \d{4}年\d{1,2}月：漏报 [1-9]\d*，迟报 0/);
    await shoot(page, 'home-1366');
    await tile.locator('li a').first().click();
    await page.waitForURL(/\/reports\/matrix\?kind=monthly&year=\d{4}#period-\d{4}-\d{2}$/);
    await expect(page.evaluate(() => document.querySelector(':target')?.id)).resolves.toBe(
      new URL(page.url()).hash.slice(1),
    );

    await page.goto(`${journey.app.url}/`);
    await page.getByRole('link', { name: '考评看板' }).click();
    await page.getByTestId('ranking-source').filter({ hasText: '已发布' }).waitFor();
    const rows = page.getByTestId('dashboard-ranking').locator('tbody tr');
    await expect(rows.first().getAttribute('data-unit')).resolves.toBe(townships[0]);
    // The bar chart is in the page as SVG, one bar per township.
    await expect(page.locator('figure.chart-ranking svg .chart-bar').count()).resolves.toBeGreaterThanOrEqual(3);
    await shoot(page, 'ranking-1366');

    // A's breakdown: the −2 line names its rule in Chinese with the rule's own wording.
    await rows.first().getByRole('link').first().click();
    await page.getByTestId('breakdown-totals').waitFor();
    const breakdownUrl = page.url();
    const petitionLine = page.locator('tr[data-rule="deduct.collective-petition"]');
    await expect(petitionLine.locator('td.points').textContent()).resolves.toBe('-2');
    await expect(petitionLine.locator('td').first().textContent()).resolves.toContain('细则原文');
    await shoot(page, 'breakdown-1366');
    // The report cell: the matrix of that kind and year, at that very cell.
    await recordLink(page, 'deduct.missing-report', '报送情况 1').click();
    const cellId = `${townships[0]}:monthly:${YEAR}-01`;
    await page.waitForURL((url) => url.pathname === '/reports/matrix' && decodeURIComponent(url.hash) === `#${cellId}`);
    await expect(page.evaluate(() => document.querySelector(':target')?.id)).resolves.toBe(cellId);
    await expect(page.locator(`td[id="${cellId}"]`).textContent()).resolves.toContain('漏报');
    // The inspection entry: the cell page with the score in force.
    await page.goto(breakdownUrl);
    await recordLink(page, 'base.inspections', '检查评分 1').click();
    await page.waitForURL(
      (url) =>
        url.pathname === `/checks/inspections/${townships[0]}` &&
        url.searchParams.get('component') === 'routine' &&
        url.searchParams.get('period') === '1',
    );
    await expect(page.getByTestId('score-in-force').textContent()).resolves.toContain('95');
    // The meeting record two members missed.
    await page.goto(breakdownUrl);
    await recordLink(page, 'deduct.meeting-absence', '会议记录 1').click();
    await page.waitForURL(`**/registers/meetings/${meetingId}`);
    // The URL changes before the client has the page: wait for its heading.
    await page.locator('h1', { hasText: '会议记录' }).waitFor();
    // The −2: the collective petition that caused it.
    await page.goto(breakdownUrl);
    await recordLink(page, 'deduct.collective-petition', '信访件 1').click();
    await page.waitForURL(`**/cases/${caseId}`);
    await page.locator('h1', { hasText: caseNumber }).waitFor();
    await expect(page.locator('.badge-collective').first().textContent()).resolves.toBe('集体访');

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
      const drawn = [...(chart?.querySelectorAll('svg .chart-line') ?? [])].map((line) =>
        line.getAttribute('data-series'),
      );
      return drawn.length === codes.length && codes.every((code) => drawn.includes(code));
    }, townships);
    const charts = page.locator('figure.chart-trend');
    // Scores, then the indicators against their targets: cases (2), disputes (2), reporting rate (1).
    await expect(charts.count()).resolves.toBe(4);
    await expect(charts.nth(1).locator('svg .chart-target').count()).resolves.toBe(2);
    await expect(charts.nth(3).locator('figcaption').textContent()).resolves.toContain('报告率');
    await expect(charts.nth(3).locator('svg .chart-target').count()).resolves.toBe(1);
    // Every chart has its numbers in a table beside it: one row per period, one column per line.
    for (let i = 0; i < 4; i++)
      await expect(charts.nth(i).locator('table.chart-table tbody tr').count()).resolves.toBeGreaterThan(0);
    await shoot(page, 'trends-1366');
    const trendsUrl = page.url();

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

    // The English switch: the charts, their tables and targets follow; then back to Chinese.
    await page.goto(trendsUrl);
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('h1', { hasText: 'Assessment dashboard' }).waitFor();
    await expect(charts.nth(3).locator('figcaption').textContent()).resolves.toContain('Reporting rate');
    await expect(charts.nth(1).locator('table.chart-table thead').textContent()).resolves.toContain('Closure rate');
    await expect(charts.nth(1).locator('svg .chart-target text').first().textContent()).resolves.toMatch(
      /^(Closure rate|On-time rate) target \d+%$/,
    );
    await page.goto(breakdownUrl);
    await expect(recordLink(page, 'deduct.collective-petition', 'Petition case 1').count()).resolves.toBe(1);
    await page.getByRole('button', { name: '中文' }).click();
    await page.locator('h1', { hasText: '得分明细' }).waitFor();
    await page.close();
  });

  it('at 390 px the dashboard pages do not scroll sideways', async () => {
    const page = await journey.browser.newPage({ viewport: PHONE });
    await signIn(page, journey.app.url, 'admin');
    await page.goto(`${journey.app.url}/dashboard?year=${YEAR}&period=year&scope=${COUNTY}`);
    const breakdown = await page
      .getByTestId('dashboard-ranking')
      .locator('tbody tr')
      .first()
      .getByRole('link')
      .first()
      .getAttribute('href');
    const screens = [
      ['ranking', `/dashboard?year=${YEAR}&period=year&scope=${COUNTY}`, page.getByTestId('dashboard-ranking')],
      ['breakdown', breakdown!, page.getByTestId('breakdown-totals')],
      [
        'trends',
        `/dashboard/trends?year=${YEAR}&scope=${COUNTY}&${townships.map((code) => `unit=${code}`).join('&')}`,
        page.locator('figure.chart-trend').first(),
      ],
      ['compare', `/dashboard/compare?scope=${COUNTY}`, page.getByTestId('compare-table')],
    ] as const;
    const wide: string[] = [];
    for (const [name, path, ready] of screens) {
      await page.goto(`${journey.app.url}${path}`);
      await ready.waitFor();
      const sideways = await sidewaysScroll(page);
      if (sideways > 0) wide.push(`${name}: ${sideways} px sideways`);
      await shoot(page, `${name}-390`);
    }
    expect(wide).toEqual([]);
    await page.close();
  });

  it('a township sees the published ranking and only its own breakdown', async () => {
    const page = await journey.browser.newPage({ viewport: DESKTOP });
    await signIn(page, journey.app.url, 'zhen02');
    await page.goto(`${journey.app.url}/dashboard?year=${YEAR}&period=year&scope=${COUNTY}`);
    await page.getByTestId('ranking-source').filter({ hasText: '已发布' }).waitFor();
    const rows = page.getByTestId('dashboard-ranking').locator('tbody tr');
    await expect(rows.first().getAttribute('data-unit')).resolves.toBe(townships[0]);
    // Every township's name and score, but a link to no breakdown except its own.
    await expect(page.locator(`tr[data-unit="${townships[0]}"] td`).nth(1).getByRole('link').count()).resolves.toBe(0);
    await page.locator(`tr[data-unit="${townships[1]}"] td`).nth(1).getByRole('link').click();
    await page.getByTestId('breakdown-totals').waitFor();
    await shoot(page, 'township-breakdown-1366');
    // A's breakdown by its address: not found, the same as one that does not exist.
    const other = await page.goto(page.url().replace(townships[1]!, townships[0]!));
    expect(other?.status()).toBe(404);
    await page.close();
  });
});
