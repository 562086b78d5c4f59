// UI strings for accounts.
export const USERS_STRINGS = {
  'menu.users': { zh: '账号', en: 'Accounts' },
  'status.active': { zh: '正常', en: 'Active' },
  'status.locked': { zh: '已锁定', en: 'Locked' },
  'status.disabled': { zh: '已停用', en: 'Disabled' },
  'users.new': { zh: '新建账号', en: 'New account' },
  'users.edit': { zh: '编辑账号', en: 'Edit account' },
  'users.initialPassword': { zh: '初始密码', en: 'Initial password' },
  'users.resetPassword': { zh: '重置密码', en: 'Reset password' },
  'users.newPassword': { zh: '新密码', en: 'New password' },
  'users.lock': { zh: '锁定', en: 'Lock' },
  'users.unlock': { zh: '解锁', en: 'Unlock' },
  'users.disable': { zh: '停用', en: 'Disable' },
  'users.enable': { zh: '启用', en: 'Enable' },
  'users.confirmLock': { zh: '确定锁定账号 {name}？', en: 'Lock account {name}?' },
  'users.confirmDisable': { zh: '确定停用账号 {name}？', en: 'Disable account {name}?' },
  'users.passwordReset': { zh: '密码已重置，对方下次登录须修改密码', en: 'Password reset; it must be changed at next login' },
} as const;
