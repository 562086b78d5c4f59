// Five wrong passwords lock the account for 15 minutes, and the login page says until when.
import { expect, test } from '@playwright/test';
import { errorAlert, login } from './helpers.ts';

test('a person who mistypes the password five times is told the account is locked and until when', async ({ page }) => {
  await page.goto('/login');
  for (let i = 1; i <= 4; i++) {
    await login(page, 'volunteer.demo', `Wrong#pass${i}`);
    await expect(errorAlert(page)).toContainText(`再错 ${5 - i} 次`);
  }
  await login(page, 'volunteer.demo', 'Wrong#pass5');
  const alert = errorAlert(page);
  await expect(alert).toContainText('账号已锁定');
  await expect(alert).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  // Even the right password is refused while locked.
  await login(page, 'volunteer.demo');
  await expect(errorAlert(page)).toContainText('账号已锁定');
  await expect(page).toHaveURL(/\/login/);
});
