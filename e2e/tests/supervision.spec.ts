// Supervision (督导): 江头's head opens 督导, finds the worker's caseload row, records a session with
// one action due yesterday and sees the overdue count go up; the worker completes the action from
// the home page and the count comes back down. And 记录服务 on a case: a phone call recorded as
// part of the case shows on its timeline; 开案 from a follow-up opens the case form for its
// resident. On a phone the page scrolls only inside its tables.
import { expect, test, type Page } from '@playwright/test';
import { apiClient, chooseOption, confirmPopover, createResident, logout, signIn } from './helpers.ts';

const WORKER = '江头社工';

/** A date in Shanghai (the business day), `offset` days from today. */
const shanghaiDay = (offset = 0) => new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

interface CaseloadRow {
  workerId: string;
  workerName: string;
  overdueActions: number;
  cases: { id: string; caseNo: string; residentName: string }[];
}

const caseloadCard = (page: Page) => page.locator('.ant-card', { has: page.getByText('个案负荷', { exact: true }) });
const workerRow = (page: Page, workerId: string) => caseloadCard(page).locator(`.ant-table-row[data-row-key="${workerId}"]`);
const overdueCell = (page: Page, workerId: string) => workerRow(page, workerId).locator('[data-overdue]');

test('a session with an overdue action, completed by the worker', async ({ page }) => {
  test.setTimeout(240_000); // three sign-ins on a shared machine
  await signIn(page, 'jiangtou.head');
  const api = await apiClient(page);
  const before = (await api.get<{ items: CaseloadRow[] }>('/supervision/caseload')).items.find((w) => w.workerName === WORKER)!;
  expect(before, 'the worker has a caseload').toBeTruthy();
  const discussed = before.cases[0];
  const actionText = `回访个案 ${discussed.caseNo} 并更新服务计划（${Date.now()}）`;

  // 督导 from the menu: the worker's row, expandable to their cases with days since contact.
  await page.getByRole('menuitem', { name: '督导' }).click();
  await page.waitForURL('**/supervision');
  const row = workerRow(page, before.workerId);
  await expect(row).toContainText(WORKER);
  await expect(overdueCell(page, before.workerId)).toHaveText(String(before.overdueActions));
  await row.getByRole('button', { name: /展开|Expand/ }).click();
  const cases = caseloadCard(page).locator('.ant-table-expanded-row');
  await expect(cases.getByRole('link', { name: discussed.caseNo })).toBeVisible();
  await expect(cases).toContainText('天');

  // 记录督导: the worker, a case discussed, advice and one action due yesterday.
  await page.getByRole('button', { name: '记录督导' }).click();
  const drawer = page.getByRole('dialog', { name: '记录督导' });
  // The drawer may still be sliding in: pick again until the choice shows.
  await expect(async () => {
    if (await page.locator('.ant-select-dropdown:visible').count()) await drawer.locator('.ant-drawer-title').click();
    await chooseOption(drawer, page, '参与社工', WORKER);
    await expect(drawer.locator('.ant-select').first()).toContainText(WORKER, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await drawer.locator('.ant-drawer-title').click(); // close the multi-select's dropdown
  await chooseOption(drawer, page, '讨论个案', `${discussed.caseNo} · ${discussed.residentName}`);
  await drawer.locator('.ant-drawer-title').click();
  await drawer.getByLabel('督导意见').fill('重点个案要按月回访；服务计划的衡量指标要具体到时间和验收人。');
  await drawer.getByRole('button', { name: '添加跟进事项' }).click();
  await drawer.getByLabel('事项内容').fill(actionText);
  const due = drawer.getByLabel('完成期限');
  await due.click();
  await due.fill(shanghaiDay(-1));
  await due.press('Enter');
  // One worker: the action is theirs already.
  await expect(drawer.getByRole('group', { name: '跟进事项 1' })).toContainText(WORKER);
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('督导已记录')).toBeVisible();
  await expect(drawer).toBeHidden();

  // The caseload counts it overdue; the session lists it, open.
  await expect(overdueCell(page, before.workerId)).toHaveText(String(before.overdueActions + 1));
  const sessions = page.locator('.ant-card', { has: page.getByText('督导记录', { exact: true }) });
  const session = sessions.locator('.ant-table-row').first();
  await expect(session).toContainText(shanghaiDay());
  await expect(session).toContainText('逾期 1');
  await session.getByRole('button', { name: /展开|Expand/ }).click();
  const detail = sessions.locator('.ant-table-expanded-row').first();
  await expect(detail).toContainText('重点个案要按月回访');
  await expect(detail).toContainText(actionText);
  await expect(detail.getByRole('button', { name: '完成' })).toBeVisible();
  await logout(page);

  // The worker finds it on the home page and completes it.
  await signIn(page, 'jiangtou.sw');
  const mine = page.locator('.ant-card', { has: page.getByText('我的督导事项', { exact: true }) });
  const item = mine.locator('.ant-list-item', { hasText: actionText });
  await expect(item).toContainText('已逾期');
  await item.getByRole('button', { name: '完成' }).click();
  await confirmPopover(page);
  await expect(page.getByText('事项已完成')).toBeVisible();
  await expect(item).toHaveCount(0);
  await logout(page);

  // The head's caseload is back where it was; the session shows the action done.
  await signIn(page, 'jiangtou.head');
  await page.goto('/supervision');
  await expect(overdueCell(page, before.workerId)).toHaveText(String(before.overdueActions));
  await sessions
    .locator('.ant-table-row')
    .first()
    .getByRole('button', { name: /展开|Expand/ })
    .click();
  await expect(sessions.locator('.ant-table-expanded-row').first()).toContainText(`${shanghaiDay()} 已完成`);
});

test('记录服务 on a case: a phone call on its timeline', async ({ page }) => {
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

  await page.goto(`/cases/${opened.id}`);
  const timeline = page.locator('.ant-card', { has: page.getByText('个案记录', { exact: true }) });
  await expect(timeline.locator('[data-kind="contact"]')).toHaveCount(0);
  await page.getByRole('button', { name: '记录服务' }).click();
  const drawer = page.getByRole('dialog', { name: `记录服务 · ${opened.caseNo}` });
  await expect(async () => {
    if (await page.locator('.ant-select-dropdown:visible').count()) await drawer.locator('.ant-drawer-title').click();
    await chooseOption(drawer, page, '走访方式', '电话访谈');
    await expect(drawer.locator('.ant-select').first()).toContainText('电话访谈', { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await drawer.getByLabel('时长（分钟）').fill('15');
  await drawer.getByLabel('走访情况').fill('电话了解近况，约定下周入户调解。');
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('走访已记录')).toBeVisible();
  await expect(drawer).toBeHidden();

  // The timeline shows the call at once; the resident's register has it too.
  const call = timeline.locator('[data-kind="contact"]');
  await expect(call).toHaveCount(1);
  await expect(call).toContainText('服务记录：电话访谈');
  await expect(call).toContainText('15 分钟');
  const contacts = await api.get<{ items: { caseId: string | null; kind: string }[] }>(`/contacts?residentId=${resident.id}`);
  expect(contacts.items.map((c) => [c.kind, c.caseId])).toEqual([['phone', opened.id]]);
});

test('开案 from a follow-up: the case form for its resident, the reason as the problem', async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, 'jiangtou.sw');
  await page.goto('/follow-ups');
  const row = page.locator('.ant-table-row').first();
  await expect(row).toBeVisible();
  const name = (await row.locator('a').first().innerText()).trim();
  await row.getByRole('button', { name: '开案' }).click();
  const drawer = page.getByRole('dialog', { name: `开案 · ${name}` });
  await expect(drawer).toContainText('来自跟进任务');
  await expect(drawer.getByLabel('问题描述')).not.toBeEmpty();
  // Nothing typed: closing asks nothing.
  await drawer.getByRole('button', { name: '取消' }).click();
  await expect(drawer).toBeHidden();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the supervision page fits a phone', async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, 'jiangtou.head');
    await page.goto('/supervision');
    await expect(caseloadCard(page).locator('.ant-table-row').first()).toBeVisible();
    const sessions = page.locator('.ant-card', { has: page.getByText('督导记录', { exact: true }) });
    await expect(sessions.locator('.ant-table-row').first()).toBeVisible();
    const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await sideways()).toBeLessThanOrEqual(0);
    await caseloadCard(page)
      .locator('.ant-table-row')
      .first()
      .getByRole('button', { name: /展开|Expand/ })
      .click();
    await expect(caseloadCard(page).locator('.ant-table-expanded-row')).toBeVisible();
    expect(await sideways()).toBeLessThanOrEqual(0);
    await expect(page.getByRole('button', { name: '记录督导' })).toBeVisible();
  });
});
