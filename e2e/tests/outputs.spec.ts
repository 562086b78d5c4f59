// A district official opens 服务成效 for 湖里区 over the last twelve months: the demo's year of
// casework shows in the totals and per street; a click on 江头街道 drills down to its communities
// (the Breadcrumb leads back up), 按社工 lists the workers, and the figures export to Excel. The
// wishes and volunteering outputs do the same for the demo's year of wishes and service hours.
import { expect, test } from '@playwright/test';
import { signIn } from './helpers.ts';

test.use({ timezoneId: 'Asia/Shanghai' });

const figure = async (page: import('@playwright/test').Page, title: string) => {
  const stat = page.getByTestId('outputs-totals').locator('.ant-statistic').filter({ hasText: title });
  return Number((await stat.locator('.ant-statistic-content-value').innerText()).replace(/,/g, ''));
};

test('outputs for the district drill down to a street, by worker, and export', async ({ page }) => {
  await signIn(page, 'huli');
  await page.getByRole('menuitem', { name: '服务成效', exact: true }).click();
  const crumbs = page.locator('.ant-breadcrumb');
  await expect(crumbs).toHaveText('湖里区');
  await expect.poll(() => figure(page, '在案个案')).toBeGreaterThan(0);
  const districtActive = await figure(page, '在案个案');

  const table = page.locator('.ant-table-tbody');
  const jiangtou = table.getByRole('button', { name: '江头街道', exact: true });
  await expect(jiangtou).toBeVisible();
  await jiangtou.click();
  await expect(crumbs).toHaveText(/^湖里区\s*\/\s*江头街道$/);
  await expect(table.getByRole('button', { name: '江头社区', exact: true })).toBeVisible();
  await expect.poll(() => figure(page, '在案个案')).toBeLessThan(districtActive);
  expect(await figure(page, '在案个案')).toBeGreaterThan(0);

  await page.getByText('按社工', { exact: true }).click();
  await expect(table.getByRole('cell', { name: '江头社工', exact: true })).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /导出/ }).click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);

  await crumbs.getByRole('link', { name: '湖里区' }).click();
  await expect(crumbs).toHaveText('湖里区');
});

test('the outputs page fits a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'huli');
  await page.goto('/outputs');
  await expect(page.getByTestId('outputs-totals')).toBeVisible();
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(scroll).toBeLessThanOrEqual(0);
});

const volunteering = async (page: import('@playwright/test').Page, title: string) => {
  const stat = page.getByTestId('volunteering-totals').locator('.ant-statistic').filter({ hasText: title });
  return Number((await stat.locator('.ant-statistic-content-value').innerText()).replace(/,/g, ''));
};

test('wishes and volunteering outputs: the demo year for the district, 江头 on a click, the export', async ({ page }) => {
  await signIn(page, 'huli');
  await page.getByRole('menuitem', { name: '志愿服务' }).click();
  await page.getByRole('menuitem', { name: '心愿与志愿成效', exact: true }).click();
  const crumbs = page.locator('.ant-breadcrumb');
  await expect(crumbs).toHaveText('湖里区');
  await expect.poll(() => volunteering(page, '实现心愿')).toBeGreaterThan(0);
  const districtHours = await volunteering(page, '服务时长（小时）');
  expect(districtHours).toBeGreaterThan(0);
  expect(await volunteering(page, '期末在册志愿者')).toBeGreaterThan(100);
  await expect(page.getByRole('img', { name: '期末心愿状态与价值' })).toBeVisible();

  const table = page.locator('.ant-table-tbody');
  await table.getByRole('button', { name: '江头街道', exact: true }).click();
  await expect(crumbs).toHaveText(/^湖里区\s*\/\s*江头街道$/);
  await expect.poll(() => volunteering(page, '服务时长（小时）')).toBeLessThan(districtHours);
  expect(await volunteering(page, '服务时长（小时）')).toBeGreaterThan(0);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /导出/ }).click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
});

test('the wishes and volunteering outputs fit a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'huli');
  await page.goto('/outputs/volunteering');
  await expect(page.getByTestId('volunteering-totals')).toBeVisible();
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(scroll).toBeLessThanOrEqual(0);
});
