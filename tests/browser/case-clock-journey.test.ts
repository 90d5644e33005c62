import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { countyCalendar, refreshOpenClocks } from '@tally/db';
import { chromiumPath, signIn, useJourney, type Journey } from '../setup/browser-journey.ts';

let journey: Journey;

/** With TALLY_SCREENS set, the page printed to A4 PDF there, as a clerk's printer would get it. */
async function printIfAsked(page: Page, name: string): Promise<void> {
  if (!process.env.TALLY_SCREENS) return;
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: `${process.env.TALLY_SCREENS}/${name}.pdf`, format: 'A4', printBackground: true });
}

/**
 * Issue 13 as a clerk sees it: a skip-level petition escalated from a village lands in the
 * township's to-do with its clock (and not in another township's), the escalation menu names
 * the units, a refusal is marked apart from an acceptance, and the overdue notice states the
 * list's own working days, 包案领导 and 督办人, issued by the unit above.
 * Set TALLY_SCREENS to a folder to also print the notice to PDF there.
 */
describe.skipIf(!chromiumPath)('browser journey: every open case runs a clock', () => {
  journey = useJourney();

  it('escalated case in the township to-do, refused case marked, notice in working days from the county', async () => {
    const page = await journey.browser.newPage();
    const owner = journey.database.owner;
    const [township] = await owner.client`select name from units where code = '130534100000'`;
    const [county] = await owner.client`select name from units where code = '130534000000'`;

    await signIn(page, journey.app.url, 'cun0101');
    const register = async (people: string, summary: string) => {
      await page.goto(`${journey.app.url}/cases/new`);
      const form = page.getByRole('form', { name: '登记信访件' });
      await form.getByLabel('信访渠道').selectOption('visit');
      await form.getByLabel('问题类别').selectOption('land_requisition');
      await form.getByLabel('人数').fill(people);
      await form.getByLabel('越级访').check();
      await form.getByLabel('主要诉求').fill(summary);
      await form.getByLabel('信访人姓名').fill('孙建国');
      await form.getByRole('button', { name: '登记' }).click();
      await page.waitForURL(/\/cases\/[0-9a-f-]{36}\?registered=/);
      return { url: page.url().split('?')[0]!, number: new URL(page.url()).searchParams.get('registered')! };
    };

    // 60 people, skip-level: the village escalates it to the township, picked by name.
    const skip = await register('60', '征地补偿款未发放，六十人越级上访');
    const escalate = page.getByRole('form', { name: '提级办理' });
    await escalate.getByLabel('提交至').locator('option').first().waitFor({ state: 'attached' });
    const options = await escalate.getByLabel('提交至').locator('option').allTextContents();
    expect(options).toEqual([`乡镇（街道）：${township!.name}`, `县：${county!.name}`]);
    await escalate.getByLabel('提交至').selectOption('130534100000');
    await escalate.getByLabel('理由').fill('涉及多村，人数众多');
    await escalate.getByRole('button', { name: '提级办理' }).click();
    await page.getByText('已登记').first().waitFor();

    // A small matter the village refuses: marked with a stop sign and 已终止, not only colour.
    const small = await register('1', '咨询宅基地政策');
    await page.getByRole('form', { name: '不予受理' }).getByLabel('理由').fill('不属于信访事项');
    await page.getByRole('form', { name: '不予受理' }).getByRole('button', { name: '不予受理' }).click();
    await page.getByRole('form', { name: '不予受理' }).waitFor({ state: 'detached' });
    await page.goto(`${journey.app.url}/cases?q=${small.number.slice(-6)}`);
    const refused = page.locator('[data-status="refused"]');
    await expect(refused.textContent()).resolves.toBe('⊘ 不予受理已终止');
    if (process.env.TALLY_SCREENS) await page.screenshot({ path: `${process.env.TALLY_SCREENS}/cases-refused.png` });

    // The township's home page lists it under 待本单位办理 with its acceptance clock, at phone width.
    await page.setViewportSize({ width: 390, height: 800 });
    await signIn(page, journey.app.url, 'zhen01');
    const item = page.getByTestId('waiting-cases').locator(`li[data-case-number="${skip.number}"]`);
    const text = await item.textContent();
    expect(text).toContain('集体访');
    expect(text).toContain('越级');
    expect(text).toContain('已登记');
    expect(text).toMatch(/剩 \d+ 个工作日 · 受理期限/);
    const box = await page.getByTestId('waiting-cases').boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    if (process.env.TALLY_SCREENS)
      await page
        .getByTestId('waiting-cases')
        .screenshot({ path: `${process.env.TALLY_SCREENS}/todo-township-390.png` });

    // Another township's to-do does not have it.
    await signIn(page, journey.app.url, 'zhen02');
    await expect(page.locator(`li[data-case-number="${skip.number}"]`).count()).resolves.toBe(0);

    // Thirty days pass with no decision: it is overdue. Back-date the arrival, then let the stored clock follow.
    await owner.client`update petition_cases set state = jsonb_set(jsonb_set(state, '{escalations,0,on}', to_jsonb(((now() at time zone 'Asia/Shanghai')::date - 30)::text)),
      '{receivedOn}', to_jsonb(((now() at time zone 'Asia/Shanghai')::date - 40)::text)) where case_number = ${skip.number}`;
    await refreshOpenClocks(owner.db, 1, new Date(), await countyCalendar(owner.db, 1));

    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, journey.app.url, 'zhen01');
    await page.goto(skip.url);
    const six = page.getByRole('form', { name: '“六定”责任与挂牌督办' });
    await six.getByLabel('包案领导').fill('周镇长');
    await six.getByLabel('督办人').fill('吴督查');
    await six.getByRole('button', { name: '保存责任信息' }).click();
    await page.getByText('已保存“六定”责任信息').waitFor();

    await page.goto(`${journey.app.url}/cases?overdue=1`);
    const row = page.locator('table.data-table tbody tr', { hasText: skip.number });
    const listed = (await row.locator('.clock').textContent())!;
    expect(listed).toMatch(/^⚠ 已逾期 · 逾期 \d+ 个工作日 · 受理期限/);
    const overdueWords = listed.match(/逾期 \d+ 个工作日/)![0];
    if (process.env.TALLY_SCREENS) await page.screenshot({ path: `${process.env.TALLY_SCREENS}/cases-overdue.png` });

    await page.goto(`${skip.url}/notice`);
    await page.locator('.notice-sheet').waitFor();
    await expect(page.getByTestId('notice-days-overdue').textContent()).resolves.toBe(overdueWords);
    await expect(page.getByTestId('notice-lead-leader').textContent()).resolves.toBe('周镇长');
    await expect(page.getByTestId('notice-supervisor').textContent()).resolves.toBe('吴督查');
    // The township is responsible: the county (the unit above) supervises, not the township itself.
    await expect(page.getByTestId('notice-issuer').textContent()).resolves.toBe(county!.name);
    await expect(page.getByTestId('notice-supervising-unit').textContent()).resolves.toBe(county!.name);
    expect(await page.locator('.notice-body').textContent()).toContain('已超过受理期限');
    await printIfAsked(page, 'notice-township');

    // A case the county itself handles: the notice comes from the county's supervising office, not the county to itself.
    await page.emulateMedia({ media: 'screen' });
    await signIn(page, journey.app.url, 'staff');
    const own = await register('3', '县直部门拖欠工程款');
    await owner.client`update petition_cases set state = jsonb_set(state, '{receivedOn}', to_jsonb(((now() at time zone 'Asia/Shanghai')::date - 30)::text)) where case_number = ${own.number}`;
    await refreshOpenClocks(owner.db, 1, new Date(), await countyCalendar(owner.db, 1));
    await page.goto(`${own.url}/notice`);
    await page.locator('.notice-sheet').waitFor();
    await expect(page.getByTestId('notice-issuer').textContent()).resolves.toBe(`${county!.name}委县政府督查室`);
    expect(await page.locator('.notice-to').textContent()).toContain(county!.name);
    await printIfAsked(page, 'notice-county');
    await page.close();
  });
});
