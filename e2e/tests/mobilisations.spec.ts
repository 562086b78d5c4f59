// 一呼百应: 江头's social worker describes a call-out with one need in 林晓's community at a time she
// is free, asks for the proposal and sends the calls; 林晓 (the demo volunteer) is called too
// (through the same send-calls API: the matcher may prefer someone else, and a call is never sent
// twice), accepts on her phone, and the worker's page, refreshing itself, shows the need full.
// 金山's worker cannot open the call-out.
import { expect, test, type Page } from '@playwright/test';
import { apiClient, chooseArea, signIn } from './helpers.ts';

test.use({ timezoneId: 'Asia/Shanghai' });

const LINLIN = '13800000001'; // the demo public account 林晓, a confirmed volunteer of 江头
type Availability = { weekdays: number[]; from: string; to: string } | null;

const lastCode = async (page: Page, mobile: string) =>
  ((await (await page.request.get(`/api/v1/public/account/test/last-code?mobile=${mobile}`)).json()) as { code: string }).code;

/** The first day from tomorrow (Beijing) she can serve on, and her hours then, as the form types them. */
function windowFor(a: Availability): [string, string] {
  const today = new Date(Date.now() + 8 * 3_600_000);
  for (let d = 1; d <= 7; d++) {
    const day = new Date(today.getTime() + d * 86_400_000);
    const weekday = day.getUTCDay() || 7;
    const date = day.toISOString().slice(0, 10);
    if (!a) return [`${date} 10:00`, `${date} 12:00`];
    if (a.weekdays.includes(weekday)) return [`${date} ${a.from}`, `${date} ${a.to === '24:00' ? '23:59' : a.to}`];
  }
  throw new Error('no day she can serve on');
}

test('a worker calls volunteers out, 林晓 accepts on her phone and the need fills', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signIn(page, 'jiangtou.sw');
  const api = await apiClient(page);
  const found = await api.get<{ items: { id: string; name: string; areaName: string; availability: Availability }[] }>(
    `/volunteers?q=${LINLIN}&status=active`,
  );
  const lin = found.items[0]!;
  expect(lin.name).toBe('林晓');
  const title = `社区应急演练 ${Date.now() % 100000}`;
  const needTitle = `演练疏散引导 ${Date.now() % 1000}`;

  // 发起一呼百应 from the menu: one need, in her community, at a time she is free.
  await page.getByRole('menuitem', { name: '志愿服务' }).click();
  await page.getByRole('menuitem', { name: '一呼百应' }).click();
  await page.waitForURL('**/mobilisations');
  await page.getByRole('button', { name: '发起一呼百应' }).first().click();
  const drawer = page.getByRole('dialog', { name: '发起一呼百应' });
  await drawer.getByLabel('标题', { exact: true }).fill(title);
  await drawer.getByLabel('做什么', { exact: true }).fill(needTitle);
  await chooseArea(drawer, page, '社区', lin.areaName);
  await drawer.getByLabel('集合地点', { exact: true }).fill(`${lin.areaName}党群服务中心`);
  const [from, to] = windowFor(lin.availability);
  const range = drawer.locator('.ant-picker-range input');
  await range.first().click();
  await range.first().fill(from);
  await range.first().press('Enter');
  await range.last().fill(to);
  await range.last().press('Enter');
  await drawer.locator('.ant-drawer-title').click();
  await drawer.getByRole('button', { name: '保存' }).click();
  await page.waitForURL(/\/mobilisations\/[0-9a-f-]{36}$/);
  const id = page.url().split('/').pop()!;
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await expect(page.locator('.ant-card-head').getByText('草稿')).toBeVisible();
  const need = page.getByTestId('mobilisation-need');
  await expect(need).toContainText(needTitle);
  await expect(need.getByTestId('need-progress')).toHaveText('已接受 0/1 人');

  // 推荐志愿者: the matcher's choice, with why; all chosen; 发送召集 after confirming.
  await page.getByRole('button', { name: '推荐志愿者' }).click();
  const proposed = need.getByTestId('need-proposal').locator('.ant-table-row');
  await expect(proposed).toHaveCount(1);
  await expect(proposed).toContainText('同社区');
  await expect(proposed.getByRole('checkbox')).toBeChecked();
  await page.getByRole('button', { name: '发送召集（1 人）' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '发送召集' }).click();
  await expect(page.getByText('已发送召集')).toBeVisible();
  await expect(page.locator('.ant-card-head').getByText('已发出')).toBeVisible();
  await expect(need.locator('.ant-table-row').first()).toContainText('待答复');
  // 林晓 is called as well (the same API; nothing happens if the matcher chose her already).
  await api.post(`/mobilisations/${id}/calls`, {
    calls: [{ needId: (await api.get<{ needs: { id: string }[] }>(`/mobilisations/${id}`)).needs[0]!.id, volunteerId: lin.id }],
  });

  // On her phone: log in by SMS code, accept the call.
  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const mobile = await phone.newPage();
  await mobile.goto(`/p/login?next=${encodeURIComponent('/p/volunteer')}`);
  await mobile.getByLabel('手机号码').fill(LINLIN);
  await mobile.getByRole('button', { name: '获取验证码' }).click();
  await expect(mobile.getByRole('button', { name: /秒后重新获取/ })).toBeVisible();
  await mobile.getByLabel('短信验证码').fill(await lastCode(mobile, LINLIN));
  await mobile.getByRole('button', { name: '登录', exact: true }).click();
  await expect(mobile).toHaveURL(/\/p\/volunteer$/);
  const call = mobile.getByTestId('my-call').filter({ hasText: needTitle });
  await expect(call).toContainText(title);
  await call.getByRole('button', { name: '接受' }).click();
  await expect(call).toContainText('已接受');
  await phone.close();

  // The worker's page reads the call-out again by itself: 林晓 accepted, the need is full.
  const row = need.locator('.ant-table-row', { hasText: '林晓' });
  await expect(row).toContainText('已接受', { timeout: 20_000 });
  await expect(need.getByTestId('need-progress')).toContainText('已接受 1/1 人');
  await expect(need.getByText('已满员')).toBeVisible();

  // In the list: the call-out, sent, 1/1.
  await page.getByRole('link', { name: '返回一呼百应列表' }).click();
  const listed = page.locator('.ant-table-row', { hasText: title });
  await expect(listed).toContainText('已发出');
  await expect(listed).toContainText('1/1 人');
  // Found by its title; opened again and ended (asks first).
  await page.getByPlaceholder('搜索标题或需求').fill(title);
  await page.getByPlaceholder('搜索标题或需求').press('Enter');
  await expect(page.locator('.ant-table-row')).toHaveCount(1);
  await listed.getByRole('link', { name: title }).click();
  await page.getByRole('button', { name: '结束召集' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '结束召集' }).click();
  await expect(page.getByText('已结束召集')).toBeVisible();
  await expect(page.locator('.ant-card-head').getByText('已结束')).toBeVisible();
  await expect(page.getByRole('button', { name: '推荐志愿者' })).toHaveCount(0);

  // 金山's worker: another street's call-out answers as missing.
  await page.context().clearCookies();
  await signIn(page, 'jinshan.sw');
  const other = await page.request.get(`/api/v1/mobilisations/${id}`);
  expect(other.status()).toBe(404);
  await page.goto(`/mobilisations/${id}`);
  await expect(page.getByText('404')).toBeVisible();
});
