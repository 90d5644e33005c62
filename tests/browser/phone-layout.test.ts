import { describe, expect, it } from 'vitest';
import { chromiumPath, sidewaysScroll, signIn, useJourney, type Journey } from '../setup/browser-journey.ts';

let journey: Journey;
const PHONE = { width: 390, height: 844 };
// The screens a village clerk works in, on a phone.
const pages = [
  '/',
  '/registers',
  '/registers/meetings',
  '/registers/meetings/new',
  '/registers/disputes/new',
  '/cases',
  '/cases/new',
  '/registers/meetings/import',
  '/checks/inspections',
  '/assessment',
];

describe.skipIf(!chromiumPath)('browser journey: a village clerk on a 390 px phone', () => {
  journey = useJourney();

  it('no page scrolls sideways, the top bar stays short, and the folded menu opens and leads on', async () => {
    const context = await journey.browser.newContext({ viewport: PHONE, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await signIn(page, journey.app.url, 'cun0101');
    const wide: string[] = [];
    for (const path of pages) {
      await page.goto(`${journey.app.url}${path}`);
      await page.getByTestId('whoami').waitFor();
      const sideways = await sidewaysScroll(page);
      const topbar = await page.evaluate(() => document.querySelector('.topbar')!.getBoundingClientRect().height);
      if (sideways > 0) wide.push(`${path}: page scrolls ${sideways} px sideways`);
      if (topbar > 130) wide.push(`${path}: top bar ${Math.round(topbar)} px tall`);
      await page.screenshot({ path: `/tmp/phone${path.replaceAll('/', '-') || '-home'}.png`, fullPage: false });
    }
    expect(wide).toEqual([]);
    // The menu: folded, then open, then a link in it.
    await page.goto(`${journey.app.url}/`);
    await page.getByText('菜单').click();
    await page.locator('.nav-narrow').getByRole('link', { name: '台帐' }).click();
    await page.waitForURL('**/registers');
    // Sign-out stays on screen.
    const signOut = await page.getByRole('button', { name: '退出登录' }).boundingBox();
    expect(signOut!.x + signOut!.width).toBeLessThanOrEqual(PHONE.width);
    await context.close();
  });
});
