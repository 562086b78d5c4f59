// A district official creates a social worker for 金山街道; the worker changes the initial
// password at first login and is never offered 江头街道's data.
import { expect, test } from '@playwright/test';
import { chooseArea, chooseOption, login, logout } from './helpers.ts';

test('official creates a 金山 social worker who changes the password and sees only 金山', async ({ page }) => {
  const username = `js.worker${Date.now() % 100000}`;
  const initial = 'Chushi#2026';
  const chosen = 'Jinshan!2026x';

  await login(page, 'huli');
  await expect(page.getByText('您好，湖里区民政局')).toBeVisible();
  await page.getByRole('menuitem', { name: '账号', exact: true }).click();
  await page.getByRole('button', { name: '新建账号' }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel('用户名', { exact: true }).fill(username);
  await drawer.getByLabel('姓名', { exact: true }).fill('金山新社工');
  await chooseOption(drawer, page, '角色', '社工');
  await chooseOption(drawer, page, '所属组织', '金山街道社工站', '金山街道社工站');
  await chooseArea(drawer, page, '所在区划', '金山街道');
  await drawer.getByLabel('初始密码', { exact: true }).fill(initial);
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(drawer).toBeHidden();
  await expect(page.getByRole('cell', { name: username, exact: true })).toBeVisible();
  await logout(page);

  // First login: the initial password must be changed before anything else.
  await login(page, username, initial);
  await page.waitForURL('**/change-password');
  await page.getByLabel('原密码').fill(initial);
  await page.getByLabel('新密码', { exact: true }).fill('short');
  await page.getByLabel('确认新密码').fill('short');
  await page.getByRole('button', { name: '修改密码' }).click();
  await expect(page.getByText(/密码至少 8 位/).first()).toBeVisible();
  await page.getByLabel('新密码', { exact: true }).fill(chosen);
  await page.getByLabel('确认新密码').fill(chosen);
  await page.getByRole('button', { name: '修改密码' }).click();
  await page.waitForURL((url) => !url.pathname.includes('change-password'));

  // Organisations: only 金山街道's; a search for 江头 finds nothing.
  await page.getByRole('menuitem', { name: '组织', exact: true }).click();
  await expect(page.getByRole('cell', { name: '金山街道社工站', exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: '江头街道社工站', exact: true })).toHaveCount(0);
  await page.getByPlaceholder(/搜索/).fill('江头');
  await page.getByPlaceholder(/搜索/).press('Enter');
  await expect(page.locator('.ant-table-tbody .ant-table-row')).toHaveCount(0);
  await expect(page.locator('.ant-empty-description')).toBeVisible();

  // Areas: the tree starts at 金山街道 and searching 江头 (by name or initials) offers nothing.
  await page.getByRole('menuitem', { name: '区划', exact: true }).click();
  await expect(page.getByText('金山街道').first()).toBeVisible();
  await expect(page.getByText('江头街道')).toHaveCount(0);
  await page.getByRole('menuitem', { name: '组织', exact: true }).click();
  const filter = page.getByLabel('按区划筛选');
  await filter.click();
  await filter.fill('jt');
  await expect(page.locator('.ant-select-dropdown:visible').getByTitle('江头街道')).toHaveCount(0);
  await filter.fill('江头');
  await page.waitForTimeout(800);
  await expect(page.locator('.ant-select-dropdown:visible').getByText('江头街道')).toHaveCount(0);

  // The new password works after logging out and in again.
  await page.keyboard.press('Escape');
  await logout(page);
  await login(page, username, chosen);
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
});
