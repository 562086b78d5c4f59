// UI strings for organisations.
export const ORGS_STRINGS = {
  'menu.orgs': { zh: '组织', en: 'Organisations' },
  'org.active': { zh: '在用', en: 'Active' },
  'org.inactive': { zh: '已停用', en: 'Inactive' },
  'orgs.new': { zh: '新建组织', en: 'New organisation' },
  'orgs.edit': { zh: '编辑组织', en: 'Edit organisation' },
  'orgs.confirmDeactivate': { zh: '确定停用组织“{name}”？', en: 'Deactivate “{name}”?' },
} as const;
