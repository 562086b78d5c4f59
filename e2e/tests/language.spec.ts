// Chinese by default; the switch turns the login page and the app into English.
import { expect, test } from '@playwright/test';
import { errorAlert } from './helpers.ts';

test('switches between Chinese and English', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByText('演示账号密码均为 Wushe@2026')).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByText('Every demo account uses the password Wushe@2026')).toBeVisible();
  await page.getByLabel('Username').fill('jiangtou.head');
  await page.getByLabel('Password').fill('Wrong#pass1');
  await page.getByRole('button', { name: 'Log in' }).click();
  // The server's message follows the language too.
  await expect(errorAlert(page)).toContainText('Wrong username or password');
  await page.getByLabel('Password').fill('Wushe@2026');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('menuitem', { name: 'Organisations' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('menuitem', { name: '组织' })).toBeVisible();
});
