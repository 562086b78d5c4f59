// Print: a worker opens a resident's file from the profile; the print preview (print media) is
// an A4 page with the name and the masked ID, and none of the app's chrome (menu, header,
// the page's own toolbar). Revealing the ID (reason, audited) prints it in clear.
import { expect, test } from '@playwright/test';
import { createResident, login, maskedId } from './helpers.ts';

test("prints a resident's file masked, without the app chrome", async ({ page }) => {
  await login(page, 'jiangtou.sw');
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
  const r = await createResident(page, '350206004001', { phone: '13912345678', categories: ['living_alone'] });

  await page.goto(`/residents/${r.id}`);
  await page.getByRole('button', { name: '打印' }).click();
  await page.waitForURL(`**/residents/${r.id}/print`);
  const sheet = page.getByRole('article', { name: '服务对象档案' });
  await expect(sheet.getByRole('heading', { name: '服务对象档案' })).toBeVisible();

  await page.emulateMedia({ media: 'print' });
  await expect(sheet.getByRole('cell', { name: r.name, exact: true }).first()).toBeVisible();
  await expect(sheet.getByRole('cell', { name: maskedId(r.idNumber) })).toBeVisible();
  await expect(sheet.getByRole('cell', { name: '139****5678' })).toBeVisible();
  await expect(sheet.getByText('独居', { exact: true })).toBeVisible();
  await expect(page.getByText(r.idNumber, { exact: true })).toHaveCount(0);
  // No chrome: no menu, no sign-out, no toolbar, no reveal buttons.
  await expect(page.getByRole('menuitem')).toHaveCount(0);
  await expect(page.getByRole('button', { name: '退出登录' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '打印' })).toBeHidden();
  await expect(page.getByRole('button', { name: /查看/ }).first()).toBeHidden();
  await page.screenshot({ path: 'test-results/print-resident.png', fullPage: true });
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.byteLength).toBeGreaterThan(10_000);

  // Revealed with a reason, the clear number prints.
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: '查看证件号码' }).click();
  await page.getByLabel('查看原因').fill('打印纸质档案');
  await page.getByRole('dialog').getByRole('button', { name: '查看' }).click();
  await expect(sheet.getByRole('cell', { name: r.idNumber })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(sheet.getByRole('cell', { name: r.idNumber })).toBeVisible();
});
