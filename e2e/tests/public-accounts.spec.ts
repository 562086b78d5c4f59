// Public accounts on a phone (390 × 844), without a staff session: sign up with name, mobile and
// SMS code (read through the test-only hook the server registers under NODE_ENV=test with
// WUSHE_SMS_TEST_HOOK=1, as the code is otherwise only in the server log), the 60 s countdown,
// the "my" page with its four empty sections, a name change, log out, log in again; the demo
// account 林晓 logs in the same way; a staff page does not open with a public session.
import { expect, test, type Page } from '@playwright/test';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

const lastCode = async (page: Page, mobile: string) => {
  const res = await page.request.get(`/api/v1/public/account/test/last-code?mobile=${mobile}`);
  return ((await res.json()) as { code: string }).code;
};

const noSidewaysScroll = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

test('sign up with an SMS code, see the my page, rename and log out', async ({ page }) => {
  const mobile = `139${String(Date.now()).slice(-8)}`;
  await page.goto('/p/signup');
  await expect(page.getByRole('heading', { name: '注册公众账号' })).toBeVisible();
  await expect(page.getByTestId('pa-demo')).toContainText('演示环境：验证码已写入服务器日志');

  // A bad number is refused before anything is sent.
  await page.getByLabel('手机号码').fill('12345');
  await page.getByRole('button', { name: '获取验证码' }).click();
  await expect(page.getByText('请输入 11 位手机号码')).toBeVisible();

  await page.getByLabel('姓名').fill('黄雅琪');
  await page.getByLabel('手机号码').fill(mobile);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await expect(page.getByRole('button', { name: /秒后重新获取/ })).toBeDisabled();
  await page.getByLabel('短信验证码').fill(await lastCode(page, mobile));
  await noSidewaysScroll(page);
  await page.screenshot({ path: 'test-results/public-signup.png', fullPage: true });
  await page.getByRole('button', { name: '注册并登录' }).click();

  await expect(page).toHaveURL(/\/p\/my$/);
  await expect(page.getByTestId('pa-name')).toHaveText('黄雅琪');
  await expect(page.getByTestId('pa-mobile')).toHaveText(`手机号：${mobile.slice(0, 3)}****${mobile.slice(-4)}`);
  for (const [kind, empty] of [
    ['applications', '暂无申请记录'],
    ['trainings', '暂无培训记录'],
    ['hours', '暂无学时记录'],
    ['certificates', '暂无证书'],
  ])
    await expect(page.getByTestId(`pa-section-${kind}`)).toContainText(empty);
  await expect(page.locator('body')).not.toContainText(mobile);
  await noSidewaysScroll(page);
  await page.screenshot({ path: 'test-results/public-my.png', fullPage: true });

  await page.getByRole('button', { name: '修改姓名' }).click();
  await page.getByLabel('姓名').fill('黄雅琪琪');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('pa-name')).toHaveText('黄雅琪琪');

  // A public session is no staff session: the staff pages send it to the staff login.
  await page.goto('/residents');
  await expect(page).toHaveURL(/\/login/);

  await page.goto('/p/my');
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/p\/login$/);
  await page.goto('/p/my');
  await expect(page).toHaveURL(/\/p\/login$/);
});

test('the demo account 林晓 logs in with a code', async ({ page }) => {
  await page.goto('/p/login');
  await expect(page.getByTestId('pa-demo')).toContainText('林晓 13800000001');
  await page.getByLabel('手机号码').fill('13800000001');
  await page.getByRole('button', { name: '获取验证码' }).click();
  await expect(page.getByRole('button', { name: /秒后重新获取/ })).toBeVisible();
  await page.getByLabel('短信验证码').fill(await lastCode(page, '13800000001'));
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByTestId('pa-name')).toHaveText('林晓');
  await page.screenshot({ path: 'test-results/public-login-done.png', fullPage: true });
});
