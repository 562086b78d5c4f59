// Trainings end to end. A worker (jiangtou.sw) signs up on the public training page on a phone
// (390 × 844) with the name and mobile of their register entry, checks in by the session's QR
// code, and finds the three hours credited on their own worker page; the station head opens a
// training through the form, adds a session, registers someone, ticks attendance, issues the
// certificate, prints it, and the public verification page shows the masked name.
import { expect, test, type Browser } from '@playwright/test';
import { apiClient, signIn } from './helpers.ts';

const phoneOf = (browser: Browser) =>
  browser.newContext({
    viewport: { width: 390, height: 844 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    isMobile: true,
    hasTouch: true,
  });

test('a worker signs up on a phone, checks in by QR, and sees the hours credited', async ({ page, browser }) => {
  test.setTimeout(180_000);
  // The worker's own entry (name), and its mobile revealed by the head (audited) as the worker would type it.
  const mine = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const swPage = await mine.newPage();
  await signIn(swPage, 'jiangtou.sw');
  const me = await (await apiClient(swPage)).get<{ id: string; name: string }>('/workers/me');

  await signIn(page, 'jiangtou.head');
  const api = await apiClient(page);
  const { value: mobile } = await api.post<{ value: string }>(`/workers/${me.id}/reveal`, {
    field: 'mobile',
    reason: '端到端测试：培训报名',
  });
  const title = `社区安全应急培训 ${Date.now() % 100000}`;
  const actor = await api.get<{ area: { code: string } }>('/auth/me');
  const training = await api.post<{ id: string }>('/trainings', { title, level: 'on_the_job', areaCode: actor.area.code, capacity: 30 });
  const session = await api.post<{ id: string }>(`/trainings/${training.id}/sessions`, {
    title: '应急疏散演练',
    startsAt: new Date(Date.now() - 10 * 60_000).toISOString(),
    endsAt: new Date(Date.now() + 110 * 60_000).toISOString(),
    mode: 'offline',
    place: '江头街道社工站',
    hours: 3,
  });

  // On the phone: the public page, signing up with the register's name and mobile.
  const phone = await phoneOf(browser);
  const p = await phone.newPage();
  await p.goto(`/p/trainings/${training.id}`);
  await expect(p.getByRole('heading', { name: title })).toBeVisible();
  await expect(p.getByText('应急疏散演练')).toBeVisible();
  const signUp = p.getByTestId('tr-signup');
  await signUp.getByLabel('姓名').fill(me.name);
  await signUp.getByLabel('手机号').fill(mobile);
  await signUp.getByLabel('工作单位').fill('江头街道社工站');
  await signUp.getByRole('button', { name: '报名参加' }).click();
  await expect(p.getByTestId('tr-signup-result')).toContainText('报名成功');
  expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await p.screenshot({ path: 'test-results/training-public.png', fullPage: true });

  // The head's QR screen for the session: the phone opens the link it encodes and checks in.
  await page.goto(`/trainings/${training.id}`);
  await page.getByRole('link', { name: '二维码签到' }).click();
  await page.waitForURL(`**/trainings/${training.id}/sessions/${session.id}/qr`);
  const qr = page.getByTestId('checkin-qr');
  await expect(qr).toBeVisible();
  const url = (await qr.getAttribute('data-url'))!;
  expect(url).toContain(`/c/training_session/${session.id}?t=`);
  await p.goto(url);
  await p.getByLabel('姓名').fill(me.name);
  await p.getByLabel('手机号').fill(mobile);
  await p.getByRole('button', { name: '签到' }).click();
  await expect(p.getByText('签到成功')).toBeVisible();
  await p.screenshot({ path: 'test-results/training-checkin.png', fullPage: true });
  await phone.close();
  await expect(page.getByTestId('qr-present')).toHaveText('已签到 1 人', { timeout: 15_000 });

  // The worker's own page: the session's three hours credited to the current cycle.
  await swPage.goto('/my-entry');
  const hours = swPage.getByTestId('ce-hours');
  await expect(hours).toContainText('继续教育学时');
  await expect(hours.locator('.ant-table-row', { hasText: title })).toContainText('3');
  const credited = await (await apiClient(swPage)).get<{ cycles: { hours: number }[]; attended: { trainingId: string }[] }>('/ce-hours/me');
  expect(credited.attended.some((a) => a.trainingId === training.id)).toBe(true);
  if (credited.cycles.length) await expect(swPage.getByTestId('ce-credited')).toContainText(String(credited.cycles[0]!.hours));
  await swPage.screenshot({ path: 'test-results/training-hours.png', fullPage: true });
  await mine.close();
});

test('the head opens a training, adds a session, ticks attendance and prints the certificate', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signIn(page, 'jiangtou.head');
  const title = `个案记录规范培训 ${Date.now() % 100000}`;
  await page.getByRole('menuitem', { name: '社工人才' }).click();
  await page.getByRole('menuitem', { name: '培训', exact: true }).click();
  await page.waitForURL('**/trainings');
  await page.getByRole('button', { name: '新建培训' }).first().click();
  const drawer = page.getByRole('dialog', { name: '新建培训' });
  await drawer.getByLabel('培训名称').fill(title);
  await drawer.getByRole('button', { name: '保存' }).click();
  await page.waitForURL(/\/trainings\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  // Edited after opening: fewer places (its area stays as opened).
  await expect(page.getByText('0/40')).toBeVisible();
  await page.getByRole('button', { name: '编辑培训' }).click();
  const editing = page.getByRole('dialog', { name: '编辑培训' });
  await expect(editing.getByLabel('培训名称')).toHaveValue(title);
  await editing.getByLabel('名额').fill('30');
  await editing.getByRole('button', { name: '保存' }).click();
  await expect(editing).toBeHidden();
  await expect(page.getByText('0/30')).toBeVisible();

  // A session through the form (yesterday, three hours).
  await page.getByRole('button', { name: '添加课程' }).click();
  const form = page.getByRole('dialog', { name: '添加课程' });
  await form.getByLabel('课程名称').fill('记录规范与案例');
  const day = new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
  const range = form.locator('.ant-picker-range input');
  await range.first().click();
  await range.first().fill(`${day} 09:00`);
  await range.first().press('Enter');
  await range.last().fill(`${day} 12:00`);
  await range.last().press('Enter');
  await form.getByLabel('上课地点').fill('江头街道社工站会议室');
  await form.locator('.ant-drawer-title').click();
  await form.getByRole('button', { name: '保存' }).click();
  await expect(page.locator('.ant-table-row', { hasText: '记录规范与案例' })).toBeVisible();

  // Register someone, tick them present: three hours, completed; issue and print the certificate.
  await page.getByRole('tab', { name: '报名与考勤' }).click();
  await page.getByRole('button', { name: '登记其他人员' }).click();
  const person = page.getByRole('dialog', { name: '登记其他人员' });
  await person.getByLabel('姓名').fill('邱美华');
  await person.getByLabel('手机号').fill('13912340001');
  await person.getByLabel('工作单位').fill('湖里区慈善会');
  await person.getByRole('button', { name: '保存' }).click();
  const row = page.locator('.ant-table-row', { hasText: '邱美华' });
  await expect(row).toContainText('139****0001');
  // The tick is saved first, then shown (a controlled checkbox).
  const tick = page.getByLabel('邱美华 记录规范与案例');
  await tick.click();
  await expect(tick).toBeChecked();
  await expect(row).toContainText('达到结业要求');
  await page.getByRole('button', { name: '颁发结业证书' }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '颁发结业证书' }).click();
  await expect(page.getByText('新颁发 1 张证书')).toBeVisible();
  const link = row.getByRole('link');
  const code = (await link.textContent())!.trim();
  expect(code).toMatch(/^[A-Z0-9]{10}$/);
  await link.click();
  const cert = page.getByTestId('certificate');
  await expect(cert).toContainText('邱美华');
  await expect(cert).toContainText(`证书编号：${code}`);
  await expect(cert.locator('img')).toHaveAttribute('data-url', new RegExp(`/v/${code}$`));
  await page.screenshot({ path: 'test-results/training-certificate.png', fullPage: true });

  // Anyone verifies it: the masked name only.
  const phone = await phoneOf(browser);
  const p = await phone.newPage();
  await p.goto(`/v/${code}`);
  await expect(p.getByTestId('cert-valid')).toBeVisible();
  await expect(p.getByText(title)).toBeVisible();
  await expect(p.locator('body')).not.toContainText('邱美华');
  await phone.close();
});
