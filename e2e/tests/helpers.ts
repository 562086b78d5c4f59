import { expect, type Locator, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'Wushe@2026';

export async function login(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

export async function logout(page: Page) {
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.waitForURL('**/login');
}

/** Picks an option in the antd Select whose input is labelled `label`. */
export async function chooseOption(scope: Page | Locator, page: Page, label: string, option: string, search?: string) {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  if (search) await input.fill(search);
  await page.locator('.ant-select-dropdown:visible').getByText(option, { exact: true }).first().click();
}

/** Picks an area in an AreaPicker by searching its name. */
export async function chooseArea(scope: Page | Locator, page: Page, label: string, name: string) {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(name);
  // Search hits read as full paths: 福建省 / 厦门市 / 湖里区 / 金山街道.
  const node = page.locator('.ant-select-dropdown:visible').getByText(new RegExp(`(^|/ )${name}$`)).first();
  await expect(node).toBeVisible();
  await node.click();
}

/** The login page's error message (the demo hint is an alert too). */
export const errorAlert = (page: Page) => page.locator('.ant-alert-error');
