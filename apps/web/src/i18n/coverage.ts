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
  'cov.drillHint': {
    zh: '点击柱条或名称查看下级；点击数字查看名单',
    en: 'Click a bar or a name to drill down; a number to see those residents',
  },
  'cov.uncovered': { zh: '未覆盖', en: 'Not covered' },
  'cov.byCareLevel': { zh: '按关爱等级', en: 'By care level' },
  'cov.byCategory': { zh: '按人员类别', en: 'By category' },
  'cov.byCareLevelHint': { zh: '按统计日期当时的关爱等级', en: 'At the care level in force on the date' },
  'cov.filter': { zh: '覆盖情况：{kind}（{date}）', en: 'Coverage: {kind} on {date}' },
  'cov.kind.registered': { zh: '在册', en: 'registered' },
  'cov.kind.covered': { zh: '已覆盖', en: 'covered' },
  'cov.kind.uncovered': { zh: '未覆盖', en: 'not covered' },
  'cov.kind.overdue': { zh: '逾期', en: 'overdue' },
} as const;
