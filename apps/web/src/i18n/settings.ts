// UI strings for settings: code lists and visit intervals.
export const SETTINGS_STRINGS = {
  'menu.settings': { zh: '系统设置', en: 'Settings' },
  'set.codeLists': { zh: '代码表', en: 'Code lists' },
  'set.intervals': { zh: '走访频次', en: 'Visit intervals' },
  'set.list.resident_category': { zh: '人员类别', en: 'Resident categories' },
  'set.list.assistance_status': { zh: '救助状态', en: 'Assistance statuses' },
  'set.list.service_type': { zh: '服务类型（5+N）', en: 'Service types (5+N)' },
  'set.list.visit_checklist': { zh: '走访清单项目', en: 'Visit checklist items' },
  'set.list.case_type': { zh: '个案类型', en: 'Case types' },
  'set.list.group_type': { zh: '小组类型', en: 'Group types' },
  'set.list.wish_category': { zh: '微心愿类别', en: 'Wish categories' },
  'set.labelZh': { zh: '中文名称', en: 'Chinese label' },
  'set.labelEn': { zh: '英文名称', en: 'English label' },
  'set.sort': { zh: '排序', en: 'Order' },
  'set.active': { zh: '启用', en: 'Active' },
  'set.addEntry': { zh: '新增一项', en: 'Add an entry' },
  'set.every': { zh: '每', en: 'Every' },
} as const;
