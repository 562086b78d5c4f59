// 奖补: a worker applies to the talent reward by certificate level, the station head (机构审核)
// accepts and passes it, the district official (部门审核) approves it within the budget, and it
// appears on the payment list; a worker of another street does not see it in any queue.
import { expect, test } from '@playwright/test';
import { apiClient, logout, signIn } from './helpers.ts';

test.use({ timezoneId: 'Asia/Shanghai' });

test('a worker applies, the organisation and the department approve, the payment list shows it', async ({ page }) => {
  const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
  const title = `${year}年度持证社工人才奖励`;
  await signIn(page, 'jiangtou.sw');
  await page.getByRole('menuitem', { name: '社工人才' }).click();
  await page.getByRole('menuitem', { name: '奖补政策', exact: true }).click();
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 3 })).toHaveText(title);
  await page.getByRole('button', { name: '我要申请' }).click();
  const drawer = page.locator('.ant-drawer:visible');
  await drawer.getByLabel('申请说明').fill('本人持助理社会工作师证书，申请持证奖励。');
  await drawer.getByRole('button', { name: '提交申请' }).click();
  await expect(drawer).toBeHidden();
  await page.getByRole('menuitem', { name: '我的奖补申请' }).click();
  const mine = page.locator('.ant-list-item').filter({ hasText: title });
  await expect(mine).toContainText('已提交');
  await expect(mine).toContainText('2,000.00');
  const api = await apiClient(page);
  const [app] = (await api.get<{ id: string; policyId: string }[]>('/subsidy-applications/mine')).filter((a) => a.id);
  const detail = await api.get<{ name: string }>(`/subsidy-applications/${app!.id}`);
  await logout(page);

  // 机构审核: the station head takes it into review, then passes it to the department.
  await signIn(page, 'jiangtou.head');
  await page.getByRole('menuitem', { name: '社工人才' }).click();
  await page.getByRole('menuitem', { name: '奖补机构审核' }).click();
  const orgRow = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: detail.name }).filter({ hasText: title });
  await expect(orgRow).toContainText('在人才库在册');
  await orgRow.getByRole('button', { name: '受理', exact: true }).click();
  await expect(orgRow).toContainText('机构审核');
  await orgRow.getByRole('button', { name: '审核通过' }).click();
  await expect(orgRow).toHaveCount(0);
  await logout(page);

  // 部门审核: the district official approves it; it lands on the payment list to pay.
  await signIn(page, 'huli');
  await page.getByRole('menuitem', { name: '社工人才' }).click();
  await page.getByRole('menuitem', { name: '奖补部门审核' }).click();
  const deptRow = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: detail.name }).filter({ hasText: title });
  await deptRow.getByRole('button', { name: '批准', exact: true }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '批准', exact: true }).click();
  await expect(deptRow).toHaveCount(0);
  await page.goto(`/policies/${app!.policyId}/payments`);
  const payRow = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: detail.name });
  await expect(payRow.first()).toContainText('已批准');
  await expect(payRow.first()).toContainText('2,000.00');
  await logout(page);

  // Another street's worker lists no one's applications.
  await signIn(page, 'jinshan.sw');
  const res = await page.request.get(`/api/v1/subsidy-applications/${app!.id}`);
  expect(res.status()).toBe(404);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('a member of the public applies with proof; the department sees the file with the application', async ({ page }) => {
    const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
    const title = `${year}年度持证社工人才奖励`;
    const mobile = `137${String(Date.now()).slice(-8)}`;
    // signed up through the API (the sign-up page has its own spec); the cookie lands in this browser
    await page.request.post('/api/v1/public/account/code', { data: { mobile, purpose: 'signup' } });
    const { code } = (await (await page.request.get(`/api/v1/public/account/test/last-code?mobile=${mobile}`)).json()) as { code: string };
    expect((await page.request.post('/api/v1/public/account/signup', { data: { name: '郑晓雯', mobile, code } })).ok()).toBe(true);

    await page.goto('/p/policies');
    const card = page.locator('.ant-card').filter({ hasText: title });
    await card.getByLabel('申请说明').fill('本人在外区机构任职，持助理社会工作师证书。');
    const proof = card.locator('input[type=file]');
    await proof.setInputFiles({ name: '说明.txt', mimeType: 'text/plain', buffer: Buffer.from('not a pdf') });
    await expect(card.getByText('只接受 PDF、JPG、PNG 或 WebP 文件')).toBeVisible();
    await proof.setInputFiles({
      name: '助理社工师证书.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% proof\n%%EOF\n'),
    });
    await expect(card.getByText('助理社工师证书.pdf')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await card.getByRole('button', { name: '我要申请' }).click();
    await expect(card.getByText('已提交申请')).toBeVisible();
    await page.screenshot({ path: 'test-results/rewards-public-applied.png', fullPage: true });

    await signIn(page, 'huli');
    const api = await apiClient(page);
    const queue = await api.get<{ items: { id: string; name: string }[] }>('/subsidy-applications?queue=org&pageSize=100');
    const mine = queue.items.find((a) => a.name === '郑晓雯');
    expect(mine).toBeTruthy();
    const detail = await api.get<{ attachments: { filename: string }[] }>(`/subsidy-applications/${mine!.id}`);
    expect(detail.attachments.map((a) => a.filename)).toEqual(['助理社工师证书.pdf']);
  });
});
