// 人才选拔: a district official opens a programme (application, then a panel) and names the
// panel; a 江头 worker applies; the official moves on, scores as the panel and passes the
// applicant, then opens 公示. The public page on a phone lists the name and nothing private; a
// citizen lodges an objection with an SMS code (the test hook, as public-accounts.spec.ts); the
// official answers it on the programme page.
import { expect, test, type Page } from '@playwright/test';
import { chooseArea, chooseOption, logout, signIn } from './helpers.ts';

test.use({ timezoneId: 'Asia/Shanghai' });

const lastCode = async (page: Page, mobile: string) => {
  const res = await page.request.get(`/api/v1/public/account/test/last-code?mobile=${mobile}`);
  return ((await res.json()) as { code: string }).code;
};

/** Moves the programme on, answering the confirmation. */
async function advance(page: Page, stage: string) {
  await page.getByRole('button', { name: `进入下一阶段：${stage}` }).click();
  await page
    .locator('.ant-modal-confirm')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await expect(page.locator('.ant-steps-item-active')).toContainText(stage);
}

test('open, apply, score, announce, object and answer', async ({ page, browser }) => {
  const title = `湖里区社区治理骨干人才选拔 ${Date.now() % 100000}`;
  await signIn(page, 'huli');
  await page.getByRole('menuitem', { name: '社工人才' }).click();
  await page.getByRole('menuitem', { name: '人才选拔与评优', exact: true }).click();
  await page.getByRole('button', { name: '发起项目' }).first().click();
  const form = page.locator('.ant-drawer').filter({ hasText: '发起项目' });
  await form.getByLabel('项目名称').fill(title);
  await chooseArea(form, page, '地区', '湖里区');
  await form.getByLabel('资格审查').uncheck();
  await form.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  const url = page.url();

  // The panel: the official sits on it (a staff account of the programme's area).
  const panel = page.locator('.ant-card').filter({ hasText: '评审组' });
  await chooseOption(panel, page, '评审组', '湖里区民政局（huli）', 'huli');
  await panel.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存').first()).toBeVisible();
  await logout(page);

  // A 江头 social worker applies for themselves.
  await signIn(page, 'jiangtou.sw');
  await page.goto(url);
  await page.getByRole('button', { name: '我要报名' }).click();
  await expect(page.getByText('已报名').first()).toBeVisible();
  await logout(page);

  await signIn(page, 'huli');
  await page.goto(url);
  const applicants = page.locator('.ant-card').filter({ hasText: '申请人' }).last();
  const applicant = applicants.locator('tr.ant-table-row').first();
  await expect(applicant).toContainText('自荐');
  const name = (await applicant.locator('td').first().innerText()).trim();

  // 笔试: the score typed in the grid is kept when the cell is left; the applicant passes the stage.
  await advance(page, '笔试');
  const cell = applicant.getByLabel(`${name} 笔试成绩`);
  await cell.fill('86.5');
  // the save's own answer, not a toast an earlier save may have left on the page
  const saved = page.waitForResponse((r) => r.url().endsWith('/written-scores') && r.request().method() === 'PUT');
  await cell.blur();
  expect((await saved).status()).toBe(200);
  await expect(page.getByText('已保存').first()).toBeVisible();
  await page.reload();
  await expect(applicant.getByLabel(`${name} 笔试成绩`)).toHaveValue('86.5');
  await page.screenshot({ path: 'test-results/programme-written.png', fullPage: true });
  const decided = page.waitForResponse((r) => /\/applications\/[^/]+\/decision$/.test(r.url()));
  await applicant.getByRole('button', { name: '通过', exact: true }).click();
  expect((await decided).status()).toBe(200);
  await expect(applicant).toContainText('本阶段已通过');
  await advance(page, '面试/评审');
  await expect(applicant).toContainText('86.5');

  // Scoring as the panel: 36 + 27 + 25 = 88.
  const mine = page.locator('.ant-card').filter({ hasText: '我的评分' });
  await mine.getByLabel(/^专业实务 /).fill('36');
  await mine.getByLabel(/^答辩表达 /).fill('27');
  await mine.getByLabel(/^发展规划 /).fill('25');
  await mine.getByRole('button', { name: '评分' }).click();
  await expect(mine.locator('tr.ant-table-row')).toContainText('88');
  await expect(applicant).toContainText('88');
  await applicant.getByRole('button', { name: '通过', exact: true }).click();
  await expect(applicant).toContainText('本阶段已通过');
  await advance(page, '公示');
  await expect(applicant).toContainText('拟入选');
  const publicUrl = `/p/programmes/${url.split('/').pop()}`;
  await expect(page.getByRole('link', { name: '查看公示页面' })).toHaveAttribute('href', publicUrl);

  // The public notice on a phone: the name, no ID number or phone; an objection by SMS code.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  const pub = await phone.newPage();
  await pub.goto(publicUrl);
  await expect(pub.getByRole('heading', { name: title })).toBeVisible();
  await expect(pub.locator('.ant-list')).toContainText(name);
  // The names and organisations only: no ID number or mobile (the demo banner's sample accounts aside).
  const text = await pub.locator('.ant-list').innerText();
  expect(text).not.toMatch(/\d{6}|\*{3}/);
  expect(await pub.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  const mobile = `137${String(Date.now()).slice(-8)}`;
  await pub.getByLabel('姓名').fill('张女士');
  await pub.getByLabel('手机号').fill(mobile);
  await pub.getByRole('button', { name: '获取验证码' }).click();
  await expect.poll(() => lastCode(pub, mobile)).toMatch(/^\d{6}$/);
  await pub.getByLabel('短信验证码').fill(await lastCode(pub, mobile));
  await pub.getByLabel('异议内容').fill('请核实其从业年限是否满足要求。');
  await pub.getByRole('button', { name: '提出异议' }).click();
  await expect(pub.getByText('已收到您的异议，我们将核实并答复。')).toBeVisible();
  await pub.screenshot({ path: 'test-results/programme-public.png', fullPage: true });
  await phone.close();

  // The official answers the objection (the mobile shown masked).
  await page.reload();
  const objection = page.locator('.ant-card').filter({ hasText: '张女士' }).last();
  await expect(objection).toContainText(`${mobile.slice(0, 3)}****${mobile.slice(-4)}`);
  await expect(objection).toContainText('请核实其从业年限是否满足要求。');
  await objection.getByLabel('答复').fill('经核实，从业年限符合条件。');
  await objection.getByRole('button', { name: '答复' }).click();
  await expect(objection).toContainText(/答复（.+）：经核实，从业年限符合条件。/);
});
