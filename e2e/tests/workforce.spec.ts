// 社工人才: a district official opens 持证统计, drills from 湖里区 to 江头街道 (by organisation
// there) and opens the people not yet certified in a post that requires it; a station head
// adds a certificate to an uncertified worker and sees the level and the registration cycle.
import { expect, test } from '@playwright/test';
import { apiClient, chooseOption, confirmPopover, signIn } from './helpers.ts';

test.use({ timezoneId: 'Asia/Shanghai' });

const shanghaiDay = (offsetDays: number) => new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

test('an official drills the certification statistics down to a street and lists the uncertified', async ({ page }) => {
  await signIn(page, 'huli');
  await page.getByRole('menuitem', { name: '社工人才' }).click();
  await page.getByRole('menuitem', { name: '持证统计', exact: true }).click();
  const crumbs = page.locator('.ant-breadcrumb');
  await expect(crumbs).toHaveText('湖里区');
  const rate = page.locator('.ant-statistic').filter({ hasText: '持证率' }).locator('.ant-statistic-content-value');
  await expect(rate).toHaveText(/^\d+\.\d%$/);
  const tables = page.locator('.ant-table-tbody').first();
  await tables.getByRole('button', { name: '江头街道', exact: true }).click();
  await expect(crumbs).toHaveText(/^湖里区\s*\/\s*江头街道$/);
  // Within a street the rows are its organisations.
  await expect(page.getByRole('columnheader', { name: '机构' })).toBeVisible();
  await expect(tables.getByRole('cell', { name: '江头街道社工站', exact: true })).toBeVisible();
  // 持证上岗: a post with people not yet certified opens their list.
  const reqs = page.locator('.ant-card').filter({ hasText: '持证上岗岗位' });
  const row = reqs.locator('tbody tr.ant-table-row').filter({ hasText: '一线社工' }).first();
  const count = row.getByRole('button');
  await expect(count).toBeEnabled();
  const n = Number(await count.innerText());
  expect(n).toBeGreaterThan(0);
  await count.click();
  const dialog = page.getByRole('dialog', { name: '未持证人员：一线社工' });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('tbody tr.ant-table-row')).toHaveCount(Math.min(n, 10));
  await dialog.locator('tbody tr.ant-table-row').first().getByRole('link').click();
  await expect(page.getByText('未持证').first()).toBeVisible();
  await expect(page.getByText('继续教育学时', { exact: true })).toBeVisible();
});

test('a station head adds a certificate to a worker', async ({ page }) => {
  await signIn(page, 'jiangtou.head');
  await page.getByRole('menuitem', { name: '社工人才' }).click();
  await page.getByRole('menuitem', { name: '人才库', exact: true }).click();
  await chooseOption(page, page, '是否持证', '否');
  const first = page.locator('.ant-table-tbody tr.ant-table-row').first().getByRole('link');
  await expect(first).toBeVisible();
  const name = await first.innerText();
  await first.click();
  await expect(page.getByRole('heading', { level: 3 })).toContainText(name);
  await expect(page.getByRole('heading', { level: 3 })).toContainText('未持证');

  await page.getByRole('button', { name: '添加证书' }).click();
  const drawer = page.locator('.ant-drawer:visible');
  await drawer.getByLabel('证书编号').fill('E2E' + Date.now());
  const obtained = shanghaiDay(-40);
  const registered = shanghaiDay(-10);
  await drawer.getByLabel('取得日期').fill(obtained);
  await drawer.getByLabel('取得日期').press('Enter');
  await drawer.getByLabel('登记日期').fill(registered);
  await drawer.getByLabel('登记日期').press('Enter');
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(drawer).toBeHidden();
  await expect(page.getByRole('heading', { level: 3 })).toContainText('助理社会工作师');
  const end = new Date(Date.parse(`${registered}T00:00:00Z`));
  end.setUTCFullYear(end.getUTCFullYear() + 3);
  const endDay = new Date(end.getTime() - 86_400_000).toISOString().slice(0, 10);
  await expect(page.getByText(`第 1 周期：${registered} 至 ${endDay}`)).toBeVisible();
});

test('a station head requires a certificate for a post, removes it, and relinks a worker to their account', async ({ page }) => {
  await signIn(page, 'jiangtou.head');
  await page.goto('/workforce-stats');
  const card = page.locator('.ant-card', { hasText: '持证上岗岗位' });
  await card.getByRole('button', { name: '新增持证要求' }).click();
  const drawer = page.getByRole('dialog', { name: '新增持证要求' });
  await chooseOption(drawer, page, '岗位', '督导');
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(drawer).toBeHidden();
  const row = card.locator('tr.ant-table-row', { hasText: '督导' });
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: '删除' }).click();
  await confirmPopover(page);
  await expect(row).toHaveCount(0);

  // The register entry of jiangtou.sw: unlinked, then linked again by picking the account.
  const api = await apiClient(page);
  const list = await api.get<{ items: { id: string; userName: string | null }[] }>('/workers?pageSize=100&area=350206004000');
  const entry = list.items.find((w) => w.userName)!;
  await page.goto(`/workers/${entry.id}`);
  await page.getByRole('button', { name: '解除关联' }).click();
  await confirmPopover(page);
  await page.getByRole('button', { name: '关联账号' }).click();
  const pick = page.getByLabel('选择本辖区的工作人员账号');
  await pick.fill('jiangtou');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: entry.userName! }).first().click();
  await expect(page.getByRole('button', { name: '解除关联' })).toBeVisible();
  await expect(page.getByText(entry.userName!).first()).toBeVisible();
});
