// The shared list page and form drawer: column settings survive a reload, a search that finds
// nothing offers to clear the filters, a drawer with edits asks before discarding them, and
// a list fits a phone's width.
import { expect, test } from '@playwright/test';
import { login } from './helpers.ts';

test('column settings, empty state and the discard confirm on the organisations list', async ({ page }) => {
  await login(page, 'huli');
  await page.getByRole('menuitem', { name: '组织' }).click();
  await page.waitForURL('**/orgs');
  const header = page.locator('.ant-table-thead');
  await expect(header.getByText('联系人', { exact: true })).toBeVisible();
  const rows = page.locator('.ant-table-tbody .ant-table-row');
  await expect(rows.first()).toBeVisible({ timeout: 30_000 });

  // Hide a column; the choice is remembered across a reload.
  await page.getByRole('button', { name: '列设置' }).click();
  await page.locator('.ant-popover').getByRole('checkbox', { name: '联系人' }).uncheck();
  await expect(header.getByText('联系人', { exact: true })).toHaveCount(0);
  await page.reload();
  await expect(rows.first()).toBeVisible({ timeout: 30_000 });
  await expect(header.getByText('联系人', { exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: '列设置' }).click();
  await page.locator('.ant-popover').getByRole('button', { name: '恢复默认' }).click();
  await expect(header.getByText('联系人', { exact: true })).toBeVisible();

  // A search that finds nothing says so and offers to clear the filters.
  const search = page.getByLabel('搜索', { exact: true });
  await search.fill('没有这个组织');
  await search.press('Enter');
  await expect(page.getByText('没有符合条件的记录')).toBeVisible();
  await expect(rows).toHaveCount(0);
  await page.getByRole('button', { name: '清除筛选' }).click();
  await expect(rows.first()).toBeVisible({ timeout: 30_000 });
  await expect(search).toHaveValue('');

  // A drawer with edits asks before throwing them away.
  await page.getByRole('button', { name: '新建组织' }).first().click();
  const drawer = page.getByRole('dialog', { name: '新建组织' });
  await drawer.getByLabel('名称', { exact: true }).fill('未保存的组织');
  await drawer.getByRole('button', { name: '取消' }).click();
  const confirm = page.locator('.ant-modal-confirm');
  await expect(confirm.locator('.ant-modal-confirm-title')).toHaveText('放弃未保存的修改？');
  await confirm.getByRole('button', { name: '继续编辑' }).click();
  await expect(drawer.getByLabel('名称', { exact: true })).toHaveValue('未保存的组织');
  await drawer.getByRole('button', { name: '取消' }).click();
  await confirm.getByRole('button', { name: '放弃修改' }).click();
  await expect(drawer).toBeHidden();
  // Nothing was saved.
  await search.fill('未保存的组织');
  await search.press('Enter');
  await expect(page.getByText('没有符合条件的记录')).toBeVisible();
});

test('a list page fits a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await login(page, 'jiangtou.sw');
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
  await page.goto('/residents');
  await expect(page.locator('.ant-table-tbody .ant-table-row').first()).toBeVisible();
  // The table scrolls inside its card; the page itself never scrolls sideways.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const box = await page.getByLabel('搜索', { exact: true }).boundingBox();
  expect(box?.width ?? 0).toBeGreaterThan(200);
});

test('a worker records a contact from the form drawer', async ({ page }) => {
  await login(page, 'jiangtou.sw');
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
  await page.goto('/residents');
  await page.locator('.ant-table-tbody .ant-table-row').first().getByRole('link').click();
  await page.waitForURL(/\/residents\/[0-9a-f-]+$/);
  await page.getByRole('button', { name: '记录走访' }).click();
  const drawer = page.getByRole('dialog', { name: '记录走访' });
  await drawer.getByLabel('走访情况').fill('上门探访，身体状况良好，已提醒按时服药');
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(drawer).toBeHidden();
  await expect(page.getByText('走访已记录')).toBeVisible();
  // The contacts card is refreshed by the mutation: the new note shows without a reload.
  await expect(page.getByText('上门探访，身体状况良好，已提醒按时服药')).toBeVisible();
});
