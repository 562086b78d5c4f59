// UI strings for roles.
export const ROLES_STRINGS = {
  'menu.roles': { zh: '角色', en: 'Roles' },
  'roles.new': { zh: '新建角色', en: 'New role' },
  'roles.edit': { zh: '编辑角色', en: 'Edit role' },
  'roles.view': { zh: '查看角色', en: 'View role' },
  'roles.confirmDelete': { zh: '确定删除角色“{name}”？', en: 'Delete role “{name}”?' },
} as const;
