// The printed case record (个案服务记录表): a case taken to review through the API (plan approved,
// a home visit of 45 minutes recorded as part of it, a goal achieved, closure requested), the
// head approves the closure on the case page and prints the record: an A4 page with the case,
// the person with the ID masked, the goals and their final state, the planned services, the key
// events with the visit's minutes, the closing summary and the signature lines, and none of the
// app's chrome in print media.
import { expect, test, type Page } from '@playwright/test';
import { apiClient, createResident, logout, maskedId, signIn } from './helpers.ts';

interface Case {
  id: string;
  caseNo: string;
  version: number;
  plan: { goals: { id: string }[] } | null;
}

const later = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Moves case `id` to `to` as the signed-in worker. */
async function move(page: Page, id: string, to: string) {
  const api = await apiClient(page);
  const c = await api.get<Case>(`/cases/${id}`);
  return api.post<Case>(`/cases/${id}/transition`, { version: c.version, to });
}

test('the head approves the closure and prints the case record', async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, 'jiangtou.sw');
  const resident = await createResident(page);
  let api = await apiClient(page);
  let c = await api.post<Case>('/cases', {
    residentId: resident.id,
    type: 'elderly',
    riskLevel: 'medium',
    problem: '独居老人，行动不便，需要助餐与居家安全改造。',
  });
  await move(page, c.id, 'assessment');
  c = await move(page, c.id, 'plan');
  c = await api.put<Case>(`/cases/${c.id}/plan`, {
    version: c.version,
    goals: [{ title: '完成居家适老化改造', measure: '扶手、防滑垫安装到位', targetDate: later(30) }],
    services: ['meal', 'cleaning'],
    submit: true,
  });
  await logout(page);

  await signIn(page, 'jiangtou.head');
  api = await apiClient(page);
  c = await api.get<Case>(`/cases/${c.id}`);
  await api.post(`/cases/${c.id}/approvals`, { version: c.version, kind: 'plan', decision: 'approve', comment: '同意，注意安全' });
  await logout(page);

  await signIn(page, 'jiangtou.sw');
  api = await apiClient(page);
  c = await move(page, c.id, 'intervention');
  await api.post('/contacts', {
    residentId: resident.id,
    kind: 'home_visit',
    occurredAt: new Date(Date.now() - 5_000).toISOString(),
    durationMinutes: 45,
    notes: '上门查看扶手安装情况',
    caseId: c.id,
  });
  c = await api.get<Case>(`/cases/${c.id}`);
  const goalId = c.plan!.goals[0]!.id;
  c = await api.post<Case>(`/cases/${c.id}/progress`, { version: c.version, goalId, status: 'achieved', progress: '扶手与防滑垫已安装' });
  c = await move(page, c.id, 'review');
  await api.post(`/cases/${c.id}/closure`, {
    version: c.version,
    summary: '改造完成，老人可独立如厕、洗浴，助餐服务转常规跟进。',
    goals: [{ id: goalId, status: 'achieved' }],
  });
  await logout(page);

  // The head approves the closure on the case page.
  await signIn(page, 'jiangtou.head');
  await page.goto(`/cases/${c.id}`);
  await page.getByRole('button', { name: '审批通过' }).click();
  const approving = page.getByRole('dialog', { name: '审批通过结案申请' });
  await approving.getByRole('button', { name: '审批通过' }).click();
  await expect(approving).toBeHidden();
  await expect(page.locator('.ant-card').first().locator('.ant-tag').first()).toHaveText('结案');

  // 打印 opens the record.
  await page.getByRole('button', { name: '打印' }).click();
  await page.waitForURL(`**/print/cases/${c.id}`);
  const sheet = page.getByRole('article', { name: '个案服务记录表' });
  await expect(sheet.getByRole('heading', { name: '个案服务记录表' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(sheet.getByRole('cell', { name: c.caseNo })).toBeVisible();
  await expect(sheet.getByRole('cell', { name: resident.name, exact: true })).toBeVisible();
  await expect(sheet.getByRole('cell', { name: maskedId(resident.idNumber) })).toBeVisible();
  await expect(page.getByText(resident.idNumber, { exact: true })).toHaveCount(0);
  await expect(sheet.getByText('独居老人，行动不便')).toBeVisible();
  const goals = sheet.getByRole('table', { name: '服务目标与成效' });
  await expect(goals).toContainText('完成居家适老化改造');
  await expect(goals).toContainText('扶手、防滑垫安装到位');
  await expect(goals).toContainText('已达成');
  await expect(goals).toContainText('扶手与防滑垫已安装');
  await expect(sheet.getByRole('cell', { name: '助餐、助洁' })).toBeVisible();
  const events = sheet.getByRole('table', { name: '服务过程' });
  await expect(events).toContainText('服务计划审批通过');
  await expect(events).toContainText('入户走访（45 分钟）');
  await expect(events).toContainText('结案审批通过');
  await expect(sheet.getByText('改造完成，老人可独立如厕')).toBeVisible();
  for (const line of ['社工签字：', '督导签字：', '服务对象签字：']) await expect(sheet.getByText(line)).toBeVisible();
  // No chrome in print.
  await expect(page.getByRole('menuitem')).toHaveCount(0);
  await expect(page.getByRole('button', { name: '打印' })).toBeHidden();
  await page.screenshot({ path: 'test-results/print-case.png', fullPage: true });
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.byteLength).toBeGreaterThan(10_000);
});
