// The import template and the import report as .xlsx. The template's first sheet is the one
// read back; code lists live on a hidden sheet that the dropdowns point at, and the caller's
// communities are listed on a visible sheet for reference.
import { DOCUMENT_TYPES, inLang, translate, type Lang, type MessageKey } from '@wushe/core';
import ExcelJS from 'exceljs';
import { columnTitle, IMPORT_COLUMNS, type CodeEntry, type ColumnKey } from './import.columns.ts';
import type { Outcome } from './import.plan.ts';
import { renderError } from './import.rows.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Rows of the data sheet that carry dropdowns and text formatting. */
const TEMPLATE_ROWS = 20_000;

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
  const label = (e: { labelZh: string; labelEn: string }) => inLang(d.lang, { zh: e.labelZh, en: e.labelEn });
  const t = (key: MessageKey) => translate(d.lang, key);
  const ws = wb.addWorksheet(t('import.template.dataSheet'), { views: [{ state: 'frozen', ySplit: 2 }] });
  const areaSheet = wb.addWorksheet(t('import.template.areasSheet'));
  const lists = wb.addWorksheet(t('import.template.listsSheet'), { state: 'hidden' });

  ws.columns = IMPORT_COLUMNS.map((c) => ({ header: columnTitle(c, d.lang), width: c.width }));
  ws.getRow(1).font = { bold: true };
  const notes = ws.getRow(2);
  IMPORT_COLUMNS.forEach((c, i) => {
    const cell = notes.getCell(i + 1);
    cell.value = inLang(d.lang, c.note);
    cell.font = { italic: true, color: { argb: 'FF808080' } };
    cell.numFmt = '@';
  });
  IMPORT_COLUMNS.forEach((c, i) => {
    if (c.required) ws.getRow(1).getCell(i + 1).font = { bold: true, color: { argb: 'FFC00000' } };
    if (c.text) ws.getColumn(i + 1).numFmt = '@'; // Excel keeps every digit of text cells
  });

  // The hidden lists: one column per dropdown.
  const listColumns: [ColumnKey, string[]][] = [
    ['documentType', DOCUMENT_TYPES.map((type) => inLang(d.lang, type))],
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
        prompt: inLang(d.lang, column.note),
        showInputMessage: true,
      },
    );
  });

  areaSheet.columns = [
    { header: t('import.template.communityCode'), width: 16 },
    { header: t('import.template.communityName'), width: 20 },
    { header: t('import.template.communityPath'), width: 36 },
  ];
  areaSheet.getRow(1).font = { bold: true };
  areaSheet.getColumn(1).numFmt = '@';
  for (const a of d.communities) areaSheet.addRow([a.code, a.name, a.path]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const resultLabel = (o: Outcome, lang: Lang) =>
  translate(lang, o.notImported ? 'import.result.notImported' : (`import.result.${o.status}` as const));

/** The per-row report: row number, result, name, masked ID number and what to fix. */
export async function reportXlsx(outcomes: Outcome[], lang: Lang): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const t = (key: MessageKey) => translate(lang, key);
  const ws = wb.addWorksheet(t('import.report.sheet'), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: t('import.report.row'), width: 8 },
    { header: t('import.report.result'), width: 10 },
    { header: t('import.report.name'), width: 12 },
    { header: t('import.report.idNumber'), width: 22 },
    { header: t('import.report.errors'), width: 80 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const o of outcomes) {
    const errors = o.errors.map((e) => renderError(lang, e)).map((e) => `${e.column}：${e.message}`);
    const row = ws.addRow([o.row, resultLabel(o, lang), o.name, o.idMasked ?? null, errors.join('；')]);
    if (o.status === 'rejected') row.getCell(2).font = { color: { argb: 'FFC00000' } };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
