// A social worker fills in a PHQ-9 whose item 9 is positive: the form shows the urgent alert
// whatever the total, and once saved the worker sees the same-day urgent task at the bell and on
// the 工作台 without reloading the page; the station head finds the 紧急 notification at the bell
// and the follow-up on the home page, and completes it with what was done.
import { expect, test, type Page } from '@playwright/test';
import { apiClient, chooseOption, createResident, login, logout } from './helpers.ts';

// The follow-up is due at the end of the Shanghai day: read its time there.
test.use({ timezoneId: 'Asia/Shanghai' });

/** From the resident's profile: a PHQ-9 answered 0 but for item 9, saved at the suggested level. */
async function recordPhq9Item9Positive(page: Page, resident: { id: string; name: string }) {
  await expect(page.getByRole('heading', { name: resident.name })).toBeVisible();
  await page.getByRole('button', { name: '开展评估' }).click();
  await page.waitForURL(`**/residents/${resident.id}/assess`);
  await chooseOption(page, page, '评估量表', '患者健康问卷抑郁量表（PHQ-9）');

  // Nine items, each a group named by its text; all 完全不会 except item 9.
  const item = (n: number) => page.getByRole('group', { name: new RegExp(`^${n}\\. `) }).first();
  await expect(item(9)).toContainText('有不如死掉或用某种方式伤害自己的念头');
  for (let n = 1; n <= 8; n++) await item(n).getByRole('radio', { name: '完全不会（0）' }).check();
  const urgent = page.getByRole('alert').filter({ hasText: '紧急' });
  await expect(urgent).toHaveCount(0);
  await item(9).getByRole('radio', { name: '好几天（1）' }).check();

  // A total of 1 is minimal, yet item 9 raises the urgent flag on the form.
  await expect(urgent).toBeVisible();
  await expect(urgent).toContainText('有自伤念头，须立即跟进');
  await expect(page.getByText('已全部作答')).toBeVisible();
  await page.getByRole('button', { name: '提交评估' }).click();

  const result = page.getByRole('dialog', { name: '评估结果' });
  await expect(result).toContainText('无或极轻微抑郁');
  await expect(result.locator('.ant-tag', { hasText: '紧急' })).toBeVisible();
  await expect(result.getByLabel('确认关爱等级')).toBeVisible();
  await result.getByRole('button', { name: '确认并保存' }).click();
  await expect(result).toBeHidden({ timeout: 30_000 });
  await page.waitForURL(`**/residents/${resident.id}`);
}

/** The number a 工作台 figure shows. */
const figure = async (page: Page, id: string) =>
  Number((await page.getByTestId(`desk-${id}`).locator('.ant-statistic-content-value').innerText()).replace(/[^\d]/g, ''));

test('the worker sees the same-day urgent task after a PHQ-9 without reloading', async ({ page }) => {
  await login(page, 'jiangtou.sw');
  await expect(page.getByTestId('desk-urgent').locator('.ant-statistic-content-value')).toBeVisible();
  const urgentBefore = await figure(page, 'urgent');
  const resident = await createResident(page, '350206004001');
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());

  await page.goto(`/residents/${resident.id}`);
  // From here on the page is never loaded again: a reload would drop this mark.
  await page.evaluate(() => Object.assign(window, { wusheSameDocument: true }));
  // The unread count before (from the API: the bell shows 0 until its first answer).
  const { unread: unreadBefore } = await (await apiClient(page)).get<{ unread: number }>('/notifications');
  await recordPhq9Item9Positive(page, resident);

  // Said at once: the task is due by the end of today, and who was alerted.
  await expect(page.getByText(`已生成今日须完成的紧急跟进任务（截止 ${today} 23:59:59）。已通知：江头站长`)).toBeVisible();

  // The bell (the save refreshes it; nothing reloads) counts it and names it.
  const bell = page.getByRole('button', { name: `通知（${unreadBefore + 1} 条未读）` });
  await expect(bell).toBeVisible();
  await bell.click();
  const note = page.getByRole('menuitem').filter({ hasText: `紧急跟进任务：${resident.name} 的 PHQ-9 第 9 题阳性` });
  await expect(note).toContainText('已通知：江头站长');
  await page.keyboard.press('Escape');

  // The 工作台 through the menu: one more urgent follow-up, and the task due today.
  await page.getByRole('menuitem', { name: '首页' }).click();
  await expect.poll(() => figure(page, 'urgent')).toBe(urgentBefore + 1);
  const card = page.locator('.ant-card').filter({ has: page.getByText('紧急跟进', { exact: true }) });
  const task = card.getByRole('listitem').filter({ hasText: resident.name });
  await expect(task).toContainText(`${today} 23:59:59`);
  await expect(task).toContainText(/(小时|分钟)后到期/);
  await expect(task).toContainText('PHQ-9');

  expect(await page.evaluate(() => (window as { wusheSameDocument?: boolean }).wusheSameDocument)).toBe(true);
});

test('PHQ-9 with item 9 positive alerts the worker, notifies the station head, who completes the follow-up', async ({ page }) => {
  await login(page, 'jiangtou.sw');
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
  const resident = await createResident(page, '350206004001');

  await page.goto(`/residents/${resident.id}`);
  await recordPhq9Item9Positive(page, resident);
  await logout(page);

  // The station head: an unread count on the bell and the urgent notification in its list.
  await login(page, 'jiangtou.head');
  const bell = page.getByRole('button', { name: /^通知（[1-9]\d* 条未读）$/ });
  await expect(bell).toBeVisible();
  await bell.click();
  const note = page.getByRole('menuitem').filter({ hasText: `紧急：${resident.name} 的 PHQ-9 第 9 题阳性` });
  await expect(note).toBeVisible();
  await expect(note).toContainText('有自伤念头，须立即跟进');

  // Opening it marks it read and leads to the resident.
  const before = Number(/（(\d+) 条未读）/.exec((await bell.getAttribute('aria-label')) ?? '')?.[1]);
  await note.click();
  await page.waitForURL(`**/residents/${resident.id}`);
  await expect(page.getByRole('heading', { name: resident.name })).toBeVisible();
  await expect(page.getByRole('button', { name: `通知（${before - 1} 条未读）` })).toBeVisible();

  // The profile lists the open follow-up.
  const profileTasks = page.locator('.ant-card').filter({ has: page.getByText('跟进任务', { exact: true }) });
  await expect(profileTasks).toContainText('待跟进');
  await expect(profileTasks).toContainText('PHQ-9');

  // The home page's 紧急跟进 card: the task, due by the end of today, completed with an outcome.
  await page.goto('/');
  const card = page.locator('.ant-card').filter({ has: page.getByText('紧急跟进', { exact: true }) });
  const task = card.getByRole('listitem').filter({ hasText: resident.name });
  await expect(task).toBeVisible();
  await expect(task).toContainText(/(小时|分钟)后到期/);
  await expect(task.getByRole('link', { name: resident.name })).toHaveAttribute('href', `/residents/${resident.id}`);
  await task.getByRole('button', { name: '完成' }).click();
  const dialog = page.getByRole('dialog', { name: /完成跟进任务/ });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: '完成' }).click();
  await expect(dialog.getByText('请填写跟进情况')).toBeVisible();
  await dialog.getByLabel('跟进情况').fill('已上门探访，情绪稳定，已联系家属陪伴');
  await dialog.getByRole('button', { name: '完成' }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await expect(page.getByText('跟进任务已完成')).toBeVisible();
  await expect(task).toHaveCount(0);

  // The profile keeps it as done, with the outcome.
  await page.goto(`/residents/${resident.id}`);
  await expect(profileTasks).toContainText('已完成');
  await expect(profileTasks).toContainText('已上门探访，情绪稳定，已联系家属陪伴');
});
