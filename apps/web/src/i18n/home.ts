// UI strings for the home page and its due-visits card.
export const HOME_STRINGS = {
  'menu.home': { zh: '首页', en: 'Home' },
  'home.welcome': { zh: '您好，{name}', en: 'Hello, {name}' },
  'home.orgTotal': { zh: '组织总数', en: 'Organisations' },
  'home.areaCount': { zh: '下级区划', en: 'Sub-areas' },
  'home.scope': { zh: '管辖范围', en: 'Scope' },
  'home.byArea': { zh: '各区划组织数', en: 'Organisations by area' },
  'home.byKind': { zh: '组织类型分布', en: 'Organisations by type' },
  'due.title': { zh: '本周待走访', en: 'Due this week' },
  'due.byWorker': { zh: '各社工待走访', en: 'Due by worker' },
  'due.overdue': { zh: '逾期', en: 'Overdue' },
  'due.dueSoon': { zh: '即将到期', en: 'Due soon' },
  'due.unassigned': { zh: '未分配', en: 'Unassigned' },
  'due.none': { zh: '本周没有待走访对象', en: 'Nobody is due this week' },
  'due.on': { zh: '{d} 应访', en: 'due {d}' },
} as const;
