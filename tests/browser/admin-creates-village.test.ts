import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumPath, signIn, useJourney, type Journey } from '../setup/browser-journey.ts';

let journey: Journey;

async function signOut(page: Page) {
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.waitForURL(/\/login/);
}

// Skipped only when no browser is installed (announced by the harness); CI always has one.
describe.skipIf(!chromiumPath)('browser journey: a new village stays inside its township', () => {
  journey = useJourney();

  it('county admin creates a village; a village clerk of another township cannot see it', async () => {
    const page = await journey.browser.newPage();
    await signIn(page, journey.app.url, 'admin');
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

    await page.goto(`${journey.app.url}/`);
    await expect(page.content()).resolves.toContain('浏览器新村');

    // Its clerk's account: the unit is found by typing part of its name (search as you type),
    // then entered by code; the page never lists every unit of the county.
    await page.goto(`${journey.app.url}/users`);
    await page.getByRole('search', { name: '查找单位' }).getByLabel('查找单位').fill('浏览器');
    await page.getByTestId('unit-matches').getByText('浏览器新村（130534100299）').waitFor();
    await expect(page.getByTestId('unit-matches').locator('li').count()).resolves.toBe(1);
    const create = page.getByRole('form', { name: '新建用户' });
    await create.getByLabel('用户名').fill('cun_browser');
    await create.getByLabel('姓名').fill('浏览器村文书');
    await create.getByLabel('角色').selectOption('village_staff');
    await create.getByLabel('所属单位').fill('130534100299');
    await create.getByLabel('初始密码').fill('Village@2026');
    await create.getByRole('button', { name: '新建用户' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('已新建用户 浏览器村文书');
    expect(await journey.database.owner.client`select unit_code from users where login_name = 'cun_browser'`).toEqual([
      { unit_code: '130534100299' },
    ]);
    await signOut(page);

    // cun0201 is a clerk of a village in the second township (桃园镇).
    await signIn(page, journey.app.url, 'cun0201');
    const home = await page.content();
    expect(home).toContain('村（社区）工作人员');
    expect(home).not.toContain('浏览器新村');
    expect(home).not.toContain('130534100299');
    // Nor by URL: the admin screen refuses, the API hides it.
    const unitsPage = await page.goto(`${journey.app.url}/units`);
    expect(unitsPage?.status()).toBe(403);
    const denials = await journey.database.owner
      .client`select actor_login, result from audit_log where action = 'page:/units'`;
    expect([...denials]).toEqual([{ actor_login: 'cun0201', result: 'denied' }]);
    const api = await page.goto(`${journey.app.url}/api/trpc/units.tree`);
    const body = await api!.text();
    expect(body).not.toContain('130534100299');
    expect(body).toContain('130534101201');
    await page.close();
  });

  it('switches the interface to English and back', async () => {
    const page = await journey.browser.newPage();
    await page.goto(`${journey.app.url}/login`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { name: '登录' }).waitFor();
    await page.close();
  });

  it('refuses a cross-site form post', async () => {
    const response = await fetch(`${journey.app.url}/logout`, {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
    });
    expect(response.status).toBe(403);
  });
});
