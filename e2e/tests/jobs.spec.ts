// Jobs (招聘) end to end. On a 390 px phone without a staff session: the public list filtered by
// area and keyword, a post's page, "log in to apply" through the SMS login (the code read through
// the test hook as public-accounts.spec.ts does) and back, the application with a PDF CV, its
// stage on the page and under 我的求职. Then 江头's station head moves the candidate along to
// hired and adds them to the register; 金山's posts are not in the head's list.
import { expect, test, type Page } from '@playwright/test';
import { chooseOption, signIn } from './helpers.ts';

test.describe.configure({ mode: 'serial' });

const CANDIDATE = { name: '陈志远', mobile: '13800000002' };
const PDF = Buffer.from('%PDF-1.4\n% 陈志远的简历\ntrailer<<>>\n%%EOF\n');

const lastCode = async (page: Page, mobile: string) => {
  const res = await page.request.get(`/api/v1/public/account/test/last-code?mobile=${mobile}`);
  return ((await res.json()) as { code: string }).code;
};

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('a candidate finds a post, logs in by SMS and applies with a CV', async ({ page }) => {
    await page.goto('/p/jobs');
    await expect(page.getByRole('heading', { name: '社工招聘' })).toBeVisible();
    await expect(page.getByRole('link', { name: '湖里区社会工作人才专场招聘会' })).toBeVisible();
    await chooseOption(page, page, '地区', '江头街道');
    await page.getByLabel('搜索岗位、单位').fill('驻站');
    await page.getByLabel('搜索岗位、单位').press('Enter');
    await expect(page.getByTestId('jobs-count')).toHaveText('共 1 个岗位');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: 'test-results/jobs-public-list.png', fullPage: true });
    await page.getByRole('link', { name: '驻站社工' }).click();

    await expect(page.getByRole('heading', { name: '驻站社工' })).toBeVisible();
    await expect(page.getByText('江头街道社工站 · 江头街道')).toBeVisible();
    await page.getByRole('button', { name: '登录后投递' }).click();
    await expect(page).toHaveURL(/\/p\/login\?next=/);
    await page.getByLabel('手机号码').fill(CANDIDATE.mobile);
    await page.getByRole('button', { name: '获取验证码' }).click();
    await expect(page.getByRole('button', { name: /秒后重新获取/ })).toBeVisible();
    await page.getByLabel('短信验证码').fill(await lastCode(page, CANDIDATE.mobile));
    await page.getByRole('button', { name: '登录', exact: true }).click();

    await expect(page.getByRole('heading', { name: '驻站社工' })).toBeVisible();
    await expect(page.getByText('投递人：陈志远（138****0002）')).toBeVisible();
    await chooseOption(page, page, '最高学历', '本科');
    await chooseOption(page, page, '社工证书等级', '助理社会工作师');
    await page.getByLabel('从业年限（年）').fill('3');
    // No CV yet: refused here.
    await page.getByRole('button', { name: '投递简历' }).click();
    await expect(page.getByText('请选择简历文件')).toBeVisible();
    await page.locator('#job-cv').setInputFiles({ name: '陈志远-简历.pdf', mimeType: 'application/pdf', buffer: PDF });
    await expect(page.getByText('陈志远-简历.pdf')).toBeVisible();
    await page.getByRole('button', { name: '投递简历' }).click();
    await expect(page.getByTestId('my-application')).toContainText('已投递 · 当前阶段：已投递');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: 'test-results/jobs-public-applied.png', fullPage: true });

    await page.goto('/p/my');
    await expect(page.getByTestId('pa-section-jobs')).toContainText('驻站社工 · 江头街道社工站');
  });
});

test('the station head moves the candidate to hired and adds them to the register', async ({ page }) => {
  await signIn(page, 'jiangtou.head');
  await page.goto('/jobs');
  await expect(page.getByRole('button', { name: '发布岗位' })).toBeVisible();
  await expect(page.getByRole('link', { name: '驻站社工' })).toBeVisible();
  // 金山's posts are not 江头's.
  await expect(page.getByRole('link', { name: '青少年社工' })).toHaveCount(0);
  await page.getByRole('link', { name: '驻站社工' }).click();
  const row = page.getByRole('row', { name: /陈志远/ });
  await expect(row).toContainText('138****0002');
  await expect(row).toContainText('已投递');
  for (const stage of ['通过筛选', '面试', '录用通知', '已入职']) {
    await row.getByRole('button', { name: `转到“${stage}”` }).click();
    await expect(row.locator('.ant-tag')).toHaveText(stage);
  }
  await row.getByRole('button', { name: '加入人才库' }).click();
  await page
    .locator('.ant-modal-confirm')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await expect(row.getByRole('link', { name: '已在人才库' })).toBeVisible();
  await page.screenshot({ path: 'test-results/jobs-applications.png', fullPage: true });
  await row.getByRole('link', { name: '已在人才库' }).click();
  await expect(page.getByText('陈志远').first()).toBeVisible();
  await expect(page.getByText('江头街道社工站').first()).toBeVisible();
});
