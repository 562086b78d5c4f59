// The import template and the import report as .xlsx. The template's first sheet is the one
// read back; code lists live on a hidden sheet that the dropdowns point at, and the caller's
// communities are listed on a visible sheet for reference.
import { DOCUMENT_TYPES, type Lang } from '@wushe/core';
import ExcelJS from 'exceljs';
import { columnTitle, IMPORT_COLUMNS, type CodeEntry, type ColumnKey } from './import.columns.ts';
import type { Outcome } from './import.plan.ts';
import { renderError } from './import.rows.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Rows of the data sheet that carry dropdowns and text formatting. */
const TEMPLATE_ROWS = 20_000;

export const SHEET_NAMES = {
  data: { zh: '服务对象', en: 'Residents' },
  areas: { zh: '社区代码', en: 'Communities' },
  lists: { zh: '代码表', en: 'Lists' },
};
const pick = (t: { zh: string; en: string }, lang: Lang) => (lang === 'en' ? t.en : t.zh);

export interface TemplateData {
  categories: CodeEntry[];
  statuses: CodeEntry[];
  communities: { code: string; name: string; path: string }[];
  lang: Lang;
}

const colLetter = (n: number) => {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};

export async function templateXlsx(d: TemplateData): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const label = (e: { labelZh: string; labelEn: string }) => (d.lang === 'en' ? e.labelEn : e.labelZh);
  const ws = wb.addWorksheet(pick(SHEET_NAMES.data, d.lang), { views: [{ state: 'frozen', ySplit: 2 }] });
  const areaSheet = wb.addWorksheet(pick(SHEET_NAMES.areas, d.lang));
  const lists = wb.addWorksheet(pick(SHEET_NAMES.lists, d.lang), { state: 'hidden' });

  ws.columns = IMPORT_COLUMNS.map((c) => ({ header: columnTitle(c, d.lang), width: c.width }));
  ws.getRow(1).font = { bold: true };
  const notes = ws.getRow(2);
  IMPORT_COLUMNS.forEach((c, i) => {
    const cell = notes.getCell(i + 1);
    cell.value = pick(c.note, d.lang);
    cell.font = { italic: true, color: { argb: 'FF808080' } };
    cell.numFmt = '@';
  });
  IMPORT_COLUMNS.forEach((c, i) => {
    if (c.required) ws.getRow(1).getCell(i + 1).font = { bold: true, color: { argb: 'FFC00000' } };
    if (c.text) ws.getColumn(i + 1).numFmt = '@'; // Excel keeps every digit of text cells
  });

  // The hidden lists: one column per dropdown.
  const listColumns: [ColumnKey, string[]][] = [
    ['documentType', DOCUMENT_TYPES.map((t) => (d.lang === 'en' ? t.en : t.zh))],
    ['assistanceStatus', d.statuses.map(label)],
    ['careLevel', ['1', '2', '3', '4']],
    ['categories', d.categories.map(label)],
  ];
  listColumns.forEach(([key, values], i) => {
    const column = IMPORT_COLUMNS.find((c) => c.key === key)!;
    lists.getCell(1, i + 1).value = columnTitle(column, d.lang);
    values.forEach((v, r) => (lists.getCell(r + 2, i + 1).value = v));
    const at = IMPORT_COLUMNS.indexOf(column) + 1;
    const source = `'${lists.name}'!$${colLetter(i + 1)}$2:$${colLetter(i + 1)}$${Math.max(values.length + 1, 2)}`;
    // exceljs supports dataValidations but its typings do not declare them.
    (ws as unknown as { dataValidations: { add(range: string, v: object): void } }).dataValidations.add(
      `${colLetter(at)}3:${colLetter(at)}${TEMPLATE_ROWS + 2}`,
      {
        type: 'list',
        allowBlank: true,
        formulae: [source],
        // Several categories may be typed by hand, so a value off the list only warns there.
        showErrorMessage: true,
        errorStyle: key === 'categories' ? 'warning' : 'stop',
        promptTitle: columnTitle(column, d.lang),
        prompt: pick(column.note, d.lang),
        showInputMessage: true,
      },
    );
  });

  areaSheet.columns = [
    { header: d.lang === 'en' ? 'Community code' : '社区代码', width: 16 },
    { header: d.lang === 'en' ? 'Name' : '名称', width: 20 },
    { header: d.lang === 'en' ? 'Street / district' : '所属街道', width: 36 },
  ];
  areaSheet.getRow(1).font = { bold: true };
  areaSheet.getColumn(1).numFmt = '@';
  for (const a of d.communities) areaSheet.addRow([a.code, a.name, a.path]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const RESULT_LABELS: Record<Outcome['status'] | 'notImported', { zh: string; en: string }> = {
  accepted: { zh: '新增', en: 'Added' },
  updated: { zh: '更新', en: 'Updated' },
  unchanged: { zh: '未变', en: 'Unchanged' },
  rejected: { zh: '拒绝', en: 'Rejected' },
  notImported: { zh: '未导入', en: 'Not imported' },
};

export const resultLabel = (o: Outcome, lang: Lang) => pick(RESULT_LABELS[o.notImported ? 'notImported' : o.status], lang);

/** The per-row report: row number, result, name, masked ID number and what to fix. */
export async function reportXlsx(outcomes: Outcome[], lang: Lang): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const en = lang === 'en';
  const ws = wb.addWorksheet(en ? 'Import report' : '导入结果', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: en ? 'Row' : '行号', width: 8 },
    { header: en ? 'Result' : '结果', width: 10 },
    { header: en ? 'Name' : '姓名', width: 12 },
    { header: en ? 'Document number' : '证件号码', width: 22 },
    { header: en ? 'Errors' : '错误说明', width: 80 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const o of outcomes) {
    const errors = o.errors.map((e) => renderError(lang, e)).map((e) => `${e.column}：${e.message}`);
    const row = ws.addRow([o.row, resultLabel(o, lang), o.name, o.idMasked ?? null, errors.join('；')]);
    if (o.status === 'rejected') row.getCell(2).font = { color: { argb: 'FFC00000' } };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
