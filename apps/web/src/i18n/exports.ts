// UI strings for exports: the masked default and the unmasked export with its purpose.
export const EXPORTS_STRINGS = {
  'exp.masked': { zh: '导出 Excel（脱敏）', en: 'Export (masked)' },
  'exp.unmasked': { zh: '导出未脱敏名单…', en: 'Export unmasked…' },
  'exp.unmaskedTitle': { zh: '导出未脱敏名单', en: 'Export the list unmasked' },
  'exp.unmaskedHint': {
    zh: '名单将包含完整的证件号码和电话。请填写用途：用途会印在表格首行，并与筛选条件、行数一起记入审计日志。',
    en: 'The list will hold full ID numbers and phones. State the purpose: it is printed on the sheet and audited with the filter and the row count.',
  },
  'exp.purpose': { zh: '导出用途', en: 'Purpose' },
  'exp.download': { zh: '导出', en: 'Export' },
} as const;
