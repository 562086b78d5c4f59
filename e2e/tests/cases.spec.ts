// Casework (个案): 江头's worker opens a case from a resident's profile, takes it through 预估 to
// 计划 and sends a plan with a goal for approval; the head finds it under 待我审批 and returns it
// with a comment; the worker revises and resends it; the head approves; the worker moves the case
// to 介入 and the timeline lists every step. 金山's worker cannot open the case at all.
import { expect, test, type Page } from '@playwright/test';
import { apiClient, chooseOption, confirmPopover, createResident, logout, signIn } from './helpers.ts';

const header = (page: Page) => page.locator('.ant-card').first();
const planCard = (page: Page) => page.locator('.ant-card', { has: page.getByText('服务计划', { exact: true }) });
const timeline = (page: Page) => page.locator('.ant-card', { has: page.getByText('个案记录', { exact: true }) });

test('a case from opening to intervention, with a plan returned and approved', async ({ page }) => {
  test.setTimeout(360_000); // five sign-ins on a shared machine
  await signIn(page, 'jiangtou.sw');
  const resident = await createResident(page);

  // 开案 from the resident's profile lands on the new case.
  await page.goto(`/residents/${resident.id}`);
  const casesCard = page.locator('.ant-card', { has: page.getByText('个案', { exact: true }) });
  await expect(casesCard).toContainText('暂无个案');
  await casesCard.getByRole('button', { name: '开案' }).click();
  const drawer = page.getByRole('dialog', { name: `开案 · ${resident.name}` });
  // The drawer may still be sliding in: pick again until the choice shows.
  await expect(async () => {
    if (await page.locator('.ant-select-dropdown:visible').count()) await drawer.locator('.ant-drawer-title').click();
    await chooseOption(drawer, page, '个案类型', '老年人');
    await expect(drawer.locator('.ant-select').first()).toContainText('老年人', { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await drawer.getByText('中风险', { exact: true }).click();
  await drawer.getByLabel('问题描述').fill('独居，近期跌倒一次，子女在外地，需要居家安全改造和陪伴。');
  await drawer.getByRole('button', { name: '开案' }).click();
  await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
  const caseUrl = new URL(page.url()).pathname;
  const caseId = caseUrl.split('/').pop()!;
  const { caseNo } = await (await apiClient(page)).get<{ caseNo: string }>(`/cases/${caseId}`);
  await expect(page.getByRole('heading', { name: `个案 ${caseNo}` })).toBeVisible();
  await expect(header(page)).toContainText('接案');
  await expect(header(page)).toContainText(resident.name);

  // 接案 → 预估 → 计划, each asked first.
  await page.getByRole('button', { name: '转入预估' }).click();
  await confirmPopover(page);
  await expect(page.getByRole('button', { name: '转入计划' })).toBeVisible();
  await page.getByRole('button', { name: '转入计划' }).click();
  await confirmPopover(page);
  await expect(page.getByRole('button', { name: '提交审批' })).toBeVisible();
  // Intervention waits for the head's approval of the plan.
  await expect(page.getByRole('button', { name: '转入介入' })).toHaveCount(0);

  // A goal, and the plan sent for approval.
  const plan = planCard(page);
  await plan.getByRole('button', { name: '添加目标' }).click();
  await plan.getByLabel('目标', { exact: true }).fill('完成居家适老化改造');
  await plan.getByLabel('衡量标准', { exact: true }).fill('扶手安装到位');
  await plan.getByRole('button', { name: '提交审批' }).click();
  await confirmPopover(page, '提交审批');
  await expect(header(page)).toContainText('计划待审批');
  await expect(plan).toContainText('完成居家适老化改造');
  await logout(page);

  // The head finds it under 待我审批 and returns it; a return needs a comment.
  await signIn(page, 'jiangtou.head');
  await page.getByRole('menuitem', { name: '个案管理' }).click();
  await page.getByRole('button', { name: '待我审批' }).click();
  const row = page.locator('.ant-table-tbody .ant-table-row', { hasText: caseNo });
  await expect(row).toContainText('计划待审批');
  await row.getByText(resident.name).click();
  await page.waitForURL(`**${caseUrl}`);
  await expect(page.getByText('服务计划正待您审批')).toBeVisible();
  await page.getByRole('button', { name: '退回' }).click();
  const returning = page.getByRole('dialog', { name: '退回服务计划' });
  await returning.getByRole('button', { name: '退回' }).click();
  await expect(returning).toContainText('退回时请填写意见');
  await returning.getByLabel('审批意见').fill('衡量标准请写得更具体，注明完成时间和验收人。');
  await returning.getByRole('button', { name: '退回' }).click();
  await expect(returning).toBeHidden();
  await expect(header(page)).toContainText('计划已退回');
  await logout(page);

  // The worker sees why, edits the goal and sends it again.
  await signIn(page, 'jiangtou.sw');
  await page.goto(caseUrl);
  await expect(planCard(page)).toContainText('衡量标准请写得更具体');
  await planCard(page).getByLabel('衡量标准', { exact: true }).fill('扶手、防滑垫安装到位，由社工验收');
  await planCard(page).getByRole('button', { name: '提交审批' }).click();
  await confirmPopover(page, '提交审批');
  await expect(header(page)).toContainText('计划待审批');
  await logout(page);

  // The head approves.
  await signIn(page, 'jiangtou.head');
  await page.goto(caseUrl);
  await expect(planCard(page)).toContainText('由社工验收');
  await page.getByRole('button', { name: '审批通过' }).click();
  const approving = page.getByRole('dialog', { name: '审批通过服务计划' });
  await approving.getByRole('button', { name: '审批通过' }).click();
  await expect(approving).toBeHidden();
  await expect(planCard(page)).toContainText('已审批通过');
  await logout(page);

  // The worker starts the intervention; the timeline lists every step, newest first.
  await signIn(page, 'jiangtou.sw');
  await page.goto(caseUrl);
  await page.getByRole('button', { name: '转入介入' }).click();
  await confirmPopover(page);
  await expect(header(page).locator('.ant-tag').first()).toHaveText('介入');
  const events = timeline(page).locator('[data-kind]');
  await expect(events).toHaveCount(8);
  await expect(events.nth(0)).toContainText('阶段：计划 → 介入');
  await expect(events.nth(1)).toContainText('服务计划审批通过');
  await expect(events.nth(1)).toContainText('江头站长');
  await expect(events.nth(2)).toContainText('提交服务计划审批（1 个目标');
  await expect(events.nth(3)).toContainText('服务计划被退回');
  await expect(events.nth(3)).toContainText('衡量标准请写得更具体');
  await expect(events.nth(4)).toContainText('提交服务计划审批');
  await expect(events.nth(5)).toContainText('阶段：预估 → 计划');
  await expect(events.nth(6)).toContainText('阶段：接案 → 预估');
  await expect(events.nth(7)).toContainText('开案（老年人，中风险）');
  // The kind filter narrows it.
  await chooseOption(timeline(page), page, '按记录类型筛选', '阶段变更');
  await expect(events).toHaveCount(3);
  await logout(page);

  // Another street's worker: the case does not exist for them.
  await signIn(page, 'jinshan.sw');
  expect((await page.request.get(`/api/v1/cases/${caseId}`)).status()).toBe(404);
  await page.goto(caseUrl);
  await expect(page.getByText('404')).toBeVisible();
  await expect(page.getByText(caseNo)).toHaveCount(0);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  /** The page does not scroll sideways (a wide table scrolls inside its own box). */
  const noSidewaysScroll = async (page: Page) =>
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

  test('the case list and a case fit a phone', async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, 'jiangtou.sw');
    const resident = await createResident(page);
    const api = await apiClient(page);
    const opened = await api.post<{ id: string; caseNo: string }>('/cases', {
      residentId: resident.id,
      type: 'family',
      riskLevel: 'low',
      problem: '家庭关系紧张，需要调解。',
    });

    // The list: rows first, its filters folded behind one button.
    await page.goto('/cases');
    const filterButton = page.getByRole('button', { name: '筛选' });
    await expect(filterButton).toBeVisible();
    await expect(page.getByRole('combobox', { name: '按阶段筛选' })).toHaveCount(0);
    const row = page.locator('.ant-table-row', { hasText: opened.caseNo });
    await expect(row).toBeVisible();
    await noSidewaysScroll(page);
    await filterButton.click();
    await expect(page.getByRole('combobox', { name: '按阶段筛选' })).toBeVisible();
    await noSidewaysScroll(page);

    // The case: its moves on the first screen, nothing wider than the phone.
    await row.getByRole('link', { name: opened.caseNo }).click();
    await page.waitForURL(`**/cases/${opened.id}`);
    const move = page.getByRole('button', { name: '转入预估' });
    await expect(move).toBeInViewport();
    await expect(page.getByText('结案', { exact: true }).first()).toBeVisible(); // the last of the six stages
    await noSidewaysScroll(page);
    await move.click();
    await confirmPopover(page);
    await expect(page.getByRole('button', { name: '转入计划' })).toBeVisible();
    await noSidewaysScroll(page);
  });
});
