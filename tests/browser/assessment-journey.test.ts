import { beforeAll, describe, expect, it } from 'vitest';
import { ruleSetHash, schema } from '@tally/db';
import { defaultRuleSet } from '@tally/scoring';
import { chromiumPath, signIn, useJourney, type Journey } from '../setup/browser-journey.ts';
import { actorByLogin } from '../setup/two-counties.ts';

let journey: Journey;
let townshipA = '';
let townshipB = '';
let caseId = '';

/*
 * Township A (zhen01) leads township B (zhen02) under the rules in force, 94 − 2 − 5 = 87
 * against 91 − 5 = 86 (the 5 is the quotas both miss). Raising the collective-petition
 * deduction to 4 puts A at 85, below B: the preview shows A moving down first.
 */
describe.skipIf(!chromiumPath)(
  'browser journey: the county changes a rule, previews, publishes; a township reads why',
  () => {
    journey = useJourney();
    beforeAll(async () => {
      const owner = journey.database.owner.db;
      const admin = await actorByLogin(owner, 'admin');
      townshipA = (await actorByLogin(owner, 'zhen01')).unitCode;
      townshipB = (await actorByLogin(owner, 'zhen02')).unitCode;
      const published = { ...defaultRuleSet(), version: '2026.1' };
      await owner.insert(schema.assessmentRuleSets).values({
        countyId: 1,
        year: 2026,
        status: 'published',
        content: published,
        contentHash: ruleSetHash(published),
        createdBy: admin.userId,
        publishedAt: new Date(),
        publishedBy: admin.userId,
      });
      for (const [unitCode, score] of [
        [townshipA, '94'],
        [townshipB, '91'],
      ] as const) {
        await owner.insert(schema.inspectionScores).values(
          ['routine', 'half-year', 'year-end'].map((component) => ({
            countyId: 1,
            unitCode,
            year: 2026,
            component: component as 'routine',
            periodNo: component === 'routine' ? 3 : 1,
            score,
            enteredByUnit: '130534000000',
            createdBy: admin.userId,
            createdByName: 'admin',
          })),
        );
      }
      // An 8-person petition taken in at one of A's villages.
      const village = await actorByLogin(owner, 'cun0101');
      const [row] = await owner
        .insert(schema.petitionCases)
        .values({
          countyId: 1,
          caseNumber: '130534-2026-000001',
          unitCode: village.unitCode,
          registeredUnitCode: village.unitCode,
          receivedAt: new Date('2026-05-10T02:00:00Z'),
          channel: 'visit',
          peopleCount: 8,
          personTimes: 8,
          category: 'land_requisition',
          summary: '征地补偿（8人联名）',
          status: 'registered',
          state: {},
          petitionerName: '王五',
          createdBy: village.userId,
        })
        .returning({ id: schema.petitionCases.id });
      caseId = row!.id;
    });

    it('county admin raises a deduction in a draft, previews the rank change, publishes the rules and the result', async () => {
      const page = await journey.browser.newPage();
      await signIn(page, journey.app.url, 'admin');
      await page.getByRole('link', { name: '考核排名' }).click();
      await page.getByRole('link', { name: '考核细则' }).click();
      await page.getByRole('button', { name: '新建草案' }).click();
      const rule = page.locator('fieldset[data-rule="deduct.collective-petition"]');
      await rule.getByLabel('每次分值').fill('4');
      await page.getByRole('button', { name: '保存草案' }).click();
      await page.getByRole('status').filter({ hasText: '草案已保存' }).waitFor();
      await page.getByRole('link', { name: '预览排名变化' }).click();
      // The two units that swap places lead the table: B up one, A down one with the line that moved it.
      const rows = page.getByTestId('preview-table').locator('tbody tr');
      await expect(rows.nth(0).getAttribute('data-unit')).resolves.toBe(townshipB);
      await expect(rows.nth(0).textContent()).resolves.toContain('↑1');
      await expect(rows.nth(1).getAttribute('data-unit')).resolves.toBe(townshipA);
      await expect(rows.nth(1).textContent()).resolves.toContain('↓1');
      await expect(rows.nth(1).textContent()).resolves.toContain('集体访/越级访 -2 → -4');
      await page.getByRole('link', { name: '← 考核细则' }).click();
      await page.getByRole('button', { name: '发布草案为现行细则' }).click();
      await page.getByRole('status').filter({ hasText: '细则已发布' }).waitFor();
      await page.goto(`${journey.app.url}/assessment?year=2026&period=year&scope=130534000000`);
      await page.getByLabel('更正原因（已发布过本期结果时必填）').waitFor();
      await page.getByRole('button', { name: '发布本期结果' }).click();
      await page.getByRole('status').filter({ hasText: '本期结果已发布' }).waitFor();
      await page.close();
    });

    it('the township sees the published ranking and follows its −4 line to the petition that caused it', async () => {
      const page = await journey.browser.newPage();
      await signIn(page, journey.app.url, 'zhen01');
      await page.getByRole('link', { name: '考核排名' }).click();
      await page.locator('.result-list a').first().click();
      const ownRow = page.locator(`tr[data-unit="${townshipA}"]`);
      await expect(ownRow.locator('td').first().textContent()).resolves.toBe('2');
      // Every township reads the ranking; only its own breakdown is a link.
      await expect(page.locator(`tr[data-unit="${townshipB}"] a`).count()).resolves.toBe(0);
      await ownRow.getByRole('link').click();
      const line = page.locator('tr[data-rule="deduct.collective-petition"]');
      await expect(line.locator('td.points').textContent()).resolves.toBe('-4');
      await line.getByRole('link', { name: '信访件 1', exact: true }).click();
      await page.waitForURL(`**/cases/${caseId}`);
      await page.close();
    });
  },
);
