// 职业水平考试: a station head (who keeps 江头's exam records) opens the exams page, imports an
// office's Excel list into the latest year (one person with results, one without), enters the
// missing results in the drawer, and reads on 考试通过率 江头's pass rate against 湖里区 — the
// same figures the API computes.
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { randomIdNumber, signIn } from './helpers.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function officeList(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  ws.addRow(['社会工作者职业水平考试报名及成绩台账']);
  ws.addRow(['序号', '姓名', '身份证号码', '报考级别', '所在街道', '综合能力成绩', '实务成绩']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('a station head imports the list, enters results and compares the pass rate with the district', async ({ page }) => {
  await signIn(page, 'jiangtou.head');
  await page.getByRole('menuitem', { name: '社工人才' }).click();
  await page.getByRole('menuitem', { name: '职业水平考试', exact: true }).click();
  await expect(page.locator('.ant-card-head-title').filter({ hasText: '职业水平考试' })).toBeVisible();
  const sitting = page.getByLabel('考试年度');
  await expect(page.locator('.ant-select').filter({ has: sitting })).toContainText(/\d{4} 年/);
  const year = Number((await page.locator('.ant-select').filter({ has: sitting }).innerText()).slice(0, 4));

  // An office list: 欧阳星澜 passes both subjects; 司马若溪 has no results yet.
  const file = await officeList([
    [1, '欧阳星澜', randomIdNumber(), '助理社会工作师', '江头街道', 72, 66],
    [2, '司马若溪', randomIdNumber(), '助理社会工作师', '江头街道', '', ''],
  ]);
  await page.getByRole('button', { name: '导入名单' }).click();
  const drawer = page.locator('.ant-drawer').filter({ hasText: '导入名单' });
  await drawer.locator('input[type=file]').setInputFiles({ name: '考试名单.xlsx', mimeType: XLSX, buffer: file });
  await expect(drawer.getByText('已导入 2 条')).toBeVisible();
  await drawer.getByRole('button', { name: 'Close' }).or(drawer.locator('.ant-drawer-close')).first().click();

  const rows = page.locator('.ant-table-tbody');
  await page.getByPlaceholder('搜索姓名').fill('欧阳星澜');
  await page.getByPlaceholder('搜索姓名').press('Enter');
  await expect(rows.locator('tr.ant-table-row').filter({ hasText: '欧阳星澜' })).toContainText('通过');

  await page.getByPlaceholder('搜索姓名').fill('司马若溪');
  await page.getByPlaceholder('搜索姓名').press('Enter');
  const row = rows.locator('tr.ant-table-row').filter({ hasText: '司马若溪' });
  await expect(row).toContainText('待录入');
  // The ID number is masked in the list.
  await expect(row).toContainText(/350\*+\w{4}/);
  await row.getByRole('button', { name: '录入成绩' }).click();
  const form = page.locator('.ant-drawer').filter({ hasText: '录入成绩 · 司马若溪' });
  await form.getByLabel('社会工作综合能力（初级） 成绩').fill('71');
  await form.getByLabel('社会工作实务（初级） 成绩').fill('58');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(row).toContainText('未通过');
  await expect(row).toContainText('71');

  // The pass rate of 江头 for that year, against 湖里区, as the API counts it.
  const stats = await (await page.request.get(`/api/v1/exams/stats?year=${year}`)).json();
  expect(stats.area.name).toBe('江头街道');
  expect(stats.parent.name).toBe('湖里区');
  await page.getByRole('menuitem', { name: '考试通过率', exact: true }).click();
  const headline = page.getByTestId('exam-headline');
  const rate = `${(stats.total.rate * 100).toFixed(1)}%`;
  await expect(headline).toContainText(
    `江头街道 ${year} 年报考 ${stats.total.registered} 人，通过 ${stats.total.passed} 人，通过率 ${rate}`,
  );
  const p = stats.total.pointsAbove as number;
  await expect(headline).toContainText(
    p > 0 ? `高于湖里区 ${p.toFixed(1)} 个百分点` : p < 0 ? `低于湖里区 ${Math.abs(p).toFixed(1)} 个百分点` : '与湖里区持平',
  );
  // The two people just recorded are in the count: both registered, one passed, in 江头's figures.
  expect(stats.total.registered).toBeGreaterThanOrEqual(2);
  await page.screenshot({ path: 'test-results/exam-stats.png', fullPage: true });
});
