import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { DEMO_PASSWORD } from '@tally/demo';
import { buildWebApp, chromiumArgs, startApp, systemChromium, type RunningApp } from './app-server.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

/** Debian's Chromium, or null: the journeys skip, loudly, on a machine without it. */
export const chromiumPath = systemChromium();
if (!chromiumPath) {
  // Loud on purpose: CI installs Debian's chromium, so this only happens on a bare dev machine.
  process.stdout.write(
    '\n*** BROWSER TESTS SKIPPED: no Chromium at /usr/bin/chromium (apt-get install chromium) ***\n\n',
  );
}

export interface Journey {
  database: TestDatabase;
  app: RunningApp;
  browser: Browser;
}

/**
 * Inside a browser journey's describe: a fresh database, the real server on it, and a
 * headless Chromium, started before the first test and stopped after the last. The
 * returned object is filled in by the time the tests (and later beforeAll hooks) run.
 */
export function useJourney(): Journey {
  const journey = {} as Journey;
  beforeAll(async () => {
    buildWebApp();
    journey.database = await createTestDatabase();
    journey.app = await startApp(journey.database.ownerUrl);
    journey.browser = await chromium.launch({ executablePath: chromiumPath!, args: chromiumArgs });
  });
  afterAll(async () => {
    await journey.browser?.close();
    await journey.app?.stop();
    await journey.database?.drop();
  });
  return journey;
}

/** Sign in through the form as a demo user; any earlier session on the page's context is dropped first. */
export async function signIn(page: Page, appUrl: string, loginName: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${appUrl}/login`);
  await page.getByLabel('用户名').fill(loginName);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('whoami').waitFor();
}

/** Follow a link of the top menu: on a phone the menu is folded into 菜单 and opened first. */
export async function clickNav(page: Page, name: string): Promise<void> {
  const folded = page.locator('.nav-narrow summary');
  if (await folded.isVisible()) {
    if (!(await page.locator('.nav-narrow').evaluate((details) => (details as HTMLDetailsElement).open)))
      await folded.click();
    await page.locator('.nav-narrow').getByRole('link', { name, exact: true }).click();
    return;
  }
  await page.locator('.nav-wide').getByRole('link', { name, exact: true }).click();
}

/** How many pixels the page scrolls sideways (0 when it fits its viewport, as every screen must at 390 px). */
export async function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
