import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../packages/db/src/seed/index.ts';
import { buildWebApp, chromiumArgs, startApp, systemChromium, type RunningApp } from '../setup/app-server.ts';
import { createTestDatabase, type TestDatabase } from '../setup/test-database.ts';

const chromiumPath = systemChromium();
if (!chromiumPath) {
  // Loud on purpose: CI installs Debian's chromium, so this only happens on a bare dev machine.
  process.stdout.write('\n*** BROWSER TESTS SKIPPED: no Chromium at /usr/bin/chromium (apt-get install chromium) ***\n\n');
}

let database: TestDatabase;
let app: RunningApp;
let browser: Browser;

async function signIn(page: Page, loginName: string) {
  await page.goto(`${app.url}/login`);
  await page.getByLabel('用户名').fill(loginName);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('whoami').waitFor();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.waitForURL(/\/login/);
}

// Skipped only when no browser is installed (announced above); CI always has one.
describe.skipIf(!chromiumPath)('browser journey: a new village stays inside its township', () => {
  beforeAll(async () => {
    buildWebApp();
    database = await createTestDatabase();
    app = await startApp(database.ownerUrl);
    browser = await chromium.launch({ executablePath: chromiumPath!, args: chromiumArgs });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await database?.drop();
  });

  it('county admin creates a village; a village clerk of another township cannot see it', async () => {
    const page = await browser.newPage();
    await signIn(page, 'admin');
    await expect(page.getByTestId('whoami').textContent()).resolves.toContain('县级管理员');

    await page.getByRole('link', { name: '单位管理' }).click();
    const form = page.getByRole('form', { name: '新建单位' });
    await form.getByLabel('上级单位').selectOption('130534100000');
    await form.getByLabel('统计用区划代码').fill('130534100299');
    await form.getByLabel('名称').fill('浏览器新村');
    await form.getByRole('button', { name: '新建单位' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('已新建单位 浏览器新村');
    // The tree revalidates after the action: wait for the new row rather than racing it.
    await page.locator('[data-code="130534100299"]').waitFor({ state: 'attached' });
    await expect(page.locator('[data-code="130534100299"]').count()).resolves.toBe(1);

    await page.goto(`${app.url}/`);
    await expect(page.content()).resolves.toContain('浏览器新村');
    await signOut(page);

    // cun0201 is a clerk of a village in the second township (桃园镇).
    await signIn(page, 'cun0201');
    const home = await page.content();
    expect(home).toContain('村（社区）工作人员');
    expect(home).not.toContain('浏览器新村');
    expect(home).not.toContain('130534100299');
    // Nor by URL: the admin screen refuses, the API hides it.
    const unitsPage = await page.goto(`${app.url}/units`);
    expect(unitsPage?.status()).toBe(403);
    const denials = await database.owner.client`select actor_login, result from audit_log where action = 'page:/units'`;
    expect([...denials]).toEqual([{ actor_login: 'cun0201', result: 'denied' }]);
    const api = await page.goto(`${app.url}/api/trpc/units.tree`);
    const body = await api!.text();
    expect(body).not.toContain('130534100299');
    expect(body).toContain('130534101201');
    await page.close();
  });

  it('switches the interface to English and back', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/login`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { name: '登录' }).waitFor();
    await page.close();
  });

  it('refuses a cross-site form post', async () => {
    const response = await fetch(`${app.url}/logout`, { method: 'POST', headers: { origin: 'https://evil.example' } });
    expect(response.status).toBe(403);
  });
});
