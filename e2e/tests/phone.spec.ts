// On a phone (390 × 844): the resident list shows rows first with its filters folded behind one
// button (which counts the filters set), nothing scrolls sideways; the visit form fits, its date
// picker stays on screen, and a need found on the checklist becomes a follow-up in one tap.
import { expect, test, type Page } from '@playwright/test';
import { login } from './helpers.ts';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

/** The page does not scroll sideways (a wide table scrolls inside its own box). */
const noSidewaysScroll = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

const inside = async (page: Page, selector: string) => {
  const box = (await page.locator(selector).first().boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
};

test('the resident list and the visit form on a phone', async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, 'jiangtou.sw');
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
  await page.goto('/residents');

  // Rows first: the filters are folded, the first row is on the first screen.
  const filterButton = page.getByRole('button', { name: '筛选' });
  await expect(filterButton).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('combobox', { name: '关爱等级', exact: true })).toHaveCount(0);
  const firstRow = page.locator('.ant-table-row').first();
  await expect(firstRow).toBeVisible();
  expect((await firstRow.boundingBox())!.y).toBeLessThan(844);
  await noSidewaysScroll(page);

  // One tap opens them; a filter set is counted on the button once folded again.
  await filterButton.click();
  await expect(filterButton).toHaveAttribute('aria-expanded', 'true');
  await page.getByRole('combobox', { name: '关爱等级', exact: true }).click();
  await page.locator('.ant-select-dropdown:visible').getByText('1 级', { exact: true }).click();
  await filterButton.click();
  await expect(page.getByRole('combobox', { name: '关爱等级', exact: true })).toHaveCount(0);
  await expect(page.locator('.ant-badge').filter({ has: filterButton }).locator('.ant-badge-count')).toHaveText('1');
  await expect(page.locator('.ant-table-row').first()).toContainText('1 级');
  await noSidewaysScroll(page);

  // The visit form: full screen, nothing wider than the phone, the date picker on screen.
  await page.locator('.ant-table-row a').first().click();
  await page.waitForURL(/\/residents\/[0-9a-f-]{36}$/);
  await page.getByRole('button', { name: '记录走访' }).click();
  const drawer = page.getByRole('dialog', { name: '记录走访' });
  await expect(drawer.getByLabel('走访方式', { exact: true })).toBeVisible();
  // Nothing inside the form is wider than the drawer, and the drawer is no wider than the phone.
  expect(await drawer.locator('form').evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  // Measured once the drawer has finished sliding in from the right.
  await expect.poll(async () => ((b) => b && b.x + b.width)(await drawer.boundingBox())).toBeLessThanOrEqual(390);
  expect((await drawer.boundingBox())!.x).toBeGreaterThanOrEqual(0);
  await drawer.getByLabel('走访时间', { exact: true }).click();
  await expect(page.locator('.ant-picker-dropdown:visible')).toBeVisible();
  await inside(page, '.ant-picker-dropdown:visible .ant-picker-panel-container');
  // The time sits under the calendar (side by side it would run off the left edge).
  await page.locator('.ant-picker-dropdown:visible').getByRole('button', { name: '确定' }).click();

  // The checklist: nothing found on safety, a need found with a note, then saved.
  const checklist = drawer.getByTestId('visit-checklist');
  await checklist.getByText('无异常').first().click();
  await checklist.getByText('发现问题').last().click();
  await checklist.getByLabel('发现需求 发现了什么').fill('需要助餐服务');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('走访已记录')).toBeVisible();

  // On the contacts card the need found becomes a follow-up task in one tap.
  const card = page.getByTestId('contact-checklist').first();
  await expect(card).toContainText('需要助餐服务');
  await card.getByRole('button', { name: '转为跟进任务' }).click();
  await expect(card.getByText('已转为跟进任务')).toBeVisible({ timeout: 30_000 });
  await expect(card.getByRole('button', { name: '转为跟进任务' })).toHaveCount(0);
  await noSidewaysScroll(page);
});
