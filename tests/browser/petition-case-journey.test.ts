import { describe, expect, it } from 'vitest';
import { chromiumPath, signIn, useJourney, type Journey } from '../setup/browser-journey.ts';

let journey: Journey;

describe.skipIf(!chromiumPath)('browser journey: a petition case from intake to supervision notice', () => {
  journey = useJourney();

  it('village registers and assigns; the county sees it masked, reveals, flags it, and prints a notice once it is overdue', async () => {
    const page = await journey.browser.newPage();
    await signIn(page, journey.app.url, 'cun0101');
    await page.getByRole('link', { name: '信访件', exact: true }).click();
    await page.getByRole('link', { name: '登记信访件' }).click();

    const form = page.getByRole('form', { name: '登记信访件' });
    await form.getByLabel('信访渠道').selectOption('reception_day');
    await form.getByLabel('问题类别').selectOption('land_requisition');
    await form.getByLabel('人数').fill('6');
    await page.getByTestId('collective').waitFor();
    await form.getByLabel('主要诉求').fill('征地补偿款未到位');
    await form.getByLabel('信访人姓名').fill('李建国');
    await form.getByLabel('信访人身份证号码').fill('110105194912310021');
    await form.getByLabel('联系电话').fill('13812345678');
    await form.getByRole('button', { name: '登记' }).click();
    // The check-digit refusal stands under its field, which is marked invalid, and the form keeps what was typed.
    await page.getByText('身份证号码校验位错误，请核对').first().waitFor();
    await expect(
      page.locator('[aria-invalid="true"]').evaluateAll((fields) => fields.map((field) => field.getAttribute('name'))),
    ).resolves.toHaveLength(1);
    await expect(page.getByLabel('信访人姓名').inputValue()).resolves.toBe('李建国');
    await page.getByLabel('信访人身份证号码').fill('11010519491231002X');
    await page.getByRole('button', { name: '登记' }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}\?registered=/);
    const caseUrl = page.url().split('?')[0]!;
    await expect(page.locator('.badge-collective').first().textContent()).resolves.toBe('集体访');

    await page
      .getByRole('form', { name: '受理', exact: true })
      .getByRole('button', { name: '受理', exact: true })
      .click();
    await page.getByText('已受理').first().waitFor();
    const assign = page.getByRole('form', { name: '交办/转办' });
    await assign.getByLabel('承办人').fill('王主任');
    await assign.getByLabel('事项类型').selectOption('simple');
    await assign.getByRole('button', { name: '交办/转办' }).click();
    await page.getByRole('form', { name: '开始办理' }).waitFor();
    await expect(page.locator('table.data-table tbody tr').count()).resolves.toBe(3);

    // The county sees the case masked; revealing it is audited.
    await signIn(page, journey.app.url, 'staff');
    await page.goto(caseUrl);
    await expect(page.getByTestId('petitioner-name').textContent()).resolves.toBe('李**');
    await page.getByRole('button', { name: /查看完整信息/ }).click();
    await page.getByText('已显示完整信息').waitFor();
    await expect(page.getByTestId('petitioner-name').textContent()).resolves.toBe('李建国');
    const reveals = await journey.database.owner
      .client`select actor_login from audit_log where action = 'cases.reveal'`;
    expect([...reveals]).toEqual([{ actor_login: 'staff' }]);

    const six = page.getByRole('form', { name: '“六定”责任与挂牌督办' });
    await six.getByLabel('包案领导').fill('刘副县长');
    await six.getByLabel('督办单位').fill('清河县信访局');
    await six.getByLabel('挂牌督办').check();
    await six.getByRole('button', { name: '保存责任信息' }).click();
    await page.getByText('已保存“六定”责任信息').waitFor();

    // Not overdue yet: the notice is refused in words.
    const refused = await page.goto(`${caseUrl}/notice`);
    expect(refused?.status()).toBe(409);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('该信访件未逾期');

    // Move its deadline ten days back, as if time had passed.
    await journey.database.owner
      .client`update petition_cases set due_on = due_on - 10, clock_due_on = clock_due_on - 10,
      state = jsonb_set(state, '{assignment,dueOn}', to_jsonb((due_on - 10)::text)) where case_number like '130534-%'`;
    await page.goto(`${journey.app.url}/cases?overdue=1`);
    await expect(page.locator('.tab-active').textContent()).resolves.toBe('逾期');
    await expect(page.locator('table.data-table tbody tr').count()).resolves.toBe(1);
    await page.goto(`${journey.app.url}/cases?flagged=1`);
    await expect(page.locator('table.data-table tbody tr').count()).resolves.toBe(1);

    await page.goto(caseUrl);
    await page.getByRole('link', { name: '出具督办通知书' }).click();
    await page.locator('.notice-sheet').waitFor();
    const sheet = await page.locator('.notice-sheet').textContent();
    expect(sheet).toContain('信访事项督办通知书');
    expect(sheet).toContain('王主任');
    expect(sheet).toContain('清河县信访局');
    // Overdue in working days, the words the case list uses.
    expect(sheet).toMatch(/逾期情况\s*逾期 \d+ 个工作日/);
    // A village's case: its township supervises; the 六定 supervising unit is printed beside it.
    expect(await page.getByTestId('notice-issuer').textContent()).not.toBe('清河县信访局');
    await expect(page.getByTestId('notice-lead-leader').textContent()).resolves.toBe('刘副县长');
    // On paper: A4, and none of the app's chrome.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.topbar').isVisible()).resolves.toBe(false);
    await expect(page.getByRole('button', { name: '打印' }).isVisible()).resolves.toBe(false);
    const pageRule = await page.evaluate(
      () =>
        [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules]).find((rule) => rule instanceof CSSPageRule)
          ?.cssText ?? '',
    );
    expect(pageRule.toLowerCase()).toContain('size: a4');

    await page.emulateMedia({ media: 'screen' });
    await page.goto(`${journey.app.url}/cases/figures`);
    await expect(page.locator('.figures-summary').textContent()).resolves.toContain('纯件数 1 件');
    await page.close();
  });

  it('keeps the case screens from roles without case data', async () => {
    const page = await journey.browser.newPage();
    await signIn(page, journey.app.url, 'auditor');
    await expect(page.getByRole('link', { name: '信访件', exact: true }).count()).resolves.toBe(0);
    const response = await page.goto(`${journey.app.url}/cases`);
    expect(response?.status()).toBe(403);
    await page.close();
  });
});
