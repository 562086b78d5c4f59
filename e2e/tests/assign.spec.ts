// 责任社工 and hand-made follow-ups (issue 8, items 1 and 9): the station head assigns the
// station's unassigned residents from the list, a few selected and then all matching the filter,
// until the 工作台 shows none; a worker and the head add follow-ups on a profile, and the head
// reassigns one (转派), which the worker cannot.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { chooseOption, createResident, login, logout } from './helpers.ts';

/** The number a 工作台 figure shows. */
const figure = async (card: Locator) => Number((await card.locator('.ant-statistic-content-value').innerText()).replace(/[^\d]/g, ''));

/** The list's total ("共 N 条"). */
async function listTotal(page: Page): Promise<number> {
  const total = page.locator('.ant-pagination-total-text');
  await expect(total).toBeVisible();
  return Number((await total.innerText()).replace(/[^\d]/g, ''));
}

test('the station head assigns unassigned residents, selected and then all matching the filter', async ({ page }) => {
  test.setTimeout(180_000);
  await login(page, 'jiangtou.head');
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
  // A head registering names no worker: these four are unassigned.
  const fresh = [];
  for (let i = 0; i < 4; i++) fresh.push(await createResident(page));

  // The 工作台 counts them (and any others the station has).
  await page.goto('/');
  const unassigned = page.getByTestId('desk-unassigned');
  await expect(unassigned.locator('.ant-statistic-content-value')).toBeVisible();
  const n = await figure(unassigned);
  expect(n).toBeGreaterThanOrEqual(4);

  // The resident list, filtered to 未分派: the same count.
  await page.getByRole('menuitem', { name: '服务对象' }).click();
  await page.waitForURL('**/residents');
  await page.getByRole('checkbox', { name: '未分派' }).check();
  await expect.poll(() => listTotal(page)).toBe(n);

  // Two rows selected and assigned to 江头社工.
  const row = (name: string) => page.locator('.ant-table-tbody tr.ant-table-row', { hasText: name });
  for (const r of fresh.slice(0, 2)) await row(r.name).getByRole('checkbox').check();
  await expect(page.getByRole('toolbar', { name: '已选 2 项' })).toBeVisible();
  await page.getByRole('button', { name: '分派给…' }).click();
  let dialog = page.getByRole('dialog', { name: '分派责任社工' });
  await expect(dialog.getByRole('radio', { name: '已选的 2 人' })).toBeChecked();
  await chooseOption(dialog, page, '责任社工', '江头社工（jiangtou.sw）');
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(page.getByText('已分派 2 人给 江头社工')).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect.poll(() => listTotal(page)).toBe(n - 2);
  await expect(row(fresh[0].name)).toHaveCount(0);
  await expect(row(fresh[2].name)).toBeVisible();

  // Off the unassigned filter, the list shows their worker.
  await page.getByRole('checkbox', { name: '未分派' }).uncheck();
  const search = page.getByLabel('搜索', { exact: true });
  await search.fill(fresh[0].name);
  await search.press('Enter');
  await expect(page.locator('.ant-table-tbody tr.ant-table-row')).toHaveCount(1);
  await expect(row(fresh[0].name)).toContainText('江头社工');
  await search.fill('');
  await search.press('Enter');

  // The rest: all matching the filter, nothing selected.
  await page.getByRole('checkbox', { name: '未分派' }).check();
  await expect.poll(() => listTotal(page)).toBe(n - 2);
  await page.getByRole('button', { name: '分派给…' }).click();
  dialog = page.getByRole('dialog', { name: '分派责任社工' });
  await expect(dialog.getByRole('radio', { name: `符合当前筛选条件的全部 ${n - 2} 人` })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: '已选的 0 人' })).toBeDisabled();
  await chooseOption(dialog, page, '责任社工', '江头社工（jiangtou.sw）');
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  // .last(): with n = 4 the first message (also 2 people) may still be showing.
  await expect(page.getByText(`已分派 ${n - 2} 人给 江头社工`).last()).toBeVisible();
  await expect(page.getByText('没有符合条件的记录')).toBeVisible();
  await expect(page.getByRole('button', { name: '分派给…' })).toBeDisabled();

  // Back on the 工作台 (through the menu, no reload): none unassigned.
  await page.getByRole('menuitem', { name: '首页' }).click();
  await expect(unassigned).toHaveAccessibleName('未分配责任社工 0');
  expect(await figure(unassigned)).toBe(0);
});

test('a worker and the head add follow-ups on a profile; only the head reassigns (转派)', async ({ page }) => {
  test.setTimeout(180_000);
  await login(page, 'jiangtou.sw');
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
  const resident = await createResident(page); // the worker registering is its responsible worker
  await page.goto(`/residents/${resident.id}`);
  await expect(page.getByRole('heading', { name: resident.name })).toBeVisible();
  const tasks = page.locator('.ant-card').filter({ has: page.getByText('跟进任务', { exact: true }) });
  await expect(tasks).toHaveCount(0); // no follow-ups yet

  // The worker's form: no assignee to pick (it goes to the responsible worker), reason required.
  await page.getByRole('button', { name: '新建跟进任务' }).click();
  let drawer = page.getByRole('dialog', { name: `新建跟进任务 · ${resident.name}` });
  await expect(drawer.getByLabel('截止时间')).toHaveValue(/^\d{4}-\d{2}-\d{2} 18:00$/);
  await expect(drawer.getByLabel('负责人')).toHaveCount(0);
  await expect(drawer).toContainText('默认：责任社工（无则本人）');
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(drawer.getByText('请填写跟进事由')).toBeVisible();
  await drawer.getByLabel('跟进事由').fill('核实独居老人家中用电安全');
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('跟进任务已创建')).toBeVisible();
  await expect(drawer).toBeHidden();
  const first = tasks.getByRole('listitem').filter({ hasText: '核实独居老人家中用电安全' });
  await expect(first).toContainText('待跟进');
  await expect(first).toContainText('负责人: 江头社工');
  await expect(first.getByRole('button', { name: '完成' })).toBeVisible();
  await expect(page.getByRole('button', { name: '转派' })).toHaveCount(0);
  await logout(page);

  // The head adds one for the worker, picked from the station's workers.
  await login(page, 'jiangtou.head');
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
  await page.goto(`/residents/${resident.id}`);
  await page.getByRole('button', { name: '新建跟进任务' }).click();
  drawer = page.getByRole('dialog', { name: `新建跟进任务 · ${resident.name}` });
  await drawer.getByLabel('跟进事由').fill('协助申请临时救助');
  await chooseOption(drawer, page, '负责人', '江头社工（jiangtou.sw）');
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('跟进任务已创建')).toBeVisible();
  const second = tasks.getByRole('listitem').filter({ hasText: '协助申请临时救助' });
  await expect(second).toContainText('负责人: 江头社工');

  // 转派 from the follow-ups list: a worker must be picked; then the row names the new one.
  await page.getByRole('menuitem', { name: '跟进任务' }).click();
  await page.waitForURL('**/follow-ups');
  const listRow = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: '核实独居老人家中用电安全' });
  await expect(listRow).toContainText(resident.name);
  await expect(listRow).toContainText('江头社工');
  await listRow.getByRole('button', { name: '转派' }).click();
  const dialog = page.getByRole('dialog', { name: `转派 · ${resident.name}` });
  await expect(dialog).toContainText('负责人: 江头社工');
  await dialog.getByRole('button', { name: '转派' }).click();
  await expect(dialog.getByText('请选择本站社工')).toBeVisible();
  await chooseOption(dialog, page, '转派给', '江头站长（jiangtou.head）');
  await dialog.getByRole('button', { name: '转派' }).click();
  await expect(page.getByText('已转派给 江头站长')).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(listRow).toContainText('江头站长');
  await expect(listRow).not.toContainText('江头社工');
  await logout(page);

  // The worker was told of the head's task at the bell.
  await login(page, 'jiangtou.sw');
  const bell = page.getByRole('button', { name: /^通知（[1-9]\d* 条未读）$/ });
  await expect(bell).toBeVisible();
  await bell.click();
  await expect(page.getByRole('menuitem').filter({ hasText: `新的跟进任务：${resident.name}` })).toContainText('协助申请临时救助');
});
