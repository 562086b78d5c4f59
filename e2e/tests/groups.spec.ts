// Groups (小组): 江头's worker creates a group, adds two registered residents and a guest by name,
// records the first session with one member absent and a visitor, and sees the counts (members,
// sessions held, person-times). 金山's worker does not see it. On a phone the group page does not
// scroll sideways.
import { expect, test, type Page } from '@playwright/test';
import { apiClient, chooseOption, createResident, signIn } from './helpers.ts';

// Times typed into the form are read in the browser's zone: Shanghai, as the workers are.
test.use({ timezoneId: 'Asia/Shanghai' });

const stat = (page: Page, title: string) => page.locator('.ant-statistic', { has: page.getByText(title, { exact: true }) });

test('create a group, add members, record a session with one absent, see the counts', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, 'jiangtou.sw');
  const a = await createResident(page);
  const b = await createResident(page);
  const name = `e2e 手机教育小组 ${Date.now()}`;

  await page.getByRole('menuitem', { name: '小组工作' }).click();
  await page.waitForURL('**/groups');
  await page.getByRole('button', { name: '新建小组' }).first().click();
  const drawer = page.getByRole('dialog', { name: '新建小组' });
  await drawer.getByLabel('小组名称').fill(name);
  // The drawer may still be sliding in (and the code list loading): pick again until the choice shows.
  await expect(async () => {
    if (await page.locator('.ant-select-dropdown:visible').count()) await drawer.locator('.ant-drawer-title').click();
    await chooseOption(drawer, page, '类型', '教育小组');
    await expect(drawer.locator('.ant-select').first()).toContainText('教育小组', { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await drawer.getByLabel('小组目标').fill('学会用手机挂号和视频通话');
  await drawer.getByLabel('计划节数').fill('4');
  // The first session started an hour ago, so it can be recorded now.
  const first = new Date(Date.now() + 8 * 3_600_000 - 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
  await drawer.getByLabel('第一节时间').fill(first);
  await drawer.getByLabel('第一节时间').press('Enter');
  await drawer.getByRole('button', { name: '保存' }).click();
  await page.waitForURL(/\/groups\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name })).toBeVisible();
  const groupUrl = page.url();

  // Members: two residents by search (one per round: a second search's options can still be
  // the first's while they load) and one person by name.
  for (const [i, r] of [a, b].entries()) {
    await page.getByRole('button', { name: '添加成员' }).click();
    const add = page.getByRole('dialog', { name: '添加成员' });
    await add.getByLabel('服务对象').fill(r.name);
    await page
      .locator('.ant-select-dropdown:visible')
      .getByText(new RegExp(`^${r.name}（`))
      .first()
      .click();
    await add.locator('.ant-drawer-title').click();
    if (i === 1) {
      await add.getByRole('button', { name: '添加一位' }).click();
      await add.getByPlaceholder('姓名').fill('王阿姨');
    }
    await add.getByRole('button', { name: '保存' }).click();
    await expect(add).toBeHidden();
    await expect(stat(page, '成员')).toContainText(i === 0 ? '1' : '3');
  }
  await expect(stat(page, '成员')).toContainText('3');

  // Record the first session: the second resident absent, a visitor by name.
  const sessions = page.locator('.ant-card', { has: page.getByText('小组节次', { exact: true }) });
  await sessions.getByRole('button', { name: '记录' }).first().click();
  const rec = page.getByRole('dialog', { name: /^记录 第1节/ });
  await rec.getByRole('checkbox', { name: a.name }).check();
  await rec.getByRole('checkbox', { name: '王阿姨' }).check();
  await rec.getByRole('button', { name: '添加一位' }).click();
  await rec.getByPlaceholder('姓名').fill('楼长刘姐');
  await rec.getByLabel('活动内容').fill('认识智能手机，练习接打视频电话');
  await rec.getByLabel('简要评估').fill('组员学习积极，个别需要一对一辅导');
  await rec.getByRole('button', { name: '保存' }).click();
  await expect(rec).toBeHidden();
  await expect(sessions).toContainText('到场 3 人');
  await expect(stat(page, '已开展/计划')).toContainText('1/4');
  await expect(stat(page, '服务人次')).toContainText('3');
  await expect(page.getByText('进行中').first()).toBeVisible();

  // The same counts through the API, and 金山 does not see the group.
  const id = groupUrl.split('/').pop()!;
  const api = await apiClient(page);
  expect(await api.get(`/groups/${id}`)).toMatchObject({ memberCount: 3, sessionsHeld: 1, personTimes: 3 });
  await page.context().clearCookies();
  await signIn(page, 'jinshan.sw');
  const res = await page.request.get(`/api/v1/groups/${id}`);
  expect(res.status()).toBe(404);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('a demo group page does not scroll sideways', async ({ page }) => {
    await signIn(page, 'jiangtou.sw');
    const api = await apiClient(page);
    const { items } = await api.get<{ items: { id: string; name: string }[] }>('/groups?status=ended&pageSize=1');
    await page.goto(`/groups/${items[0]!.id}`);
    await expect(page.getByRole('heading', { name: items[0]!.name })).toBeVisible();
    await expect(page.getByText('小组节次')).toBeVisible();
    const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await sideways()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: 'test-results/groups-phone.png', fullPage: true });
  });
});
