// The audit log in words: one sentence per action ("江头社工 登记了 蔡土生"), a short name of
// each kind of action for the filter, and a label for every field a before/after can carry.
// Placeholders: {actor}, {target}, and details taken from the record ({reason}, {rows}, …).
// An action not listed here still reads as a sentence ("… 执行了 …") with its code.

type Pair = { zh: string; en: string };

export interface AuditActionWording {
  /** The sentence. */
  text: Pair;
  /** What kind of action, for the filter and the export's column. */
  kind: Pair;
}

const w = (zh: string, en: string, kindZh: string, kindEn: string): AuditActionWording => ({
  text: { zh, en },
  kind: { zh: kindZh, en: kindEn },
});

export const AUDIT_ACTIONS: Record<string, AuditActionWording> = {
  'auth.login': w('{actor} 登录了系统', '{actor} signed in', '登录', 'Sign-in'),
  'auth.login.failed': w('{actor} 登录失败（{reason}）', '{actor} failed to sign in ({reason})', '登录失败', 'Failed sign-in'),
  'auth.logout': w('{actor} 退出了系统', '{actor} signed out', '退出登录', 'Sign-out'),
  'auth.password.change': w('{actor} 修改了自己的密码', '{actor} changed their password', '修改密码', 'Password change'),
  'auth.totp.enable': w('{actor} 启用了双因素认证', '{actor} turned on two-factor login', '启用双因素认证', 'Two-factor on'),
  'auth.totp.disable': w('{actor} 关闭了双因素认证', '{actor} turned off two-factor login', '关闭双因素认证', 'Two-factor off'),
  'user.create': w('{actor} 创建了账号 {target}', '{actor} created the account {target}', '创建账号', 'Account created'),
  'user.update': w('{actor} 修改了账号 {target}', '{actor} edited the account {target}', '修改账号', 'Account edited'),
  'user.lock': w('{actor} 锁定了账号 {target}', '{actor} locked the account {target}', '锁定账号', 'Account locked'),
  'user.unlock': w('{actor} 解锁了账号 {target}', '{actor} unlocked the account {target}', '解锁账号', 'Account unlocked'),
  'user.disable': w('{actor} 停用了账号 {target}', '{actor} disabled the account {target}', '停用账号', 'Account disabled'),
  'user.enable': w('{actor} 启用了账号 {target}', '{actor} enabled the account {target}', '启用账号', 'Account enabled'),
  'user.password.reset': w('{actor} 重置了 {target} 的密码', "{actor} reset {target}'s password", '重置密码', 'Password reset'),
  'role.create': w('{actor} 新建了角色 {target}', '{actor} created the role {target}', '新建角色', 'Role created'),
  'role.update': w('{actor} 修改了角色 {target}', '{actor} edited the role {target}', '修改角色', 'Role edited'),
  'role.delete': w('{actor} 删除了角色 {target}', '{actor} deleted the role {target}', '删除角色', 'Role deleted'),
  'org.create': w('{actor} 新建了组织 {target}', '{actor} created the organisation {target}', '新建组织', 'Organisation created'),
  'org.update': w('{actor} 修改了组织 {target}', '{actor} edited the organisation {target}', '修改组织', 'Organisation edited'),
  'org.deactivate': w(
    '{actor} 停用了组织 {target}',
    '{actor} deactivated the organisation {target}',
    '停用组织',
    'Organisation deactivated',
  ),
  'area.grid.create': w('{actor} 新建了网格 {target}', '{actor} created the grid {target}', '新建网格', 'Grid created'),
  'codeList.update': w('{actor} 修改了代码表“{target}”', '{actor} edited the code list "{target}"', '修改代码表', 'Code list edited'),
  'settings.visitIntervals': w('{actor} 修改了走访频次', '{actor} changed the visit intervals', '修改走访频次', 'Visit intervals changed'),
  'resident.create': w('{actor} 登记了 {target}', '{actor} registered {target}', '登记服务对象', 'Resident registered'),
  'resident.update': w('{actor} 修改了 {target} 的档案', "{actor} edited {target}'s file", '修改档案', 'Resident edited'),
  'resident.reveal': w(
    '{actor} 查看了 {target} 的{field}明文（原因：{reason}）',
    "{actor} revealed {target}'s {field} (reason: {reason})",
    '查看敏感信息',
    'Sensitive field revealed',
  ),
  'resident.merge': w(
    '{actor} 将 {target} 合并到 {mergedInto}',
    '{actor} merged {target} into {mergedInto}',
    '合并档案',
    'Residents merged',
  ),
  'resident.import': w(
    '{actor} 导入了文件 {filename}（{totalRows} 行）',
    '{actor} imported the file {filename} ({totalRows} rows)',
    '批量导入',
    'Import',
  ),
  'resident.export': w(
    '{actor} 导出了服务对象名单（已脱敏，{rows} 人）',
    '{actor} exported the resident list (masked, {rows} people)',
    '导出名单（脱敏）',
    'List exported (masked)',
  ),
  'resident.export.unmasked': w(
    '{actor} 导出了未脱敏的服务对象名单（{rows} 人，用途：{reason}）',
    '{actor} exported the resident list unmasked ({rows} people, purpose: {reason})',
    '导出名单（未脱敏）',
    'List exported (unmasked)',
  ),
  // Written before exports were split (issue 8): a list with clear values, no purpose asked.
  'resident.export.reveal': w(
    '{actor} 导出了含明文的服务对象名单（{rows} 人）',
    '{actor} exported the resident list with clear values ({rows} people)',
    '导出名单（明文）',
    'List exported (clear)',
  ),
  'assessment.create': w('{actor} 为 {target} 做了评估：{instrument}', '{actor} assessed {target}: {instrument}', '评估', 'Assessment'),
  'assessment.answers.view': w(
    '{actor} 查看了 {target} 的评估答案：{instrument}',
    "{actor} viewed {target}'s assessment answers: {instrument}",
    '查看评估答案',
    'Assessment answers viewed',
  ),
  'contact.create': w('{actor} 记录了对 {target} 的{kind}', '{actor} recorded a {kind} with {target}', '走访与服务', 'Contact recorded'),
  'attachment.upload': w('{actor} 上传了附件 {filename}', '{actor} uploaded the attachment {filename}', '上传附件', 'Attachment uploaded'),
  'follow_up.complete': w(
    '{actor} 完成了对 {target} 的跟进',
    '{actor} completed the follow-up of {target}',
    '完成跟进',
    'Follow-up completed',
  ),
  'publicAccount.signup': w('{actor} 注册了公众账号', '{actor} signed up for a public account', '公众注册', 'Public sign-up'),
  'publicAccount.login': w('{actor} 登录了公众账号', '{actor} signed in to their public account', '公众登录', 'Public sign-in'),
  'publicAccount.logout': w('{actor} 退出了公众账号', '{actor} signed out of their public account', '公众退出', 'Public sign-out'),
  'publicAccount.update': w('{actor} 修改了公众账号资料', '{actor} edited their public profile', '公众资料修改', 'Public profile edited'),
};

export const AUDIT_UNKNOWN_ACTION: Pair = { zh: '{actor} 执行了 {action}（{target}）', en: '{actor} did {action} ({target})' };

/** Groups for the action filter: an action code prefix and its name. */
export const AUDIT_ACTION_GROUPS: { prefix: string; label: Pair }[] = [
  { prefix: 'auth.', label: { zh: '登录与安全', en: 'Sign-in and security' } },
  { prefix: 'user.', label: { zh: '账号', en: 'Accounts' } },
  { prefix: 'role.', label: { zh: '角色', en: 'Roles' } },
  { prefix: 'org.', label: { zh: '组织', en: 'Organisations' } },
  { prefix: 'resident.', label: { zh: '服务对象', en: 'Residents' } },
  { prefix: 'assessment.', label: { zh: '评估', en: 'Assessments' } },
  { prefix: 'contact.', label: { zh: '走访与服务', en: 'Contacts' } },
  { prefix: 'follow_up.', label: { zh: '跟进任务', en: 'Follow-ups' } },
];

/** Field labels of a before/after. A key not listed shows as itself. */
export const AUDIT_FIELDS: Record<string, Pair> = {
  name: { zh: '姓名/名称', en: 'Name' },
  nameEn: { zh: '英文名称', en: 'English name' },
  documentType: { zh: '证件类型', en: 'Document type' },
  idMasked: { zh: '证件号码（脱敏）', en: 'ID number (masked)' },
  phoneMasked: { zh: '联系电话（脱敏）', en: 'Phone (masked)' },
  phone: { zh: '联系电话', en: 'Phone' },
  address: { zh: '住址', en: 'Address' },
  areaCode: { zh: '所在区划', en: 'Area' },
  areaName: { zh: '所在区划', en: 'Area' },
  parentCode: { zh: '上级区划', en: 'Parent area' },
  path: { zh: '区划路径', en: 'Area path' },
  householdId: { zh: '家庭', en: 'Household' },
  categories: { zh: '人员类别', en: 'Categories' },
  assistanceStatus: { zh: '救助状态', en: 'Assistance status' },
  careLevel: { zh: '关爱等级', en: 'Care level' },
  careLevelReason: { zh: '等级调整原因', en: 'Reason for the level change' },
  status: { zh: '状态', en: 'Status' },
  mergedInto: { zh: '合并至', en: 'Merged into' },
  assignedWorkerId: { zh: '责任社工', en: 'Responsible worker' },
  notes: { zh: '备注', en: 'Notes' },
  hasHealthNotes: { zh: '有健康情况记录', en: 'Has health notes' },
  family: { zh: '家庭成员与联系人', en: 'Household and contacts' },
  householdMembers: { zh: '家庭成员', en: 'Household members' },
  emergencyContacts: { zh: '紧急联系人', en: 'Emergency contacts' },
  guardian: { zh: '监护人', en: 'Guardian' },
  relation: { zh: '关系', en: 'Relation' },
  reason: { zh: '原因', en: 'Reason' },
  field: { zh: '查看内容', en: 'Field' },
  rows: { zh: '行数', en: 'Rows' },
  masked: { zh: '已脱敏', en: 'Masked' },
  filter: { zh: '筛选条件', en: 'Filter' },
  q: { zh: '搜索', en: 'Search' },
  area: { zh: '区划', en: 'Area' },
  category: { zh: '人员类别', en: 'Category' },
  overdue: { zh: '逾期', en: 'Overdue' },
  worker: { zh: '责任社工', en: 'Worker' },
  sort: { zh: '排序', en: 'Sort' },
  username: { zh: '用户名', en: 'Username' },
  displayName: { zh: '姓名', en: 'Name' },
  roleId: { zh: '角色', en: 'Role' },
  roleName: { zh: '角色', en: 'Role' },
  orgId: { zh: '所属组织', en: 'Organisation' },
  orgName: { zh: '所属组织', en: 'Organisation' },
  lockedUntil: { zh: '锁定至', en: 'Locked until' },
  mustChangePassword: { zh: '须修改初始密码', en: 'Must change password' },
  totpEnabled: { zh: '双因素认证', en: 'Two-factor login' },
  requireTotp: { zh: '要求双因素认证', en: 'Requires two-factor login' },
  lastLoginAt: { zh: '最近登录', en: 'Last login' },
  permissions: { zh: '权限', en: 'Permissions' },
  code: { zh: '编码', en: 'Code' },
  kind: { zh: '类型', en: 'Kind' },
  creditCode: { zh: '统一社会信用代码', en: 'Credit code' },
  contactName: { zh: '联系人', en: 'Contact' },
  contactPhone: { zh: '联系电话', en: 'Phone' },
  active: { zh: '启用', en: 'Active' },
  serviceType: { zh: '服务类型', en: 'Service type' },
  occurredAt: { zh: '时间', en: 'When' },
  durationMinutes: { zh: '时长（分钟）', en: 'Minutes' },
  residentId: { zh: '服务对象', en: 'Resident' },
  contactId: { zh: '走访记录', en: 'Contact' },
  instrument: { zh: '量表', en: 'Instrument' },
  total: { zh: '总分', en: 'Total' },
  band: { zh: '结果', en: 'Band' },
  level: { zh: '等级', en: 'Level' },
  suggestedCareLevel: { zh: '建议关爱等级', en: 'Suggested care level' },
  urgent: { zh: '紧急', en: 'Urgent' },
  outcome: { zh: '跟进情况', en: 'Outcome' },
  doneAt: { zh: '完成时间', en: 'Done at' },
  filename: { zh: '文件', en: 'File' },
  contentType: { zh: '文件类型', en: 'File type' },
  size: { zh: '大小（字节）', en: 'Size (bytes)' },
  mode: { zh: '导入方式', en: 'Mode' },
  totalRows: { zh: '总行数', en: 'Rows' },
  accepted: { zh: '新增', en: 'Added' },
  updated: { zh: '更新', en: 'Updated' },
  unchanged: { zh: '未变', en: 'Unchanged' },
  rejected: { zh: '拒绝', en: 'Rejected' },
  imported: { zh: '已导入', en: 'Imported' },
  via: { zh: '途径', en: 'Via' },
  until: { zh: '锁定至', en: 'Until' },
  attempts: { zh: '失败次数', en: 'Attempts' },
  recomputed: { zh: '重算人数', en: 'Recomputed' },
  labelZh: { zh: '中文名称', en: 'Chinese label' },
  labelEn: { zh: '英文名称', en: 'English label' },
};

/** Keys never shown, whatever a record holds: sealed values, hashes and secrets. */
export const AUDIT_HIDDEN_KEY = /cipher|hash|secret|password|token|answers|^id$|^version$|^createdAt$|^updatedAt$/i;

/** Values of well-known codes, in words. */
export const AUDIT_VALUES: Record<string, Record<string, Pair>> = {
  status: {
    active: { zh: '在册/正常', en: 'active' },
    moved: { zh: '迁出', en: 'moved' },
    deceased: { zh: '死亡', en: 'deceased' },
    merged: { zh: '已合并', en: 'merged' },
    locked: { zh: '锁定', en: 'locked' },
    disabled: { zh: '停用', en: 'disabled' },
  },
  field: {
    idNumber: { zh: '证件号码', en: 'ID number' },
    phone: { zh: '联系电话', en: 'phone' },
    healthNotes: { zh: '健康情况', en: 'health notes' },
    family: { zh: '家庭成员与联系人', en: 'household and contacts' },
  },
  reason: {
    'bad-password': { zh: '密码错误', en: 'wrong password' },
    'bad-totp': { zh: '动态验证码错误', en: 'wrong one-time code' },
    'bad-current-password': { zh: '原密码错误', en: 'wrong current password' },
    'unknown-user': { zh: '用户名不存在', en: 'unknown name' },
    locked: { zh: '账号已锁定', en: 'account locked' },
    disabled: { zh: '账号已停用', en: 'account disabled' },
  },
  mode: {
    all_or_nothing: { zh: '全部或全不', en: 'all or nothing' },
    valid_rows: { zh: '仅导入正确行', en: 'valid rows only' },
  },
  documentType: {
    resident_id: { zh: '居民身份证', en: 'resident ID' },
  },
};
