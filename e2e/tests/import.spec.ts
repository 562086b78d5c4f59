// A social worker imports a CSV built on the template's headers: two good rows and one whose ID
// number Excel turned into scientific notation. With 仅导入有效行 the good rows go in, the bad
// one is rejected, and the downloadable report says why.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { expect, test, type Download } from '@playwright/test';
import { apiClient, login, maskedId, randomIdNumber, randomName } from './helpers.ts';

/** The first sheet of a downloaded .xlsx as rows of cell text (row 1 first). */
async function sheetRows(download: Download): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(await download.path())) as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0];
  const rows: string[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  return rows;
}

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

test('import a CSV with a scientific-notation ID: valid rows in, the report names the bad row', async ({ page }) => {
  await login(page, 'jiangtou.sw');
  await page.getByRole('menuitem', { name: '服务对象', exact: true }).click();
  await page.getByRole('button', { name: '导入', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '导入服务对象' });

  // The template's header row decides the CSV's columns.
  const [template] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: '下载导入模板' }).click()]);
  expect(template.suggestedFilename()).toMatch(/\.xlsx$/);
  const headers = (await sheetRows(template))[0];
  expect(headers).toEqual(expect.arrayContaining(['姓名', '证件号码', '所在社区代码', '关爱等级', '同意用途', '同意日期', '同意人']));

  const today = new Date().toISOString().slice(0, 10);
  const good = [randomName(), randomName()].map(({ name }) => ({ name, id: randomIdNumber() }));
  const bad = randomName().name;
  const row = (name: string, id: string) => {
    const values: Record<string, string> = {
      姓名: name,
      证件号码: id,
      所在社区代码: '350206004001',
      地址: '江头西路 8 号',
      关爱等级: '3',
      同意用途: '社区关爱服务',
      同意日期: today,
      同意人: name,
    };
    return headers.map((h) => csvCell(values[h] ?? '')).join(',');
  };
  const csv = [headers.map(csvCell).join(','), ...good.map((g) => row(g.name, g.id)), row(bad, '3.50206E+17')].join('\r\n') + '\r\n';

  await dialog
    .locator('input[type=file]')
    .setInputFiles({ name: '服务对象导入.csv', mimeType: 'text/csv', buffer: Buffer.from('\ufeff' + csv, 'utf8') });
  await expect(dialog.getByText('服务对象导入.csv')).toBeVisible();
  await dialog.getByRole('radio', { name: '仅导入有效行' }).check();
  await dialog.getByRole('button', { name: '开始导入' }).click();

  // Progress until done, then the counts.
  await expect(dialog.getByText(/已完成/)).toBeVisible({ timeout: 30_000 });
  await expect(dialog.getByText('3 / 3 行')).toBeVisible();
  const stat = (title: string) => dialog.locator('.ant-statistic', { hasText: title }).locator('.ant-statistic-content-value');
  await expect(stat('新增')).toHaveText('2');
  await expect(stat('拒绝')).toHaveText('1');
  await expect(stat('更新')).toHaveText('0');

  // The report: the rejected row with the Excel message; the accepted rows masked.
  const [report] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: '下载导入报告' }).click()]);
  expect(report.suggestedFilename()).toMatch(/\.xlsx$/);
  const rows = await sheetRows(report);
  expect(rows[0]).toEqual(['行号', '结果', '姓名', '证件号码', '错误说明']);
  const rejected = rows.filter((r) => r[1] === '拒绝');
  expect(rejected).toHaveLength(1);
  expect(rejected[0][2]).toBe(bad);
  expect(rejected[0][4]).toContain('证件号码');
  expect(rejected[0][4]).toContain('疑似被 Excel 转成了数字');
  const added = rows.filter((r) => r[1] === '新增');
  expect(added.map((r) => r[2]).sort()).toEqual(good.map((g) => g.name).sort());
  expect(added.map((r) => r[3]).sort()).toEqual(good.map((g) => maskedId(g.id)).sort());

  // The good rows are in the register, the bad one is not.
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog).toBeHidden();
  const api = await apiClient(page);
  for (const g of good) expect((await api.get<{ total: number }>(`/residents?q=${g.id}`)).total).toBe(1);
  expect((await api.get<{ total: number }>(`/residents?q=${encodeURIComponent(bad)}`)).total).toBe(0);
});
