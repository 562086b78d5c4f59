// 人才基地联盟 and 结对共建: a district official sets up an alliance led by a district agency, adds
// a base in another city typed with its area, records a joint event; 江头's station head sees the
// demo alliance through its station, read only, and not the new one; the official drafts a
// 结对共建 agreement, puts it in force and ticks a deliverable.
import { expect, test, type Page } from '@playwright/test';
import { chooseOption, logout, signIn } from './helpers.ts';

test.use({ timezoneId: 'Asia/Shanghai' });

async function confirm(page: Page) {
  await page
    .locator('.ant-modal-confirm')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
}

test('an official sets up an alliance; a station head reads only what its base belongs to', async ({ page }) => {
  const name = `湖里—晋江社工人才基地联盟 ${Date.now() % 100000}`;
  await signIn(page, 'huli');
  await page.getByRole('menuitem', { name: '社工人才' }).click();
  await page.getByRole('menuitem', { name: '人才基地联盟', exact: true }).click();
  await expect(page.getByRole('link', { name: '厦门湖里社会工作人才基地联盟' })).toBeVisible();
  await page.getByRole('button', { name: '新建联盟' }).first().click();
  const form = page.locator('.ant-drawer').filter({ hasText: '新建联盟' });
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByText('必填').first()).toBeVisible(); // the schema's messages before anything is sent
  await form.getByLabel('联盟名称').fill(name);
  await chooseOption(form, page, '牵头单位', '厦门市湖里区同心社会工作服务中心', '同心');
  await form.getByLabel('签约日期').fill('2026-03-01');
  await form.getByLabel('签约日期').press('Enter');
  await form.getByLabel('联盟章程').fill('共享培训资源，互派督导。');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();

  // A base in another city, typed with its area code and place.
  await page.getByRole('button', { name: '添加成员基地' }).click();
  const member = page.locator('.ant-drawer').filter({ hasText: '添加成员基地' });
  await member.getByLabel('外部基地名称').fill('晋江市社工人才实训基地');
  await member.getByLabel('外部基地所在区划代码').fill('350582');
  await member.getByLabel(/外部基地所在地/).fill('泉州市晋江市');
  await member.getByRole('button', { name: '保存' }).click();
  const bases = page.locator('.ant-card').filter({ hasText: '成员基地' });
  await expect(bases.locator('tr.ant-table-row').filter({ hasText: '晋江市社工人才实训基地' })).toContainText('泉州市晋江市');

  await page.getByRole('button', { name: '登记联合活动' }).click();
  const event = page.locator('.ant-drawer').filter({ hasText: '登记联合活动' });
  await event.getByLabel('活动名称').fill('湖里—晋江联合督导日');
  await event.getByLabel('地点').fill('晋江市社工人才实训基地');
  await event.getByLabel('参与人数').fill('45');
  await event.getByRole('button', { name: '保存' }).click();
  const events = page.locator('.ant-card').filter({ hasText: '联合活动' });
  await expect(events.locator('tr.ant-table-row').filter({ hasText: '湖里—晋江联合督导日' })).toContainText('45');
  await logout(page);

  // 江头's head: the demo alliance (江头街道社工站 is a base) read only; not the new one.
  await signIn(page, 'jiangtou.head');
  await page.goto('/alliances');
  await expect(page.getByRole('link', { name: '厦门湖里社会工作人才基地联盟' })).toBeVisible();
  await expect(page.getByText('本辖区基地参与')).toBeVisible();
  await expect(page.getByRole('link', { name })).toHaveCount(0);
  await page.getByRole('link', { name: '厦门湖里社会工作人才基地联盟' }).click();
  await expect(page.getByText('该联盟由湖里区维护，本辖区仅可查看。')).toBeVisible();
  await expect(page.getByRole('button', { name: '添加成员基地' })).toHaveCount(0);
});

test('an official drafts a 结对共建 agreement, puts it in force, edits its terms, adds and ticks deliverables', async ({ page }) => {
  const title = `江头社区—湖里区税务局结对共建协议 ${Date.now() % 100000}`;
  await signIn(page, 'huli');
  await page.goto('/partnerships');
  await expect(page.getByRole('link', { name: /一校两社协议/ })).toBeVisible();
  await page.getByRole('button', { name: '新建协议' }).first().click();
  const form = page.locator('.ant-drawer').filter({ hasText: '新建协议' });
  await form.getByLabel('协议名称').fill(title);
  await form.getByLabel('开始日期').fill('2026-01-01');
  await form.getByLabel('开始日期').press('Enter');
  await form.getByLabel('社工机构/单位名称').fill('湖里区税务局');
  await form.getByLabel('社区名称').fill('江头社区居委会');
  await form.getByRole('button', { name: '添加承诺事项' }).click();
  await form.getByLabel('事项').fill('党员志愿服务（人次）');
  await form.getByLabel('数量').fill('4');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await expect(page.getByText('草拟')).toBeVisible();

  await page.getByRole('button', { name: '签署生效' }).click();
  await confirm(page);
  await expect(page.getByText('履行中')).toBeVisible();
  const row = page.locator('tr.ant-table-row').filter({ hasText: '党员志愿服务（人次）' });
  await row.getByRole('button', { name: /\+1/ }).click();
  await expect(row).toContainText('1/4');
  await expect(page.locator('.ant-descriptions')).toContainText('25%');

  // Terms and deliverables change after drafting, until the agreement ends.
  await page.getByRole('button', { name: '编辑协议' }).click();
  const edit = page.locator('.ant-drawer').filter({ hasText: '编辑协议' });
  await edit.getByLabel('协议条款').fill('每季度联合开展一次社区志愿服务。');
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(page.locator('.ant-descriptions')).toContainText('每季度联合开展一次社区志愿服务。');
  await page.getByRole('button', { name: '添加承诺事项' }).click();
  const add = page.locator('.ant-drawer').filter({ hasText: '添加承诺事项' });
  await add.getByLabel('事项', { exact: true }).fill('税法宣讲进社区（场）');
  await add.getByLabel('数量').fill('2');
  await add.getByRole('button', { name: '保存' }).click();
  await expect(page.locator('tr.ant-table-row').filter({ hasText: '税法宣讲进社区（场）' })).toContainText('0/2');
  await expect(page.locator('.ant-descriptions')).toContainText('16%');
});
