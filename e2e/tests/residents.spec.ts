// A social worker registers a resident: a wrong ID check character is refused on the form and
// nothing is saved; the right one lands on the profile with the number masked. The list finds
// the resident by pinyin initials, and 查看 with a reason reveals the full number.
import { expect, test } from '@playwright/test';
import { apiClient, chooseArea, createResident, login, maskedId, randomIdNumber, randomName, withWrongCheck } from './helpers.ts';

test('register with a wrong then a right ID, find by pinyin initials, reveal the ID', async ({ page }) => {
  const idNumber = randomIdNumber();

  await login(page, 'jiangtou.sw');
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
  // A name whose pinyin initials no one in the register has yet (earlier specs add 欧阳 names too).
  const api = await apiClient(page);
  let { name, initials } = randomName();
  for (let i = 0; i < 20 && (await api.get<{ total: number }>(`/residents?q=${initials}`)).total > 0; i++)
    ({ name, initials } = randomName());
  await page.getByRole('menuitem', { name: '服务对象', exact: true }).click();
  await page.getByRole('button', { name: '登记' }).click();
  await page.waitForURL('**/residents/new');
  const form = page.locator('form');

  await form.getByLabel('姓名', { exact: true }).fill(name);
  await form.getByLabel('证件号码', { exact: true }).fill(withWrongCheck(idNumber));
  await chooseArea(form, page, '所在社区', '江头社区');
  await form.getByLabel('地址', { exact: true }).fill('江头北路 1 号');
  await form.getByLabel('同意人', { exact: true }).fill(name);
  await page.getByRole('button', { name: '保存' }).click();

  // The form says what is wrong and stays; nothing reaches the register.
  await expect(page.getByText('身份证号校验未通过，请逐位核对')).toBeVisible();
  await expect(page).toHaveURL(/\/residents\/new$/);
  const none = await api.get<{ total: number }>(`/residents?q=${initials}`);
  expect(none.total).toBe(0);

  // The right check character: the save goes through.
  await form.getByLabel('证件号码', { exact: true }).fill(idNumber);
  await expect(page.getByText('身份证号校验未通过，请逐位核对')).toBeHidden();
  await page.getByRole('button', { name: '保存' }).click();
  await page.waitForURL(/\/residents\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expect(page.getByText(maskedId(idNumber), { exact: true })).toBeVisible();
  await expect(page.getByText(idNumber, { exact: true })).toHaveCount(0);

  // The list: pinyin initials find the resident, with the number masked.
  await page.getByRole('menuitem', { name: '服务对象', exact: true }).click();
  const search = page.getByLabel('搜索', { exact: true });
  await search.fill(initials);
  await search.press('Enter');
  const row = page.locator('.ant-table-tbody .ant-table-row', { has: page.getByRole('link', { name, exact: true }) });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(maskedId(idNumber));
  await expect(page.locator('.ant-table-tbody .ant-table-row')).toHaveCount(1);

  // 查看: a reason is required, then the full number shows in this view.
  await row.getByRole('link', { name, exact: true }).click();
  await page.getByRole('button', { name: '查看证件号码' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: '查看' }).click();
  await expect(dialog.locator('.ant-form-item-explain-error')).toBeVisible();
  await dialog.getByLabel('查看原因').fill('入户走访前核对身份');
  await dialog.getByRole('button', { name: '查看' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(idNumber, { exact: true })).toBeVisible();
});

test('edit a family contact without retyping the phone: the stored number stays', async ({ page }) => {
  await login(page, 'jiangtou.sw');
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
  const r = await createResident(page, '350206004001', { emergencyContacts: [{ name: '林小红', relation: '女儿', phone: '13700002222' }] });
  await page.goto(`/residents/${r.id}/edit`);
  const form = page.locator('form');
  const phone = form.getByLabel('联系电话', { exact: true }).first();
  await expect(phone).toHaveValue('');
  await expect(phone).toHaveAttribute('placeholder', '137****2222');
  await expect(form.getByText('不修改请留空（当前 137****2222）')).toBeVisible();
  await form.getByLabel('关系', { exact: true }).first().fill('长女');
  await page.getByRole('button', { name: '保存' }).click();
  await page.waitForURL(new RegExp(`/residents/${r.id}$`));
  const api = await apiClient(page);
  const family = await api.post<{ value: { emergencyContacts: { relation: string; phone: string }[] } }>(`/residents/${r.id}/reveal`, {
    field: 'family',
    reason: '核对联系人',
  });
  expect(family.value.emergencyContacts).toEqual([expect.objectContaining({ name: '林小红', relation: '长女', phone: '13700002222' })]);
});
