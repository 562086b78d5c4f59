// A district official opens 覆盖率 for 湖里区 as of today and drills down: streets, then 江头街道's
// communities, then one community; the Breadcrumb leads back up. A resident visited today
// makes sure 江头社区's numbers are not all zero.
import { expect, test, type Locator } from '@playwright/test';
import { apiClient, createResident, login, logout } from './helpers.ts';

/** The numbers of a coverage table row: registered, covered, overdue. */
async function counts(row: Locator) {
  const cells = row.getByRole('cell');
  const n = async (i: number) => Number((await cells.nth(i).innerText()).trim());
  return { registered: await n(1), covered: await n(2), overdue: await n(3) };
}

// The business date is Asia/Shanghai's; the page's "today" is the browser's.
test.use({ timezoneId: 'Asia/Shanghai' });

test('coverage drills down from the district to a street and a community, and back', async ({ page }) => {
  // A resident of 江头社区 with a home visit today.
  await login(page, 'jiangtou.sw');
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
  const resident = await createResident(page, '350206004001');
  const api = await apiClient(page);
  await api.post('/contacts', {
    residentId: resident.id,
    kind: 'home_visit',
    occurredAt: new Date().toISOString(),
    durationMinutes: 30,
    notes: '入户走访',
  });
  await logout(page);

  await login(page, 'huli');
  await page.getByRole('menuitem', { name: '覆盖率', exact: true }).click();
  await expect(page.getByText('走访覆盖率')).toBeVisible();
  await expect(page.getByLabel('统计日期')).toHaveValue(new Date().toLocaleDateString('sv', { timeZone: 'Asia/Shanghai' }));
  const crumbs = page.locator('.ant-breadcrumb');
  await expect(crumbs).toHaveText('湖里区');

  // 湖里区: one row per street.
  const table = page.locator('.ant-table-tbody');
  for (const street of ['江头街道', '金山街道', '湖里街道', '殿前街道', '禾山街道']) {
    await expect(table.getByRole('button', { name: street, exact: true })).toBeVisible();
  }
  const jiangtou = table.getByRole('row').filter({ has: page.getByRole('button', { name: '江头街道', exact: true }) });
  const streetCounts = await counts(jiangtou);
  expect(streetCounts.registered).toBeGreaterThanOrEqual(1);
  expect(streetCounts.covered).toBeGreaterThanOrEqual(1);

  // 江头街道: its communities, and the trail 湖里区 / 江头街道.
  await table.getByRole('button', { name: '江头街道', exact: true }).click();
  await expect(crumbs).toHaveText(/^湖里区\s*\/\s*江头街道$/);
  await expect(crumbs.getByRole('link', { name: '湖里区' })).toBeVisible();
  const community = table.getByRole('button', { name: '江头社区', exact: true });
  await expect(community).toBeVisible();
  await expect(table.getByRole('button', { name: '金山街道', exact: true })).toHaveCount(0);
  const row = table.getByRole('row').filter({ has: page.getByRole('button', { name: '江头社区', exact: true }) });
  const c = await counts(row);
  expect(c.registered).toBeGreaterThanOrEqual(1);
  expect(c.covered).toBeGreaterThanOrEqual(1);
  expect(c.covered).toBeLessThanOrEqual(c.registered);
  expect(c.registered).toBeLessThanOrEqual(streetCounts.registered);

  // 江头社区: the summary is that community's row.
  await community.click();
  await expect(crumbs).toHaveText(/^湖里区\s*\/\s*江头街道\s*\/\s*江头社区$/);
  // The figures are links to the list (a custom value render), so read the statistic's content.
  const stat = (title: string) => page.locator('.ant-statistic', { hasText: title }).locator('.ant-statistic-content');
  await expect(stat('在册人数')).toHaveText(String(c.registered));
  await expect(stat('已覆盖')).toHaveText(String(c.covered));

  // Back up to 湖里区 through the Breadcrumb.
  await crumbs.getByRole('link', { name: '湖里区' }).click();
  await expect(crumbs).toHaveText('湖里区');
  await expect(table.getByRole('button', { name: '江头街道', exact: true })).toBeVisible();
  await expect(table.getByRole('button', { name: '金山街道', exact: true })).toBeVisible();
});

test("a district official goes from a street's overdue figure to exactly those residents", async ({ page }) => {
  await login(page, 'huli');
  await page.getByRole('menuitem', { name: '覆盖率', exact: true }).click();
  const table = page.locator('.ant-table-tbody').first();
  const jiangtou = table.getByRole('row').filter({ has: page.getByRole('button', { name: '江头街道', exact: true }) });
  const overdue = jiangtou.locator('[data-figure="overdue"]');
  await expect(overdue).toBeVisible();
  const n = Number((await overdue.innerText()).trim());
  expect(n).toBeGreaterThan(0);
  await overdue.click();
  await expect(page).toHaveURL(/\/residents\?.*coverage=overdue/);
  await expect(page.getByText(/^覆盖情况：逾期/)).toBeVisible();
  await expect(page.getByText(`共 ${n} 条`)).toBeVisible();
});
