// Named permissions. Every API route names one; a role is a set of them. Deny by default.
export const PERMISSIONS = [
  'area.read',
  'area.write',
  'org.read',
  'org.write',
  'user.read',
  'user.write',
  'role.read',
  'role.write',
  'audit.read',
  'resident.read',
  'resident.write',
  'resident.reveal',
  'resident.export.unmasked',
  'resident.merge',
  'transfer.request',
  'transfer.decide',
  'resident.assign',
  'assessment.write',
  'contact.write',
  'coverage.read',
  'settings.write',
  'case.read',
  'case.write',
  'case.approve',
  'case.sensitive',
  'group.read',
  'group.write',
  'activity.read',
  'activity.write',
  'outputs.read',
  'worker.read',
  'worker.write',
  'workforce.stats',
  'training.read',
  'training.write',
  'ce.review',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const PERMISSION_LABELS: Record<Permission, { zh: string; en: string }> = {
  'area.read': { zh: '查看区划', en: 'View areas' },
  'area.write': { zh: '维护网格', en: 'Manage grids' },
  'org.read': { zh: '查看组织', en: 'View organisations' },
  'org.write': { zh: '维护组织', en: 'Manage organisations' },
  'user.read': { zh: '查看账号', en: 'View accounts' },
  'user.write': { zh: '维护账号', en: 'Manage accounts' },
  'role.read': { zh: '查看角色', en: 'View roles' },
  'role.write': { zh: '维护角色', en: 'Manage roles' },
  'audit.read': { zh: '查看审计日志', en: 'View audit log' },
  'resident.read': { zh: '查看服务对象', en: 'View residents' },
  'resident.write': { zh: '登记/维护服务对象（含导入）', en: 'Register and edit residents (incl. import)' },
  'resident.reveal': { zh: '查看敏感信息明文', en: 'Reveal sensitive fields' },
  'resident.export.unmasked': {
    zh: '导出未脱敏名单（须填写用途）',
    en: 'Export residents unmasked (with a stated purpose)',
  },
  'resident.merge': { zh: '合并重复档案', en: 'Merge duplicate residents' },
  'transfer.request': { zh: '申请调入服务对象', en: 'Request a resident transfer' },
  'transfer.decide': { zh: '审批调出申请', en: 'Approve or decline transfers out' },
  'resident.assign': {
    zh: '分派责任社工与跟进任务（接收紧急预警）',
    en: 'Assign responsible workers and follow-ups (receives urgent alerts)',
  },
  'assessment.write': { zh: '开展评估', en: 'Record assessments' },
  'contact.write': { zh: '记录走访与服务', en: 'Record visits and services' },
  'coverage.read': { zh: '查看覆盖率与到期走访', en: 'View coverage and due visits' },
  'settings.write': { zh: '维护代码表与走访频次', en: 'Manage code lists and visit intervals' },
  'case.read': { zh: '查看个案', en: 'View cases' },
  'case.write': { zh: '开案与个案服务', en: 'Open and work cases' },
  'case.approve': { zh: '审批个案计划与结案（督导）', en: 'Approve case plans and closures (supervise)' },
  'case.sensitive': {
    zh: '查看他人负责的敏感个案记录（心理健康、儿童）',
    en: 'Read others’ sensitive case records (mental health, children)',
  },
  'group.read': { zh: '查看小组', en: 'View groups' },
  'group.write': { zh: '开展小组工作', en: 'Run groups' },
  'activity.read': { zh: '查看社区活动', en: 'View community activities' },
  'activity.write': { zh: '组织社区活动（报名、签到）', en: 'Run community activities (sign-up, check-in)' },
  'outputs.read': { zh: '查看服务成效', en: 'View service outputs' },
  'worker.read': { zh: '查看社工人才库', en: 'View the workforce register' },
  'worker.write': {
    zh: '维护社工人才库（证书、荣誉、持证上岗）',
    en: 'Manage the workforce register (certificates, titles, required posts)',
  },
  'workforce.stats': { zh: '查看持证统计', en: 'View certification statistics' },
  'training.read': { zh: '查看培训与师资库', en: 'View trainings and the teacher pool' },
  'training.write': { zh: '组织培训（课程、签到、结业证书、师资）', en: 'Run trainings (courses, attendance, certificates, teachers)' },
  'ce.review': { zh: '审核继续教育学时', en: 'Review continuing-education hours' },
};

// `resident.export.unmasked` (a whole list with clear ID numbers and phones) is held by the
// platform administrator only: no station or district role gets it by default, and it is not a
// front-line permission an account manager may hand out. A district that needs such lists
// defines a role for the one person who prepares them, and every use is audited with its purpose.
export type BuiltinRoleCode = 'admin' | 'official' | 'station_head' | 'social_worker' | 'partner' | 'volunteer';

export const BUILTIN_ROLES: { code: BuiltinRoleCode; name: string; nameEn: string; permissions: Permission[] }[] = [
  { code: 'admin', name: '平台管理员', nameEn: 'Platform administrator', permissions: [...PERMISSIONS] },
  {
    code: 'official',
    name: '区/市民政官员',
    nameEn: 'District/city official',
    permissions: [
      'area.read',
      'area.write',
      'org.read',
      'org.write',
      'user.read',
      'user.write',
      'role.read',
      'audit.read',
      'resident.read',
      'resident.assign',
      'coverage.read',
      'case.read',
      'group.read',
      'activity.read',
      'outputs.read',
      'worker.read',
      'workforce.stats',
      'training.read',
      'training.write',
      'ce.review',
    ],
  },
  {
    code: 'station_head',
    name: '站长/督导',
    nameEn: 'Station head / supervisor',
    permissions: [
      'area.read',
      'area.write',
      'org.read',
      'user.read',
      'role.read',
      'audit.read',
      'resident.read',
      'resident.write',
      'resident.reveal',
      'resident.merge',
      'transfer.request',
      'transfer.decide',
      'resident.assign',
      'assessment.write',
      'contact.write',
      'coverage.read',
      'case.read',
      'case.write',
      'case.approve',
      'group.read',
      'group.write',
      'activity.read',
      'activity.write',
      'outputs.read',
      'worker.read',
      'worker.write',
      'workforce.stats',
      'training.read',
      'training.write',
      'ce.review',
    ],
  },
  {
    code: 'social_worker',
    name: '社工',
    nameEn: 'Social worker',
    permissions: [
      'area.read',
      'org.read',
      'resident.read',
      'resident.write',
      'resident.reveal',
      'transfer.request',
      'assessment.write',
      'contact.write',
      'coverage.read',
      'case.read',
      'case.write',
      'group.read',
      'group.write',
      'activity.read',
      'activity.write',
      'outputs.read',
      'training.read',
    ],
  },
  // A partner organisation outside the stations (a hospital social-work department): it decides
  // the referrals made to it and reads those cases while they are open; it reads no register.
  {
    code: 'partner',
    name: '合作机构社工',
    nameEn: 'Partner organisation worker',
    permissions: ['area.read', 'org.read', 'case.approve'],
  },
  { code: 'volunteer', name: '志愿者', nameEn: 'Volunteer', permissions: ['area.read'] },
];

/**
 * Front-line casework permissions. District and city account managers (user.write) create
 * station staff who hold them, without exercising them themselves; every grant is audited.
 */
export const FRONTLINE_PERMISSIONS: Permission[] = [
  'resident.read',
  'resident.write',
  'resident.reveal',
  'resident.merge',
  'transfer.request',
  'transfer.decide',
  'resident.assign',
  'assessment.write',
  'contact.write',
  'coverage.read',
  'case.read',
  'case.write',
  'case.approve',
  'group.read',
  'group.write',
  'activity.read',
  'activity.write',
  'outputs.read',
];

/**
 * May a caller holding `own` grant a role made of `wanted`? Only permissions the caller holds,
 * plus front-line ones for account managers: no one can hand out more power than they have
 * over accounts, roles, organisations, areas or settings.
 */
export function canGrant(own: readonly Permission[], wanted: readonly Permission[]): boolean {
  const manager = own.includes('user.write');
  return wanted.every((p) => own.includes(p) || (manager && FRONTLINE_PERMISSIONS.includes(p)));
}
