// UI strings for visit coverage.
export const COVERAGE_STRINGS = {
  'menu.coverage': { zh: '覆盖率', en: 'Coverage' },
  'cov.title': { zh: '走访覆盖率', en: 'Visit coverage' },
  'cov.date': { zh: '统计日期', en: 'As of' },
  'cov.rate': { zh: '覆盖率', en: 'Coverage' },
  'cov.registered': { zh: '在册人数', en: 'Registered' },
  'cov.covered': { zh: '已覆盖', en: 'Covered' },
  'cov.overdue': { zh: '逾期', en: 'Overdue' },
  'cov.chart': { zh: '下级区划覆盖率', en: 'Coverage by sub-area' },
  'cov.drillHint': { zh: '点击柱条或名称查看下级', en: 'Click a bar or a name to drill down' },
} as const;
