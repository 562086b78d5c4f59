// Volunteers on a phone: a visitor signs up and registers as a volunteer of 江头社区 (pending, with
// a number), the station confirms; the volunteer claims a wish on the board, is put on a post of
// an activity running now, checks in and out by the activity's volunteer QR link, and the
// certificate the station issues for the approved hours is verified on the public page with its
// content. The station's own screens are in volunteers-staff.spec.ts.
import { expect, test } from '@playwright/test';
import { apiClient, chooseOption, randomIdNumber, signIn } from './helpers.ts';

test.use({ timezoneId: 'Asia/Shanghai' });

const lastCode = async (page: import('@playwright/test').Page, mobile: string) =>
  ((await (await page.request.get(`/api/v1/public/account/test/last-code?mobile=${mobile}`)).json()) as { code: string }).code;

test('a volunteer registers on a phone, is confirmed, claims a wish, checks in by QR and has the certificate verified', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const mobile = `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const name = '周志愿';
  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await phone.newPage();

  // A visitor: sign up, then back to the volunteer page with the registration form.
  await page.goto('/p/volunteer');
  await page.getByRole('button', { name: '注册账号' }).click();
  await expect(page).toHaveURL(/\/p\/signup\?next=/);
  await page.getByLabel('姓名').fill(name);
  await page.getByLabel('手机号码').fill(mobile);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await expect(page.getByRole('button', { name: /秒后重新获取/ })).toBeVisible();
  await page.getByLabel('短信验证码').fill(await lastCode(page, mobile));
  await page.getByRole('button', { name: '注册并登录' }).click();
  await expect(page).toHaveURL(/\/p\/volunteer$/);
  await page.getByRole('button', { name: '提交注册' }).click();
  await expect(page.getByText('必填').first()).toBeVisible(); // checked before anything is sent
  await page.getByLabel('身份证号码').fill(randomIdNumber());
  await chooseOption(page, page, '所在社区', '江头街道 · 江头社区', '江头社区');
  await page.getByLabel('家电维修').check();
  await page.getByRole('button', { name: '提交注册' }).click();
  await expect(page.getByTestId('volunteer-pending')).toBeVisible();
  const number = (await page.getByTestId('volunteer-no').innerText()).trim();
  expect(number).toMatch(/^V\d{10}$/);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

  // The station confirms it; then sets up an activity running now with a post the volunteer is on.
  const desk = await browser.newContext({ timezoneId: 'Asia/Shanghai' });
  const staff = await desk.newPage();
  await signIn(staff, 'jiangtou.sw');
  const api = await apiClient(staff);
  const found = await api.get<{ items: { id: string; version: number; volunteerNo: string }[] }>(`/volunteers?status=pending&q=${mobile}`);
  expect(found.items.map((v) => v.volunteerNo)).toEqual([number]);
  const v = found.items[0]!;
  await api.post(`/volunteers/${v.id}/transition`, { action: 'confirm', version: v.version });
  const at = (min: number) => new Date(Date.now() + min * 60_000).toISOString();
  const activity = await api.post<{ id: string }>('/activities', {
    title: `长者智能手机课 ${number.slice(-4)}`,
    place: '江头社区党群服务中心',
    startsAt: at(-10),
    endsAt: at(110),
  });
  const post = await api.post<{ id: string }>(`/activities/${activity.id}/volunteers`, { title: '手机辅导员', slots: 3 });
  await api.post(`/activities/${activity.id}/volunteers/signups`, { postId: post.id, volunteerId: v.id });
  const code = await api.get<{ url: string }>(`/activities/${activity.id}/checkins/code`);

  // Confirmed: the phone shows the volunteer as 在册; the volunteer claims an open wish.
  await page.reload();
  await expect(page.getByTestId('volunteer-card')).toContainText('在册');
  await expect(page.getByTestId('my-signup')).toContainText('手机辅导员');
  const board = (await (await page.request.get('/api/v1/public/wishes?show=open&pageSize=50')).json()) as {
    items: { id: string; deadline: string }[];
  };
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const open = board.items.find((w) => w.deadline >= today)!;
  await page.goto(`/p/wishes/${open.id}`);
  await page.getByRole('button', { name: '我来认领' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '我来认领' }).click();
  await expect(page.getByText('认领成功，谢谢您！')).toBeVisible();

  // The QR link of the activity: check in, then out.
  await page.goto(code.url);
  await expect(page.getByText('长者智能手机课')).toBeVisible();
  await page.getByRole('button', { name: '签到' }).click();
  await expect(page.getByTestId('checkin-result')).toContainText('签到成功');
  await page.goto(code.url);
  await page.getByRole('button', { name: '签退' }).click();
  await expect(page.getByTestId('checkin-result')).toContainText('签退成功');

  // The organiser corrects the minutes (the phone checked out at once) and the station certifies them.
  const list = await api.get<{ hours: { id: string; volunteerId: string; version: number }[] }>(`/activities/${activity.id}/volunteers`);
  const rec = list.hours.find((h) => h.volunteerId === v.id)!;
  await api.post(`/activities/${activity.id}/checkins/${rec.id}/correction`, {
    minutes: 90,
    reason: '辅导至课程结束，签退时网络不畅',
    version: rec.version,
  });
  // The station issues the certificate on the volunteer's page and prints it.
  await staff.goto(`/volunteers/${v.id}`);
  await staff.getByRole('button', { name: '开具证明' }).click();
  await staff.getByRole('dialog').getByRole('button', { name: '开具证明' }).click();
  await expect(staff.getByText('证明已开具')).toBeVisible();
  await staff.getByRole('link', { name: '打印' }).first().click();
  const printed = staff.getByTestId('volunteer-certificate');
  await expect(printed).toContainText(name);
  await expect(printed).toContainText(number);
  await expect(printed).toContainText('1.5');
  const certCode = (/验证码：([A-Z0-9]{10})/.exec(await printed.innerText()) ?? [])[1]!;
  await page.goto(`/v/${certCode}`);
  await expect(page.getByTestId('cert-valid')).toBeVisible();
  await expect(page.getByText('志愿服务记录证明')).toBeVisible();
  await expect(page.getByText(number)).toBeVisible();
  await expect(page.getByText('1.5', { exact: true })).toBeVisible();
  await expect(page.getByText(name)).toHaveCount(0); // the name masked
  await page.goto('/p/volunteer');
  await expect(page.getByTestId('volunteer-hours')).toContainText('1.5 小时');
  await phone.close();
  await desk.close();
});

test('volunteer.demo lands on the volunteer 工作台', async ({ page }) => {
  // lockout.spec leaves volunteer.demo locked for 15 minutes: the district's account manager unlocks it first.
  await signIn(page, 'huli');
  const admin = await apiClient(page);
  const users = await admin.get<{ items: { id: string; username: string }[] }>('/users?q=volunteer.demo');
  await admin.post(`/users/${users.items.find((u) => u.username === 'volunteer.demo')!.id}/unlock`, {});
  await page.context().clearCookies();
  await signIn(page, 'volunteer.demo');
  const home = page.getByTestId('volunteer-home');
  await expect(home).toBeVisible();
  await expect(home.getByText('志愿者编号')).toBeVisible();
  await expect(home.getByText('附近的微心愿')).toBeVisible();
  await expect(home.locator('.ant-list-item').first()).toBeVisible();
});
