import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumPath, signIn, useJourney, type Journey } from '../setup/browser-journey.ts';

/*
 * Issue 13, "errors that help": a refused ledger form marks the refused field itself
 * (aria-invalid, the message under it, tied by aria-describedby) and keeps what was typed.
 * At the village clerk's 390 px first; TALLY_SCREENSHOTS=1 also writes the form with its
 * error at 1366 and 390 px to /work/wt/screens for a person to look at.
 */
const SCREENS = '/work/wt/screens';
let journey: Journey;

async function submitMeetingDatedAhead(page: Page): Promise<void> {
  await signIn(page, journey.app.url, 'cun0101');
  await page.goto(`${journey.app.url}/registers/meetings/new`);
  // A meeting in 2030 has not been held yet: the register refuses it (docs/domain.md §2).
  await page.getByLabel('会议日期').fill('2030-01-01');
  await page.getByLabel('会议类型').selectOption({ label: '主任例会' });
  await page.getByLabel('会议主题').fill('矛盾纠纷排查部署');
  await page.getByLabel('参会人员').fill('张三、李四、王五');
  await page.getByLabel('缺席人数').fill('1');
  await page.getByRole('button', { name: '保存' }).click();
  await page.locator('[aria-invalid="true"]').first().waitFor();
}

async function expectMarkedField(page: Page): Promise<void> {
  const date = page.getByLabel('会议日期');
  expect(await date.getAttribute('aria-invalid')).toBe('true');
  const describedBy = await date.getAttribute('aria-describedby');
  expect(describedBy).toBeTruthy();
  const message = page.locator(`[id="${describedBy}"]`);
  expect(await message.textContent()).toMatch(/^「会议日期」：不能晚于今天（\d{4}年\d{1,2}月\d{1,2}日）$/);
  // Under the field, not only in the banner at the top.
  const [input, below] = await Promise.all([date.boundingBox(), message.boundingBox()]);
  expect(below!.y).toBeGreaterThanOrEqual(input!.y + input!.height);
  expect(await page.locator('.notice-error').textContent()).toContain('「会议日期」');
  // Only the refused field is marked, and everything typed is still there.
  expect(await page.locator('[aria-invalid="true"]').count()).toBe(1);
  expect(await date.inputValue()).toBe('2030-01-01');
  expect(await page.getByLabel('会议主题').inputValue()).toBe('矛盾纠纷排查部署');
  expect(await page.getByLabel('参会人员').inputValue()).toBe('张三、李四、王五');
  expect(await page.getByLabel('缺席人数').inputValue()).toBe('1');
  expect(await page.getByLabel('会议类型').inputValue()).toBe('director_weekly');
}

async function screenshot(page: Page, width: number): Promise<void> {
  if (!process.env.TALLY_SCREENSHOTS) return;
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: `${SCREENS}/form-error-${width}.png`, fullPage: true });
}

describe.skipIf(!chromiumPath)('browser journey: a refused ledger form marks the field and keeps the values', () => {
  journey = useJourney();

  it("on the village clerk's phone (390 px)", async () => {
    const context = await journey.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await submitMeetingDatedAhead(page);
    await expectMarkedField(page);
    // Nothing wider than the phone: the message wraps under its field.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 390);

    // Fixed, it saves, and the ledger shows the date in the interface's one style.
    await page.getByLabel('会议日期').fill('2026-11-02');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/registers\/meetings\/[0-9a-f-]{36}\?created=1$/);
    await expect.poll(() => page.locator('h1').textContent()).toContain('2026年11月2日');
    await context.close();
  });

  it('on the office screen (1366 px)', async () => {
    const page = await journey.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await submitMeetingDatedAhead(page);
    await expectMarkedField(page);
    await screenshot(page, 1366);
    await page.close();
  });
});
