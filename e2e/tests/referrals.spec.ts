// Referrals (转介): 江头's worker refers a case to 康宁医院社会工作部 from the case page; the
// hospital's worker (partner role: case.approve only) finds it under 收到的转介, reads the case
// (the reading is recorded) and declines with a reason; the worker sees 未接收 and the reason on
// the case. A second referral is accepted, and the worker ends it; the hospital then reads
// nothing more of the case. The partner's menu holds no page it may not open.
import { expect, test, type Page } from '@playwright/test';
import { apiClient, confirmPopover, createResident, logout, signIn } from './helpers.ts';

const HOSPITAL = '厦门市湖里区康宁医院社会工作部';
const referralsCard = (page: Page) => page.locator('.ant-card', { has: page.getByText('转介', { exact: true }) }).last();

async function refer(page: Page, reason: string, service: string) {
  const card = referralsCard(page);
  await card.getByRole('button', { name: '转介' }).click();
  const dialog = page.getByRole('dialog', { name: /转介个案/ });
  const org = dialog.getByLabel('机构', { exact: true });
  await org.click();
  await org.fill('康宁');
  const option = page.locator('.ant-select-dropdown:visible').getByText(HOSPITAL, { exact: true });
  await expect(option).toBeVisible();
  // The option names the organisation's kind and area.
  await expect(page.locator('.ant-select-dropdown:visible')).toContainText('医院社工部 · 殿前街道');
  await option.click();
  await dialog.getByLabel('转介原因').fill(reason);
  await dialog.getByLabel('所需服务').fill(service);
  await dialog
    .getByRole('button', { name: '转 介' })
    .or(dialog.getByRole('button', { name: '转介' }))
    .click();
  await expect(dialog).toBeHidden();
}

/** Opens the newest received referral of case `caseNo` as the hospital. */
async function openReceived(page: Page, caseNo: string) {
  await page.getByRole('menuitem', { name: '转介' }).click();
  await expect(page.getByRole('tab', { name: '收到的转介', selected: true })).toBeVisible();
  const row = page.locator('.ant-table-tbody .ant-table-row', { hasText: caseNo }).first();
  await expect(row).toContainText('待接收');
  await row.getByRole('link', { name: caseNo }).click();
  await page.waitForURL(/\/referrals\/[0-9a-f-]{36}$/);
}

test('a case referred to the hospital, declined with a reason, referred again, accepted and ended', async ({ page }) => {
  test.setTimeout(300_000);
  await signIn(page, 'jiangtou.sw');
  const resident = await createResident(page);
  const api = await apiClient(page);
  const opened = await api.post<{ id: string; caseNo: string }>('/cases', {
    residentId: resident.id,
    type: 'elderly',
    riskLevel: 'high',
    problem: '独居，近期髋部骨折术后出院，需要康复与居家照护衔接。',
  });
  await page.goto(`/cases/${opened.id}`);
  await expect(referralsCard(page)).toContainText('暂无转介');
  await refer(page, '术后康复评估与出院衔接', '康复评估');
  const first = referralsCard(page).locator('[data-referral]').first();
  await expect(first).toContainText(HOSPITAL);
  await expect(first).toContainText('待接收');
  await expect(first).toContainText('术后康复评估与出院衔接');
  await expect(first.getByRole('button', { name: '撤回' })).toBeVisible();
  await logout(page);

  // The hospital: its menu holds 转介 and nothing of the stations' casework.
  await signIn(page, 'kangning.sw');
  await expect(page.getByRole('menuitem', { name: '转介' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: '个案管理' })).toHaveCount(0);
  await expect(page.getByRole('menuitem', { name: '督导' })).toHaveCount(0);
  await expect(page.getByText('待处理的转介')).toBeVisible(); // the home page's card
  await openReceived(page, opened.caseNo);
  await expect(page.getByText('查阅留痕')).toBeVisible();
  await expect(page.getByText(resident.name).first()).toBeVisible();
  await expect(page.getByText('髋部骨折术后出院')).toBeVisible(); // the case, read-only
  await expect(page.locator('[data-kind="referred"]')).toContainText(`转介至 ${HOSPITAL}`);
  await expect(page.getByRole('button', { name: '记录服务' })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/referral-received.png', fullPage: true });
  // Declining needs a reason.
  await page.getByRole('button', { name: '不接收' }).click();
  const declining = page.getByRole('dialog', { name: '不接收转介' });
  await declining.getByRole('button', { name: '不接收' }).click();
  await expect(declining).toContainText('不接收转介须说明原因');
  await declining.getByLabel('不接收的原因').fill('本院康复床位已满，建议转至区康复中心');
  await declining.getByRole('button', { name: '不接收' }).click();
  await expect(declining).toBeHidden();
  await expect(page.getByText('未接收', { exact: true })).toBeVisible();
  await expect(page.getByText('转介已处理，个案内容不再可查阅。')).toBeVisible();
  await expect(page.getByText('髋部骨折术后出院')).toHaveCount(0);
  await logout(page);

  // The worker sees the outcome and the reason, and refers again.
  await signIn(page, 'jiangtou.sw');
  await page.goto(`/cases/${opened.id}`);
  await expect(first).toContainText('未接收');
  await expect(first).toContainText('本院康复床位已满');
  await expect(first).toContainText('康宁医院社工');
  await expect(first.getByRole('button')).toHaveCount(0);
  await refer(page, '床位已有空余，再次申请康复评估', '康复评估');
  await expect(referralsCard(page).locator('[data-referral]')).toHaveCount(2);
  await logout(page);

  // The hospital accepts the second one.
  await signIn(page, 'kangning.sw');
  await openReceived(page, opened.caseNo);
  await page.getByRole('button', { name: '接收', exact: true }).click();
  const accepting = page.getByRole('dialog', { name: '接收转介' });
  await accepting.getByLabel('处理意见').fill('安排下周二康复评估');
  await accepting
    .getByRole('button', { name: '接 收' })
    .or(accepting.getByRole('button', { name: '接收' }))
    .click();
  await expect(accepting).toBeHidden();
  await expect(page.getByText('已接收', { exact: true })).toBeVisible();
  await expect(page.getByText('髋部骨折术后出院')).toBeVisible(); // still readable while accepted
  const referralUrl = new URL(page.url()).pathname;
  await logout(page);

  // The worker sees it accepted and ends it (asked first).
  await signIn(page, 'jiangtou.sw');
  await page.goto(`/cases/${opened.id}`);
  const second = referralsCard(page).locator('[data-referral]').first();
  await expect(second).toContainText('已接收');
  await expect(second).toContainText('安排下周二康复评估');
  await second.getByRole('button', { name: '结束转介' }).click();
  await confirmPopover(page);
  await expect(second).toContainText('已结束');
  await expect(second.getByRole('button')).toHaveCount(0);
  await logout(page);

  // The hospital no longer reads the case.
  await signIn(page, 'kangning.sw');
  await page.goto(referralUrl);
  await expect(page.getByText('已结束', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('转介已处理，个案内容不再可查阅。')).toBeVisible();
  await expect(page.getByText('髋部骨折术后出院')).toHaveCount(0);
  expect((await page.request.get(`/api/v1/cases/${opened.id}`)).status()).toBe(403);
});

test('a referral outside Wushe gets its answer typed in', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'jiangtou.sw');
  const resident = await createResident(page);
  const api = await apiClient(page);
  const opened = await api.post<{ id: string }>('/cases', {
    residentId: resident.id,
    type: 'mental_health',
    riskLevel: 'medium',
    problem: '情绪低落，需要专科评估。',
  });
  await page.goto(`/cases/${opened.id}`);
  const card = referralsCard(page);
  await card.getByRole('button', { name: '转介' }).click();
  const dialog = page.getByRole('dialog', { name: /转介个案/ });
  await dialog.getByText('平台外机构').click();
  await dialog.getByLabel('机构名称').fill('厦门市仙岳医院');
  await dialog.getByLabel('转介原因').fill('需要精神科专科评估');
  await dialog
    .getByRole('button', { name: '转 介' })
    .or(dialog.getByRole('button', { name: '转介' }))
    .click();
  await expect(dialog).toBeHidden();
  const item = card.locator('[data-referral]').first();
  await expect(item).toContainText('厦门市仙岳医院');
  await expect(item).toContainText('平台外');
  await item.getByRole('button', { name: '登记结果' }).click();
  const outcome = page.getByRole('dialog', { name: /登记 厦门市仙岳医院 的答复/ });
  await outcome.getByText('已接收').click();
  await outcome.getByLabel('说明').fill('已预约下周一门诊');
  await outcome.getByRole('button', { name: /保\s?存/ }).click();
  await expect(outcome).toBeHidden();
  await expect(item).toContainText('已接收');
  await expect(item).toContainText('已预约下周一门诊');
  await expect(item.getByRole('button', { name: '结束转介' })).toBeVisible();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  const noSidewaysScroll = async (page: Page) =>
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

  test('the referral card, the list and a received referral fit a phone', async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, 'jiangtou.sw');
    const resident = await createResident(page);
    const api = await apiClient(page);
    const opened = await api.post<{ id: string; caseNo: string }>('/cases', {
      residentId: resident.id,
      type: 'elderly',
      riskLevel: 'low',
      problem: '需要出院后的居家护理衔接。',
    });
    const { items } = await api.get<{ items: { id: string; name: string }[] }>('/referrals/targets?q=康宁');
    await api.post(`/cases/${opened.id}/referrals`, { toOrgId: items[0]!.id, reason: '出院衔接', service: '居家护理指导' });
    await page.goto(`/cases/${opened.id}`);
    await expect(referralsCard(page)).toContainText('待接收');
    await noSidewaysScroll(page);
    await page.screenshot({ path: 'test-results/referral-case-phone.png', fullPage: true });
    await logout(page);

    await signIn(page, 'kangning.sw');
    await page.goto('/referrals');
    const row = page.locator('.ant-table-tbody .ant-table-row', { hasText: opened.caseNo });
    await expect(row).toBeVisible();
    await noSidewaysScroll(page);
    await row.getByRole('link', { name: opened.caseNo }).click();
    await expect(page.getByText('需要出院后的居家护理衔接。')).toBeVisible();
    await expect(page.getByRole('button', { name: '接收', exact: true })).toBeVisible();
    await noSidewaysScroll(page);
    await page.screenshot({ path: 'test-results/referral-phone.png', fullPage: true });
  });
});
