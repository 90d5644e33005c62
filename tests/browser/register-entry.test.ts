import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { chromiumPath, signIn, useJourney, type Journey } from '../setup/browser-journey.ts';

let journey: Journey;

describe.skipIf(!chromiumPath)(
  'browser journey: a village keeps a dispute register by hand; the township reads and exports it',
  () => {
    journey = useJourney();

    it('types a dispute in, is told which field is wrong without losing the rest, fixes it, edits it', async () => {
      const page = await journey.browser.newPage();
      await signIn(page, journey.app.url, 'cun0101');
      await page.getByRole('link', { name: '台帐' }).click();
      await page.getByRole('link', { name: '矛盾纠纷排查调处' }).click();
      await page.getByRole('link', { name: '新增记录' }).click();
      await page.getByLabel('排查日期').fill('2026-11-02');
      await page.getByLabel('纠纷类型').selectOption({ label: '邻里' });
      await page.getByLabel('当事人').fill('张三、李四');
      // A wrong check digit: the server names the field and keeps everything typed.
      await page.getByLabel('身份证号').fill('110105194912310021');
      await page.getByLabel('纠纷等级').selectOption({ label: '一般' });
      await page.getByLabel('纠纷简要情况').fill('宅基地边界争议，双方各执一词');
      await page.getByRole('button', { name: '保存' }).click();
      await expect.poll(() => page.locator('.notice-error').textContent()).toContain('「身份证号」');
      expect(await page.getByLabel('当事人').inputValue()).toBe('张三、李四');
      expect(await page.getByLabel('纠纷简要情况').inputValue()).toBe('宅基地边界争议，双方各执一词');

      await page.getByLabel('身份证号').fill('11010519491231002X');
      await page.getByRole('button', { name: '保存' }).click();
      await page.waitForURL(/\/registers\/disputes\/[0-9a-f-]{36}\?created=1$/);
      // Ordinary disputes are mediated at the township (docs/domain.md §4).
      expect(await page.locator('.notice-info').first().textContent()).toContain('乡镇（街道）');

      await page.getByLabel('调处结果').selectOption({ label: '调解成功' });
      await page.getByLabel('调结日期').fill('2026-11-10');
      await page.getByRole('button', { name: '保存' }).click();
      await expect.poll(() => page.locator('.notice-success').textContent()).toContain('已保存');
      await page.goto(`${journey.app.url}/registers/disputes`);
      const row = page.getByTestId('register-rows').locator('tbody tr');
      expect(await row.count()).toBe(1);
      expect(await row.first().textContent()).toContain('11010519491231002X');
      await page.close();
    });

    it('the township sees the row masked, cannot edit it, reveals it with an audit, and exports CSV without personal data', async () => {
      const page = await journey.browser.newPage();
      await signIn(page, journey.app.url, 'zhen01');
      await page.goto(`${journey.app.url}/registers/disputes?f.outcome=settled`);
      expect(await page.getByTestId('register-total').textContent()).toContain('共 1 条');
      await page.getByTestId('register-rows').getByRole('link', { name: '查看' }).click();
      expect(await page.locator('.facts').textContent()).toContain('张*、李*');
      expect(await page.getByRole('button', { name: '保存' }).count()).toBe(0);
      await page.getByRole('button', { name: /查看完整个人信息/ }).click();
      await expect.poll(() => page.locator('.facts').textContent()).toContain('张三、李四');
      const audit = await journey.database.owner.db.execute(
        sql`select actor_login from audit_log where action = 'registers.reveal'`,
      );
      expect(audit.map((row) => row.actor_login)).toEqual(['zhen01']);

      const response = await page.request.get(
        `${journey.app.url}/registers/disputes/export?format=csv&f.outcome=settled`,
      );
      expect(response.status()).toBe(200);
      const bytes = await response.body();
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
      expect(lines[0]).toBe(
        '单位,排查日期,纠纷来源,纠纷类型,当事人,身份证号,联系电话,纠纷等级,纠纷简要情况,调解人,调解方式,调处结果,调结日期,回访类别,满意度',
      );
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain('邻里');
      expect(lines[1]).not.toContain('张');
      expect(lines[1]).not.toContain('110105');
      await page.close();
    });
  },
);
