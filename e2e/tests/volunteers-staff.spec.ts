// Volunteers, the station's side: 江头's social worker registers a volunteer through the form
// (skills, certain days) and finds them in the list by mobile; the station head confirms a
// self-registered volunteer awaiting confirmation (the 待确认 quick filter); on an activity
// running now the worker opens a post, puts the new volunteer on it, checks them in and out from
// the list and approves the hours. 金山's worker cannot open the 江头 volunteer.
import { expect, test } from '@playwright/test';
import { apiClient, chooseArea, chooseOption, confirmPopover, randomIdNumber, randomName, signIn } from './helpers.ts';

test.describe.configure({ mode: 'serial' });
// Times are read as a worker in Xiamen would.
test.use({ timezoneId: 'Asia/Shanghai' });

const { name } = randomName();
const mobile = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
let volunteerUrl = '';

test('the social worker registers a volunteer and finds them in the list', async ({ page }) => {
  await signIn(page, 'jiangtou.sw');
  await page.getByRole('menuitem', { name: '志愿服务' }).click();
  await page.getByRole('menuitem', { name: '志愿者', exact: true }).click();
  await page.waitForURL('**/volunteers');
  await page.getByRole('button', { name: '登记志愿者' }).first().click();
  const drawer = page.getByRole('dialog', { name: '登记志愿者' });
  await drawer.getByLabel('姓名', { exact: true }).fill(name);
  await drawer.getByLabel('身份证号', { exact: true }).fill(randomIdNumber());
  await drawer.getByLabel('手机号', { exact: true }).fill(mobile);
  await chooseArea(drawer, page, '所在社区', '江头社区');
  await chooseOption(drawer, page, '技能特长', '摄影');
  await drawer.locator('.ant-drawer-title').click(); // closes the list
  await drawer.getByLabel('指定时间').check();
  await drawer.getByLabel('周三').check();
  await drawer.getByRole('button', { name: '保存' }).click();

  await page.waitForURL(/\/volunteers\/[0-9a-f-]{36}$/);
  volunteerUrl = new URL(page.url()).pathname;
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expect(page.locator('.ant-card-head').getByText('在册')).toBeVisible();
  await expect(page.getByText('每周三、周六、周日 08:00–18:00')).toBeVisible();
  await expect(page.getByText('摄影')).toBeVisible();
  // The worker holds no volunteer.reveal: the mobile stays masked, without 查看.
  await expect(page.getByText(`${mobile.slice(0, 3)}****${mobile.slice(-4)}`)).toBeVisible();
  await expect(page.getByRole('button', { name: /^查看/ })).toHaveCount(0);

  // Found in the list by the 11-digit mobile.
  await page.getByRole('link', { name: '返回志愿者列表' }).click();
  await page.getByLabel('搜索', { exact: true }).fill(mobile);
  await page.getByLabel('搜索', { exact: true }).press('Enter');
  const row = page.locator('.ant-table-row', { hasText: name });
  await expect(row).toBeVisible();
  await expect(page.locator('.ant-table-row')).toHaveCount(1);
  await expect(row).toContainText('江头社区');
});

test('the station head confirms a self-registered volunteer', async ({ page }) => {
  await signIn(page, 'jiangtou.head');
  await page.goto('/volunteers');
  await page.getByRole('button', { name: '待确认' }).click();
  const first = page.locator('.ant-table-row').first();
  await expect(first).toContainText('待确认');
  await expect(page.locator('.ant-table-row', { hasText: '在册' })).toHaveCount(0);
  const pendingName = (await first.getByRole('link').textContent())!;
  await first.getByRole('link').click();
  await expect(page.getByRole('heading', { name: pendingName })).toBeVisible();
  await expect(page.getByText('自主注册')).toBeVisible();
  // The head may reveal: the button is there.
  await expect(page.getByRole('button', { name: '查看手机号' })).toBeVisible();
  await page.getByRole('button', { name: '确认注册' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '确认注册' }).click();
  await expect(page.locator('.ant-card-head').getByText('在册')).toBeVisible();
  await expect(page.getByRole('button', { name: '暂停' })).toBeVisible();
});

test('on an activity the worker opens a post, adds the volunteer, checks them in and out, approves the hours', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'jiangtou.sw');
  const api = await apiClient(page);
  const title = `社区义诊 ${Date.now() % 100000}`;
  const activity = await api.post<{ id: string }>('/activities', {
    title,
    place: '江头社区服务站',
    startsAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    endsAt: new Date(Date.now() + 115 * 60_000).toISOString(),
  });
  await page.goto(`/activities/${activity.id}`);
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  const card = page.locator('.ant-card', { has: page.getByText('志愿者', { exact: true }) });
  // The tab shown (antd keeps the panes visited before, hidden).
  const pane = card.getByRole('tabpanel');

  // 新增岗位
  await card.getByRole('button', { name: '新增岗位' }).click();
  const drawer = page.getByRole('dialog', { name: '新增岗位' });
  await drawer.getByLabel('岗位名称').fill('摄影记录');
  await drawer.getByLabel('岗位职责').fill('拍摄活动照片');
  await chooseOption(drawer, page, '所需技能', '摄影');
  await drawer.locator('.ant-drawer-title').click();
  await drawer.getByLabel('招募人数').fill('3');
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(drawer).toBeHidden();
  const post = pane.locator('.ant-table-row', { hasText: '摄影记录' });
  await expect(post).toContainText('0/3 人');
  await expect(post).toContainText('招募中');

  // 报名: put the new volunteer on the post (accepted at once), then check in and out.
  await card.getByRole('tab', { name: /^报名/ }).click();
  // Under load a late search answer can replace the options as the click lands: pick until it shows.
  const picker = card.getByLabel('安排在册志愿者', { exact: true });
  await expect(async () => {
    if (!(await page.locator('.ant-select-dropdown:visible').count())) await picker.click();
    await picker.fill(mobile);
    await page
      .locator('.ant-select-dropdown:visible')
      .getByText(new RegExp(`^${name}（`))
      .first()
      .click({ timeout: 5000 });
    await expect(card.locator('.ant-select', { hasText: name })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await card.getByRole('button', { name: '安排志愿者' }).click();
  const signup = pane.locator('.ant-table-row', { hasText: name });
  await expect(signup).toContainText('已录用');
  await expect(signup).toContainText('站点安排');
  await signup.getByRole('button', { name: `签到 ${name}` }).click();
  await signup.getByRole('button', { name: `签退 ${name}` }).click();
  await expect(signup.getByRole('button')).toHaveCount(0);

  // 服务时长: the record awaits approval; select it and 认定.
  await card.getByRole('tab', { name: /^服务时长/ }).click();
  const record = pane.locator('.ant-table-row', { hasText: name });
  await expect(record).toContainText('待审核');
  await expect(record).toContainText('名单');
  await record.locator('input[type="checkbox"]').check();
  await card.getByRole('button', { name: '认定', exact: true }).click();
  await expect(record).toContainText('已认定');
  await record.getByRole('button', { name: `记录 ${name}` }).click();
  const history = page.getByRole('dialog', { name: `记录：${name}` });
  await expect(history).toContainText('签到');
  await expect(history).toContainText('认定');
  await page.keyboard.press('Escape');
  await expect(history).toBeHidden();

  // Back on 岗位, the post counts the volunteer; closing it asks first.
  await card.getByRole('tab', { name: /^招募岗位/ }).click();
  await expect(post).toContainText('1/3 人');
  await post.getByRole('button', { name: '停止招募' }).click();
  await confirmPopover(page, '停止招募');
  await expect(post).toContainText('已停止');
});

test('金山 cannot open a 江头 volunteer', async ({ page }) => {
  await signIn(page, 'jinshan.sw');
  await page.goto(volunteerUrl);
  await expect(page.getByText('404')).toBeVisible();
  await expect(page.getByRole('heading', { name })).toHaveCount(0);
});
