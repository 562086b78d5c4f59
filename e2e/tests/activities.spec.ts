// 社区活动: 江头's worker creates an activity starting now, signs a resident up, ticks them from
// the list, opens the QR screen and takes the link it encodes; a phone (390×844, no session)
// opens it, checks in by name and mobile, sees success and answers satisfaction; back on the
// activity the person shows present by QR and the answer is listed. 金山 cannot open it.
import { expect, test } from '@playwright/test';
import { apiClient, confirmPopover, createResident, logout, signIn } from './helpers.ts';

// Times are typed and read as a worker in Xiamen would.
test.use({ timezoneId: 'Asia/Shanghai' });

test('run an activity: sign-up, tick, QR check-in on a phone, satisfaction', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signIn(page, 'jiangtou.sw');
  const api = await apiClient(page);
  const resident = await createResident(page);
  const title = `长者防诈骗讲座 ${Date.now() % 100000}`;

  // 新建活动 through the drawer: it opens the activity page.
  await page.getByRole('menuitem', { name: '社区活动' }).click();
  await page.waitForURL('**/activities');
  await page.getByRole('button', { name: '新建活动' }).first().click();
  const drawer = page.getByRole('dialog', { name: '新建活动' });
  await drawer.getByLabel('活动名称').fill(title);
  const start = new Date(Date.now() - 5 * 60_000);
  const end = new Date(Date.now() + 115 * 60_000);
  const fmt = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
  const range = drawer.locator('.ant-picker-range input');
  await range.first().click();
  await range.first().fill(fmt(start));
  await range.first().press('Enter');
  await range.last().fill(fmt(end));
  await range.last().press('Enter');
  await drawer.getByLabel('地点').fill('江头社区活动室');
  await drawer.getByLabel('名额').fill('20');
  await drawer.locator('.ant-drawer-title').click();
  await drawer.getByRole('button', { name: '保存' }).click();
  await page.waitForURL(/\/activities\/[0-9a-f-]{36}$/);
  const id = page.url().split('/').pop()!;
  await expect(page.getByRole('heading', { name: title })).toBeVisible();

  // Sign the resident up by search, and someone else by name.
  const picker = page.getByLabel('为服务对象报名', { exact: true });
  await picker.click();
  await picker.fill(resident.name);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: resident.name }).first().click();
  await picker.press('Escape');
  await expect(page.locator('.ant-select-selection-item', { hasText: resident.name })).toBeVisible();
  await page.getByRole('button', { name: '报名', exact: true }).click();
  await page.getByLabel('姓名', { exact: true }).fill('林阿姨');
  await page.getByRole('button', { name: '其他人员报名' }).click();
  await expect(page.getByTestId('attendance-counts')).toHaveText('报名 2/20 人 · 签到 0 人');

  // Tick the resident from the list.
  await page.getByLabel(`到场 ${resident.name}`).click();
  await expect(page.getByTestId('attendance-counts')).toHaveText('报名 2/20 人 · 签到 1 人');

  // 二维码签到: the screen shows the code and the link it encodes.
  await page.getByRole('button', { name: '二维码签到' }).click();
  await page.waitForURL(`**/activities/${id}/qr`);
  const qr = page.getByTestId('checkin-qr');
  await expect(qr).toBeVisible();
  const url = (await qr.getAttribute('data-url'))!;
  expect(url).toMatch(new RegExp(`/c/activity/${id}\\?t=[A-Za-z0-9_-]{12}$`));
  expect(await page.getByTestId('checkin-link').getAttribute('href')).toBe(url);
  await expect(page.getByTestId('qr-present')).toHaveText('已签到 1 人');

  // A phone without a session opens it and checks in.
  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    isMobile: true,
    hasTouch: true,
  });
  const p = await phone.newPage();
  await p.goto(url);
  await expect(p.getByRole('heading', { name: title })).toBeVisible();
  await expect(p.getByText('江头社区活动室')).toBeVisible();
  await p.getByLabel('姓名').fill('林阿姨');
  await p.getByLabel('手机号').fill('13912345678');
  await p.getByRole('button', { name: '签到' }).click();
  await expect(p.getByText('签到成功')).toBeVisible();
  await expect(p.getByText('林阿姨，欢迎参加！')).toBeVisible();
  expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // Satisfaction: four stars and a comment.
  await p.locator('.ant-rate-star').nth(3).click();
  await p.getByLabel('意见建议（选填）').fill('讲得很清楚');
  await p.getByRole('button', { name: '提交评价' }).click();
  await expect(p.getByText('感谢您的评价！').first()).toBeVisible();
  // Scanning again later (the receipt is kept): already checked in.
  await p.reload();
  await expect(p.getByText('签到成功')).toBeVisible();
  await phone.close();

  // The screen's count follows; back on the activity she is present by QR, and her answer is listed.
  await expect(page.getByTestId('qr-present')).toHaveText('已签到 2 人', { timeout: 15_000 });
  await page.getByRole('link', { name: '返回活动' }).click();
  await expect(page.getByTestId('attendance-counts')).toHaveText('报名 2/20 人 · 签到 2 人');
  const row = page.locator('.ant-table-row', { hasText: '林阿姨' });
  await expect(row).toContainText('扫码');
  const answers = page.locator('.ant-card', { has: page.getByText('满意度', { exact: true }) });
  await expect(answers).toContainText('讲得很清楚');
  await expect(answers).toContainText('本人扫码填写');
  const list = await api.get<{ items: { personName: string; method: string }[] }>(`/activities/${id}/attendance`);
  expect(list.items.find((r) => r.personName === '林阿姨')?.method).toBe('qr');

  // Mark held (asked first).
  await page.getByRole('button', { name: '标记为已举办' }).click();
  await confirmPopover(page, '标记为已举办');
  await expect(page.locator('.ant-tag', { hasText: '已举办' })).toBeVisible();

  // 金山's worker cannot open 江头's activity.
  await logout(page);
  await signIn(page, 'jinshan.sw');
  await page.goto(`/activities/${id}`);
  await expect(page.getByText('404')).toBeVisible();
});
