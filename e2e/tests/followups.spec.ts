// 跟进任务 page: the station head opens it from the menu, finds the demo's overdue follow-up
// (红色 row), switches to 已完成 to read the completed one's outcome, and exports the list.
import { expect, test } from '@playwright/test';
import { login } from './helpers.ts';

test('the station head lists overdue and completed follow-ups and exports them', async ({ page }) => {
  await login(page, 'jiangtou.head');
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
  await page.getByRole('menuitem', { name: '跟进任务' }).click();
  await page.waitForURL('**/follow-ups');

  // The demo's PHQ-9 follow-up past its due time: 已逾期, linked to the resident.
  const table = page.locator('.ant-table');
  const late = table.getByRole('row').filter({ has: page.locator('.ant-tag', { hasText: '已逾期' }) });
  await expect(late).toHaveCount(1);
  await expect(late).toContainText('PHQ-9');
  await expect(late).toContainText(/已逾期 \d+/);
  await expect(late.getByRole('link').first()).toHaveAttribute('href', /^\/residents\/[0-9a-f-]{36}$/);
  await expect(late.getByRole('button', { name: '完成' })).toBeVisible();

  // 已完成: the one done with its outcome, and no 完成 button.
  await page.locator('.ant-segmented').first().getByText('已完成', { exact: true }).click();
  const done = table.getByRole('row').filter({ hasText: '转介' });
  await expect(done).toHaveCount(1);
  await expect(done.locator('.ant-tag', { hasText: '已完成' })).toBeVisible();
  await expect(done.getByRole('button', { name: '完成' })).toHaveCount(0);
  await expect(table.getByRole('row').filter({ hasText: '已逾期' })).toHaveCount(0);

  // 导出 Excel with the current filters.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
  expect(download.suggestedFilename()).toBe('跟进任务.xlsx');
});
