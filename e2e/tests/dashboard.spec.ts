// 工作台: a worker's figure opens the resident list with the same filter and the same count; a
// district official goes from a street's overdue figure to those residents; the trend shows.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { login } from './helpers.ts';

test.use({ timezoneId: 'Asia/Shanghai' });

/** The number a figure card shows. */
const figure = async (card: Locator) => Number((await card.locator('.ant-statistic-content-value').innerText()).replace(/[^\d.]/g, ''));

/** The total under the list ("共 N 条"), or the row count of a single short page. */
async function listTotal(page: Page): Promise<number> {
  const total = page.locator('.ant-pagination-total-text');
  await expect(total).toBeVisible();
  return Number((await total.innerText()).replace(/[^\d]/g, ''));
}

test("a worker's 工作台 number opens the matching list", async ({ page }) => {
  await login(page, 'jiangtou.sw');
  const desk = page.getByTestId('workbench');
  await expect(desk).toBeVisible();
  const overdue = desk.getByTestId('desk-overdue');
  await expect(overdue.locator('.ant-statistic-content-value')).toBeVisible();
  const n = await figure(overdue);
  expect(n).toBeGreaterThan(0); // the demo's worker has overdue residents
  await overdue.click();
  await expect(page).toHaveURL(/\/residents\?worker=[0-9a-f-]+&overdue=true/);
  await expect(page.getByTestId('linked-worker')).toHaveText('我负责的');
  await expect(page.getByRole('checkbox', { name: '仅看逾期' })).toBeChecked();
  expect(await listTotal(page)).toBe(n);
  // Every row is overdue.
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows.first()).toBeVisible();
  await expect(rows.filter({ hasNot: page.locator('.ant-tag', { hasText: '逾期' }) })).toHaveCount(0);

  // Back on the desk (through the menu, as a person would): residents without an assessment in the past year.
  await page.getByRole('menuitem', { name: '首页' }).click();
  const stale = page.getByTestId('desk-withoutAssessment');
  await expect(stale.locator('.ant-statistic-content-value')).toBeVisible();
  const m = await figure(stale);
  await stale.click();
  await expect(page).toHaveURL(/withoutAssessment=true/);
  await expect(page.getByTestId('linked-withoutAssessment')).toBeVisible();
  if (m > 0) expect(await listTotal(page)).toBe(m);
});

test('a district official goes from a street’s overdue figure to those residents', async ({ page }) => {
  await login(page, 'huli');
  const desk = page.getByTestId('workbench');
  const jiangtou = desk.getByTestId('desk-overdue-350206004000');
  await expect(jiangtou).toBeVisible();
  const n = Number((await jiangtou.innerText()).trim());
  expect(n).toBeGreaterThan(0);
  await expect(page.getByTestId('coverage-trend').locator('canvas')).toBeVisible();
  await jiangtou.click();
  await expect(page).toHaveURL(/\/residents\?area=350206004000&overdue=true/);
  expect(await listTotal(page)).toBe(n);
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows.first()).toBeVisible();
  await expect(rows.filter({ hasNot: page.locator('.ant-tag', { hasText: '逾期' }) })).toHaveCount(0);
});
