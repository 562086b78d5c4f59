// A resident moves from 江头 to 金山: 金山's worker tries to register them, is told the number
// is held elsewhere and requests the transfer from there; until approval 金山 sees masks only.
// 江头's head approves after a confirmation, and the record opens in 金山.
import { expect, test } from '@playwright/test';
import { apiClient, chooseArea, createResident, login, logout, maskedId } from './helpers.ts';

test('a transfer requested by 金山 and approved by 江头', async ({ page }) => {
  test.setTimeout(300_000); // three sign-ins and a registration, on a shared machine
  await login(page, 'jiangtou.sw');
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
  const held = await createResident(page);
  await logout(page);

  // 金山 registers the same number: the answer offers the transfer request.
  await login(page, 'jinshan.sw');
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
  await page.goto('/residents/new');
  const form = page.locator('form').first();
  await form.getByLabel('姓名', { exact: true }).fill(held.name);
  await form.getByLabel('证件号码', { exact: true }).fill(held.idNumber);
  await chooseArea(form, page, '所在社区', '高林社区');
  await form.getByLabel('同意人', { exact: true }).fill(held.name);
  await page.getByRole('button', { name: '保存' }).click();
  const offer = page.getByRole('dialog', { name: '该证件号码已在其他社工站登记' });
  await expect(offer).toBeVisible();
  await offer.getByRole('button', { name: '申请调入' }).click();
  const drawer = page.getByRole('dialog', { name: '申请调入服务对象' });
  await expect(drawer.getByLabel('证件号码', { exact: true })).toHaveValue(held.idNumber);
  await drawer.getByLabel('说明（可选）').fill('已随子女搬至金山街道');
  await drawer.getByRole('button', { name: '申请调入' }).click();
  await page.waitForURL('**/transfers');

  // The request shows masks and the holding station; the record itself is not 金山's yet.
  const row = page.locator('.ant-table-tbody .ant-table-row', { hasText: maskedId(held.idNumber) });
  await expect(row).toContainText('待审批');
  await expect(row).toContainText('江头街道');
  await expect(row).not.toContainText(held.name);
  await expect(row.getByRole('link')).toHaveCount(0);
  const api = await apiClient(page);
  expect((await page.request.get(`/api/v1/residents/${held.id}`)).status()).toBe(404);
  expect((await api.get<{ total: number }>(`/residents?q=${held.idNumber}`)).total).toBe(0);
  await logout(page);

  // 江头's head approves from 调入调出 (transfers out), after a confirmation.
  await login(page, 'jiangtou.head');
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
  await page.getByRole('menuitem', { name: '调入调出' }).click();
  const out = page.locator('.ant-table-tbody .ant-table-row', { hasText: maskedId(held.idNumber) });
  await expect(out).toContainText('待审批');
  await out.getByRole('button', { name: '批准' }).click();
  const confirm = page.locator('.ant-modal-confirm');
  await expect(confirm).toContainText('高林社区');
  await confirm.getByRole('button', { name: '批准' }).click();
  await expect(confirm).toBeHidden();
  await expect(out).toContainText('已批准');
  expect((await page.request.get(`/api/v1/residents/${held.id}`)).status()).toBe(404);
  await logout(page);

  // The record is 金山's now: it opens, in 高林社区, with its name.
  await login(page, 'jinshan.sw');
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
  await page.goto(`/residents/${held.id}`);
  await expect(page.getByRole('heading', { name: held.name })).toBeVisible();
  await expect(page.getByText('高林社区').first()).toBeVisible();
});
