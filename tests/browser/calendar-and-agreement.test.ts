import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@tally/db';
import { DISPUTE_STORIES } from '@tally/demo';
import { chromiumPath, signIn, useJourney, type Journey } from '../setup/browser-journey.ts';
import { actorByLogin } from '../setup/two-counties.ts';

let journey: Journey;
let agreementId = '';

/** Pages in a PDF as Chromium writes it: one `/Type /Page` object per page (`/Pages` is the tree). */
function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
}

/**
 * A typical agreement as the demo seed writes it: two party lines with birth month, address
 * and phone, and the texts of the longest demo story (by its agreed rights and obligations).
 */
function typicalAgreement() {
  const stories = Object.values(DISPUTE_STORIES).flat();
  const [a, b] = ['张桂英', '李建国'];
  const story = stories.reduce((longest, next) =>
    next.agreement(a, b, 12000).length > longest.agreement(a, b, 12000).length ? next : longest,
  );
  const party = (label: string, name: string) =>
    `${label}：${name}，女，1968年4月出生，住河北省清河县桃园镇东庄村3组27号，联系电话13812345678`;
  return {
    agreementNumber: '（2026）东庄调字第12号',
    signedOn: '2026-05-18',
    parties: [party('当事人甲', a), party('当事人乙', b)].join('\n'),
    facts: `${story.summary(a, b, '东庄村')}调解委员会受理后，走访双方当事人及周边群众，查明了上述事实。`,
    disputedMatters: story.matters,
    responsibilities: story.responsibility(a, b),
    rightsAndObligations: story.agreement(a, b, 12000),
    performance:
      '款项于2026年5月30日前在东庄村村民委员会当面以现金或转账方式一次性付清，由调解员见证并出具收条；本协议一式三份，双方当事人及调解委员会各执一份。',
    mediator: '王调解',
    committee: '桃园镇东庄村人民调解委员会',
  };
}

describe.skipIf(!chromiumPath)('browser journey: county calendar and a printable mediation agreement', () => {
  journey = useJourney();
  beforeAll(async () => {
    // One agreement at cun0101's village, as an import would leave it.
    const clerk = await actorByLogin(journey.database.owner.db, 'cun0101');
    const [row] = await journey.database.owner.db
      .insert(schema.mediationFiles)
      .values({
        countyId: clerk.countyId,
        unitCode: clerk.unitCode,
        createdBy: clerk.userId,
        fingerprint: 'browser-agreement',
        agreementNumber: '清调字〔2026〕第007号',
        signedOn: '2026-03-20',
        parties: '申请人：张三丰，电话13812345678\n被申请人：李四',
        facts: '双方因宅基地界址发生争议。',
        disputedMatters: '界址位置。',
        responsibilities: '被申请人负主要责任。',
        rightsAndObligations: '被申请人李四拆除越界墙体，张三丰不再追究。',
        performance: '2026年4月15日前现场履行。',
        mediator: '王调解',
        committee: '北固献村人民调解委员会',
      })
      .returning({ id: schema.mediationFiles.id });
    agreementId = row!.id;
  });

  it('county admin adds a local holiday without JavaScript and the deadline example moves', async () => {
    // No JavaScript: the editor's forms must work as plain HTML posts.
    const context = await journey.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, journey.app.url, 'admin');
    await page.goto(`${journey.app.url}/calendar?year=2026&from=2026-03-05`);
    // Thursday Mar 5 + 7 calendar days = Thursday Mar 12, a working day.
    await expect(page.locator('[data-rule="general"]').textContent()).resolves.toContain('2026年3月12日');
    const add = page.getByRole('form', { name: '添加日期' });
    await add.getByLabel('日期').fill('2026-03-12');
    await add.getByRole('button', { name: '添加日期' }).click();
    await page.getByRole('status').filter({ hasText: '2026 年日历已保存' }).waitFor();
    await page.goto(`${journey.app.url}/calendar?year=2026&from=2026-03-05`);
    await expect(page.locator('[data-date="2026-03-12"]').count()).resolves.toBe(1);
    await expect(page.locator('[data-rule="general"]').textContent()).resolves.toContain('2026年3月13日');
    const audit = await journey.database.owner
      .client`select actor_login, result from audit_log where action = 'calendar.save'`;
    expect([...audit]).toEqual([{ actor_login: 'admin', result: 'ok' }]);
    await context.close();
  });

  it('the handling village prints the agreement on A4 without the app around it; the township sees it masked until an audited reveal', async () => {
    const page = await journey.browser.newPage();
    await signIn(page, journey.app.url, 'cun0101');
    await page.getByRole('link', { name: '调解协议书' }).click();
    await page.getByRole('link', { name: '查看 / 打印' }).click();
    await page.getByTestId('agreement').waitFor();
    expect(page.url()).toContain(`/mediation/${agreementId}/agreement`);
    await expect(page.getByTestId('agreement').textContent()).resolves.toContain('13812345678');
    await page.getByRole('button', { name: '打印' }).waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.topbar').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '打印' }).isVisible()).toBe(false);
    expect(await page.getByTestId('agreement').isVisible()).toBe(true);
    await page.close();

    const township = await journey.browser.newPage();
    await signIn(township, journey.app.url, 'zhen01');
    await township.goto(`${journey.app.url}/mediation/${agreementId}/agreement`);
    const text = await township.getByTestId('agreement').textContent();
    expect(text).not.toContain('13812345678');
    expect(text).toContain('申请人：张*');
    // The agreement's body names the parties in prose: withheld whole, not masked.
    expect(text).not.toContain('三丰');
    expect(text).toContain('（已隐藏，可申请查看）');
    expect(await township.getByRole('button', { name: '打印' }).count()).toBe(0);
    // Revealing is possible in scope, and audited; printing still is not.
    await township.getByRole('button', { name: '显示当事人完整信息（将记入审计日志）' }).click();
    await township.getByRole('status').filter({ hasText: '已记入审计日志' }).waitFor();
    await expect(township.getByTestId('agreement').textContent()).resolves.toContain('13812345678');
    await expect(township.getByTestId('agreement').textContent()).resolves.toContain('张三丰不再追究');
    expect(await township.getByRole('button', { name: '打印' }).count()).toBe(0);
    const audit = await journey.database.owner
      .client`select actor_login from audit_log where action = 'mediation.reveal'`;
    expect([...audit]).toEqual([{ actor_login: 'zhen01' }]);
    await township.close();
  });

  it('a typical agreement prints on one A4 page, the seal and date with the last clause', async () => {
    const clerk = await actorByLogin(journey.database.owner.db, 'cun0101');
    const [row] = await journey.database.owner.db
      .insert(schema.mediationFiles)
      .values({
        countyId: clerk.countyId,
        unitCode: clerk.unitCode,
        createdBy: clerk.userId,
        fingerprint: 'browser-agreement-typical',
        ...typicalAgreement(),
      })
      .returning({ id: schema.mediationFiles.id });
    const page = await journey.browser.newPage();
    await signIn(page, journey.app.url, 'cun0101');
    await page.goto(`${journey.app.url}/mediation/${row!.id}/agreement`);
    await page.getByTestId('agreement').waitFor();
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    // TALLY_PRINT_DIR keeps the PDF for a look (pdftoppm makes PNGs of it).
    if (process.env.TALLY_PRINT_DIR) {
      mkdirSync(process.env.TALLY_PRINT_DIR, { recursive: true });
      writeFileSync(join(process.env.TALLY_PRINT_DIR, 'agreement-typical.pdf'), pdf);
    }
    expect(pdfPageCount(pdf)).toBe(1);

    // A long agreement may take two pages, but the seal and date never stand alone: the last
    // clause, the signatures and the seal are one block.
    await page.emulateMedia({ media: 'print' });
    const together = await page.evaluate(() => {
      const block = document.querySelector('.agreement-closing');
      const last = document.querySelector('.agreement-closing .agreement-text');
      return Boolean(
        block &&
          last &&
          block.contains(document.querySelector('.agreement-seal')) &&
          getComputedStyle(block).breakInside === 'avoid',
      );
    });
    expect(together).toBe(true);
    await page.close();
  });
});
