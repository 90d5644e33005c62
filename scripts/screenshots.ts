/**
 * Screenshots of the village clerk's main screens at 1366 px and 390 px, and the two A4 prints
 * as PDF pages rendered to PNG, for reviews and issue notes (not a test: nothing is asserted).
 *
 *   npm start                       # in another shell: the demo county on http://127.0.0.1:3000
 *   node --import tsx scripts/screenshots.ts http://127.0.0.1:3000 /tmp/screens
 *
 * Needs Debian's chromium (and fonts-noto-cjk for readable Chinese) and, for the prints,
 * pdftoppm from poppler-utils.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@tally/demo';

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const [appUrl = 'http://127.0.0.1:3000', outDir = '/tmp/screens'] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });

async function signIn(page: Page, login: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${appUrl}/login`);
  await page.getByLabel('用户名').fill(login);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('whoami').waitFor();
}

async function shoot(page: Page, path: string, name: string): Promise<void> {
  await page.goto(`${appUrl}${path}`);
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${outDir}/${name}.png`, fullPage: true });
  console.log(`${outDir}/${name}.png`);
}

/** The first link on `listPath` whose href matches `pattern`: a real record of the demo data. */
async function firstLink(page: Page, listPath: string, pattern: RegExp): Promise<string | null> {
  await page.goto(`${appUrl}${listPath}`);
  const hrefs = await page
    .locator('a[href]')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  return hrefs.find((href) => pattern.test(href)) ?? null;
}

async function printToPng(page: Page, path: string, name: string): Promise<void> {
  await page.goto(`${appUrl}${path}`);
  await page.emulateMedia({ media: 'print' });
  const pdf = `${outDir}/${name}.pdf`;
  await page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  execFileSync('pdftoppm', ['-png', '-r', '80', pdf, `${outDir}/${name}`]);
  console.log(`${outDir}/${name}-*.png`);
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
try {
  for (const width of [1366, 390]) {
    const context = await browser.newContext({
      viewport: { width, height: width === 390 ? 844 : 768 },
      deviceScaleFactor: 1,
    });
    const page = await context.newPage();
    await signIn(page, 'cun0101');
    await shoot(page, '/', `village-home-${width}`);
    await shoot(page, '/registers/meetings', `register-list-${width}`);
    await page.goto(`${appUrl}/registers/meetings/new`);
    await page.locator('form button[type=submit]').last().click();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: `${outDir}/entry-form-error-${width}.png`, fullPage: true });
    console.log(`${outDir}/entry-form-error-${width}.png`);
    await context.close();
  }
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await signIn(page, 'cun0101');
  const agreement = await firstLink(page, '/mediation', /^\/mediation\/[^/]+\/agreement$/);
  if (agreement) await printToPng(page, agreement, 'print-mediation-agreement');
  await signIn(page, 'admin');
  const notice = await firstLink(page, '/cases/notices', /^\/cases\/[^/]+\/notice$/);
  if (notice) await printToPng(page, notice, 'print-supervision-notice');
  await context.close();
} finally {
  await browser.close();
}
