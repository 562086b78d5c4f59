// UI strings for the audit log.
export const AUDIT_STRINGS = {
  'menu.audit': { zh: '审计日志', en: 'Audit log' },
  'audit.at': { zh: '时间', en: 'Time' },
  'audit.actor': { zh: '操作人', en: 'Person' },
  'audit.ip': { zh: 'IP', en: 'IP' },
  'audit.action': { zh: '操作', en: 'Action' },
  'audit.target': { zh: '对象', en: 'Target' },
  'audit.area': { zh: '区划', en: 'Area' },
  'audit.before': { zh: '修改前', en: 'Before' },
  'audit.after': { zh: '修改后', en: 'After' },
  'audit.range': { zh: '日期范围', en: 'Date range' },
} as const;
