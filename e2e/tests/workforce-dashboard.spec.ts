// 人才看板: a district official lands on the dashboard from 社工人才, reads the KPI cards and the
// trend, drills from 湖里区 down to 江头街道 (by organisation there), goes back up by the
// breadcrumb, and exports the table.
import { expect, test } from '@playwright/test';
import { signIn } from './helpers.ts';

test.use({ timezoneId: 'Asia/Shanghai' });

test('an official drills the workforce dashboard from the district to a street and exports it', async ({ page }) => {
  await signIn(page, 'huli');
  await page.getByRole('menuitem', { name: '社工人才' }).click();
  await page.getByRole('menuitem', { name: '人才看板', exact: true }).click();
  await expect(page.getByRole('heading', { level: 3, name: '人才看板' })).toBeVisible();
  const crumbs = page.locator('.ant-breadcrumb');
  await expect(crumbs).toHaveText('湖里区');
  const rate = page.locator('.ant-statistic').filter({ hasText: '持证率' }).locator('.ant-statistic-content-value');
  await expect(rate).toHaveText(/^\d+\.\d%$/);
  await expect(page.locator('.ant-card').filter({ hasText: '持证率趋势' }).locator('canvas')).toBeVisible();
  const table = page.locator('.ant-card').filter({ hasText: '分下级地区明细' }).locator('.ant-table-tbody');
  const workersOf = async (name: string) => Number(await table.locator('tr', { hasText: name }).locator('td').nth(1).innerText());
  const jiangtou = await workersOf('江头街道');
  expect(jiangtou).toBeGreaterThan(0);

  await table.getByRole('button', { name: '江头街道', exact: true }).click();
  await expect(crumbs).toHaveText(/^湖里区\s*\/\s*江头街道$/);
  await expect(page.getByRole('columnheader', { name: '机构' })).toBeVisible();
  const street = page.locator('.ant-statistic').filter({ hasText: '在册社工' }).locator('.ant-statistic-content-value');
  await expect(street).toHaveText(String(jiangtou));

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);

  await crumbs.getByRole('link', { name: '湖里区' }).click();
  await expect(crumbs).toHaveText('湖里区');
  await expect(page.getByRole('columnheader', { name: '下级地区' })).toBeVisible();
});

test('a social worker has no dashboard', async ({ page }) => {
  await signIn(page, 'jiangtou.sw');
  await page.getByRole('menuitem', { name: '社工人才' }).click();
  await expect(page.getByRole('menuitem', { name: '人才看板', exact: true })).toHaveCount(0);
});
