// Message catalog shared by server and web. Keys are stable; text is zh-CN first, then en.
// `{name}` placeholders are filled from params.
import { ID_NUMBER_MESSAGES } from './residents/idcard-messages.ts';
import { ASSIGN_MESSAGES } from './assign-messages.ts';
import { CASE_MESSAGES } from './casework/messages.ts';
import { GROUP_MESSAGES } from './occasions/groups.messages.ts';
import { OCCASION_MESSAGES } from './occasions/messages.ts';

import { PUBLIC_ACCOUNT_MESSAGES } from './public-accounts/messages.ts';
import { EXAM_EXPORT_MESSAGES, EXAM_MESSAGES, WORKFORCE_MESSAGES } from './workforce/messages.ts';
import { PROGRAMME_MESSAGES } from './workforce/programme-messages.ts';
import { SUBSIDY_MESSAGES } from './workforce/subsidy-messages.ts';
import { TRAINING_WEB_MESSAGES } from './workforce/training-messages.ts';
import { ALLIANCE_MESSAGES } from './workforce/alliance-messages.ts';
import { JOB_MESSAGES } from './workforce/job-messages.ts';
import { WF_DASHBOARD_MESSAGES } from './workforce/dashboard-messages.ts';
import { WISH_MESSAGES } from './wishes/messages.ts';
import { VOLUNTEER_MESSAGES } from './volunteers/messages.ts';

export type Lang = 'zh-CN' | 'en';

export const MESSAGES = {
  'password.tooShort': { zh: '密码至少 {min} 位', en: 'Password must be at least {min} characters' },
  'password.tooSimple': {
    zh: '密码须包含大写字母、小写字母、数字、符号中的至少 {classes} 类',
    en: 'Password must mix at least {classes} of: upper case, lower case, digits, symbols',
  },
  'password.tooLong': { zh: '密码不能超过 128 位', en: 'Password must be at most 128 characters' },
  'password.sameAsOld': { zh: '新密码不能与原密码相同', en: 'The new password must differ from the old one' },
  'password.wrongCurrent': { zh: '原密码不正确', en: 'The current password is wrong' },
  'field.required': { zh: '必填', en: 'Required' },
  'area.invalid': {
    zh: '区划代码应为 2、4、6、9 或 12 位数字（网格可更长）',
    en: 'An area code has 2, 4, 6, 9 or 12 digits (longer for a grid)',
  },
  'area.unknown': { zh: '区划不存在或不在您的管辖范围内', en: 'No such area within your scope' },
  'area.gridParent': { zh: '网格只能建在社区（村）之下', en: 'A grid can only be added under a community' },
  'username.format': {
    zh: '用户名 3–32 位，仅限字母、数字、点、下划线、短横线',
    en: 'Username: 3–32 letters, digits, dots, underscores or hyphens',
  },
  'username.taken': { zh: '用户名已被使用', en: 'This username is taken' },
  'role.unknown': { zh: '角色不存在', en: 'No such role' },
  'role.tooStrong': {
    zh: '不能授予超出您自身权限的角色',
    en: 'You cannot grant a role with permissions you do not hold',
  },
  'role.codeTaken': { zh: '角色编码已被使用', en: 'This role code is taken' },
  'role.builtin': { zh: '内置角色不能修改权限或删除', en: 'Built-in roles cannot be changed or deleted' },
  'role.inUse': { zh: '仍有账号使用该角色，不能删除', en: 'Accounts still hold this role' },
  'org.unknown': { zh: '组织不存在或不在您的管辖范围内', en: 'No such organisation within your scope' },
  'org.areaMismatch': {
    zh: '账号所在区划须在其所属组织的区划之内或之上',
    en: "The account's area must be related to its organisation's area",
  },
  'auth.badCredentials': { zh: '用户名或密码错误', en: 'Wrong username or password' },
  'auth.badCredentialsLeft': {
    zh: '用户名或密码错误，再错 {left} 次账号将被锁定 {minutes} 分钟',
    en: 'Wrong username or password; {left} more failures lock the account for {minutes} minutes',
  },
  'auth.locked': {
    zh: '账号已锁定，请于 {until} 后再试或联系管理员解锁',
    en: 'The account is locked until {until}; try again then or ask an administrator to unlock it',
  },
  'phone.format': { zh: '请输入 11 位手机号或带区号的固话', en: 'Enter an 11-digit mobile or a landline with area code' },
  'reveal.reason': { zh: '请填写查看原因（至少 2 个字）', en: 'Give a reason (at least 2 characters)' },
  'resident.idTaken': {
    zh: '该证件号码已登记，不能重复登记；如需调入请联系所在社工站',
    en: 'This document number is already registered; ask the station that holds it to transfer it',
  },
  'resident.possibleDuplicate': {
    zh: '同一社区已有同名且出生日期相同的服务对象，可能重复，请核对',
    en: 'A resident with the same name and birth date exists in this community; check for a duplicate',
  },
  'resident.guardianRequired': { zh: '未满 14 周岁须登记监护人', en: 'A guardian is required for a child under 14' },
  'resident.consentGuardian': { zh: '未成年人的同意须由监护人作出', en: 'For a minor, consent must come from the guardian' },
  'resident.areaLevel': { zh: '服务对象须登记到社区（村）或网格', en: 'Register a resident in a community or grid' },
  'resident.unknownCode': { zh: '代码不在代码表中：{code}', en: 'Not in the code list: {code}' },
  'resident.careLevelReason': { zh: '手工调整关爱等级须填写原因', en: 'Give a reason for changing the care level by hand' },
  'resident.mergeSelf': { zh: '不能与自身合并', en: 'A resident cannot be merged into itself' },
  'codeList.inUse': { zh: '代码 {code} 已在使用，只能停用，不能删除', en: 'Code {code} is in use: deactivate it instead of removing it' },
  'codeList.duplicate': { zh: '代码 {code} 重复', en: 'Code {code} appears twice' },
  'assessment.overrideReason': {
    zh: '确认的关爱等级与建议不同，须填写原因',
    en: 'Give a reason when the confirmed care level differs from the suggestion',
  },
  'contact.serviceType': { zh: '上门服务须选择服务类型', en: 'Choose the service type for a service delivered' },
  'contact.future': { zh: '不能记录未来的走访', en: 'A contact cannot be in the future' },
  'assessment.unknownInstrument': { zh: '评估量表不存在或已停用', en: 'No such active assessment instrument' },
  'assessment.unknownItem': { zh: '量表中没有该题目', en: 'This item is not part of the instrument' },
  'assessment.unknownOption': { zh: '选项不在该题的可选范围内：{value}', en: 'Not an option of this item: {value}' },
  'assessment.wrongType': { zh: '答案格式与题型不符', en: 'The answer does not fit the item type' },
  'contact.unknownWorker': { zh: '走访人不存在或不在您的管辖范围内', en: 'No such worker within your scope' },
  'contact.checklistNote': { zh: '发现问题须简要说明', en: 'Say briefly what was found' },
  'contact.checklistDuplicate': { zh: '清单项目重复：{code}', en: 'This checklist item appears twice: {code}' },
  'contact.checklistNotFlagged': {
    zh: '该清单项目未标记发现问题，不能转为跟进任务',
    en: 'Only an item marked as found can become a follow-up',
  },
  'contact.followUpPast': { zh: '跟进期限不能早于今天', en: 'The follow-up cannot be due before today' },
  'contact.followUpReason': { zh: '走访发现（{item}）：{note}', en: 'Found on a visit ({item}): {note}' },
  'attachment.unknown': { zh: '附件不存在或已被使用', en: 'No such attachment, or it is already linked' },
  'attachment.type': {
    zh: '文件内容与类型不符（仅支持 JPEG、PNG、WebP、PDF）',
    en: 'The file content does not match its type (JPEG, PNG, WebP or PDF only)',
  },
  'attachment.tooLarge': { zh: '附件不能超过 5 MB', en: 'An attachment can be at most 5 MB' },
  'attachment.encoding': { zh: '附件内容须为 Base64 编码', en: 'The attachment content must be Base64' },
  'transfer.notFound': {
    zh: '未找到该证件号码的在册服务对象',
    en: 'No registered resident holds this document number',
  },
  'transfer.alreadyHere': { zh: '该服务对象已在本辖区，无需调入', en: 'This resident is already in your area' },
  'transfer.pending': { zh: '该服务对象已有待处理的调入申请', en: 'A transfer of this resident is already waiting for a decision' },
  'transfer.decided': { zh: '该调入申请已处理', en: 'This transfer has already been decided' },
  'transfer.reasonRequired': { zh: '拒绝时请填写原因', en: 'Give a reason when declining' },
  'transfer.moved': { zh: '该服务对象已不在原社工站，申请无法批准', en: 'The resident is no longer held where the request was made' },
  'transfer.requestedTitle': { zh: '调入申请：{name}', en: 'Transfer requested: {name}' },
  'transfer.requestedBody': {
    zh: '{station}申请将 {name}（{id}）调入，请审批',
    en: '{station} asks to take over {name} ({id}); please decide',
  },
  'transfer.approvedTitle': { zh: '调入已批准：{name}', en: 'Transfer approved: {name}' },
  'transfer.declinedTitle': { zh: '调入被拒绝：{name}', en: 'Transfer declined: {name}' },
  'transfer.decidedBody': { zh: '{station}：{reason}', en: '{station}: {reason}' },
  'followUp.outcome': { zh: '请填写跟进情况', en: 'Describe what was done' },
  'followUp.outcomeLong': { zh: '跟进情况不能超过 500 字', en: 'At most 500 characters' },
  'followUp.done': { zh: '该跟进任务已完成', en: 'This follow-up is already completed' },
  'followUp.overdueTitle': { zh: '跟进逾期：{name}', en: 'Follow-up overdue: {name}' },
  'followUp.overdueBody': { zh: '{reason}（应于 {due} 前跟进）', en: '{reason} (due by {due})' },
  'followUp.contact': { zh: '走访记录不存在或不属于该服务对象', en: 'No such contact for this resident' },
  'coverage.futureDate': { zh: '统计日期不能晚于今天', en: 'The date cannot be after today' },
  'coverage.trendLevel': { zh: '覆盖率趋势只统计到街道（乡镇）一级', en: 'The coverage trend is kept down to street (township) level' },
  'import.format': { zh: '只支持 .xlsx 或 .csv 文件', en: 'Only .xlsx or .csv files can be imported' },
  'import.empty': { zh: '文件中没有数据行', en: 'The file has no data rows' },
  'import.tooMany': { zh: '单次最多导入 {max} 行', en: 'At most {max} rows per import' },
  'import.headers': { zh: '缺少列：{columns}（请使用下载的模板）', en: 'Missing columns: {columns} (use the template)' },
  'import.duplicateInFile': { zh: '与文件第 {row} 行的证件号码重复', en: 'The same document number is on row {row} of this file' },
  'import.nothingImported': { zh: '未导入：存在错误行', en: 'Nothing imported: some rows have errors' },
  'import.careLevelReason': { zh: '批量导入', en: 'Imported from a file' },
  'import.interrupted': {
    zh: '导入在处理过程中中断，重试 {attempts} 次仍未完成：请重新上传同一文件（已写入的行不会重复导入）',
    en: 'The import was interrupted while it ran and {attempts} tries did not finish it: upload the same file again (rows already written will not be duplicated)',
  },
  'auth.lockedByAdmin': { zh: '账号已被管理员锁定，请联系管理员解锁', en: 'An administrator locked this account; ask them to unlock it' },
  'area.gridTaken': { zh: '该网格编号已被使用', en: 'This grid number is already used' },
  'auth.disabled': { zh: '账号已停用', en: 'This account is disabled' },
  'auth.totpRequired': { zh: '请输入动态验证码', en: 'Enter your one-time code' },
  'auth.totpWrong': { zh: '动态验证码错误', en: 'Wrong one-time code' },
  'auth.unauthenticated': { zh: '请先登录', en: 'Please log in' },
  'auth.sessionExpired': { zh: '登录已超时，请重新登录', en: 'Your session has expired; please log in again' },
  'auth.mustChangePassword': { zh: '请先修改初始密码', en: 'Please change your initial password first' },
  'auth.totpSetupRequired': {
    zh: '您的角色要求启用双因素认证，请先完成设置',
    en: 'Your role requires two-factor login; please set it up first',
  },
  'auth.csrf': { zh: '请求校验失败，请刷新页面后重试', en: 'Request check failed; reload the page and try again' },
  'auth.rateLimited': { zh: '登录尝试过于频繁，请稍后再试', en: 'Too many login attempts; please wait' },
  'resident.searchRateLimited': { zh: '按证件尾号查找过于频繁，请稍后再试', en: 'Too many searches by ID-number ending; please wait' },
  // Server exports, the import template and report: file names, sheet names, headers, labels.
  'export.stamp': {
    zh: '导出人：{who}　导出时间：{at}（北京时间）　用途：{purpose}',
    en: 'Exported by {who} at {at} (Beijing time). Purpose: {purpose}',
  },
  'export.stamp.who': { zh: '{name}（{username}）', en: '{name} ({username})' },
  'export.stamp.noPurpose': { zh: '未填写', en: 'not stated' },
  'export.stamp.unmasked': {
    zh: '{reason}（含未脱敏的证件号码和电话，注意保密）',
    en: '{reason} (clear ID numbers and phones: keep it confidential)',
  },
  'export.reason': { zh: '请填写导出用途（至少 2 个字）', en: 'State the purpose of the export (at least 2 characters)' },
  'export.careLevel': { zh: '{n} 级', en: 'Level {n}' },
  'export.residents.file': { zh: '服务对象.xlsx', en: 'residents.xlsx' },
  'export.residents.sheet': { zh: '服务对象', en: 'Residents' },
  'export.residents.name': { zh: '姓名', en: 'Name' },
  'export.residents.idNumber': { zh: '证件号码', en: 'ID number' },
  'export.residents.sex': { zh: '性别', en: 'Sex' },
  'export.residents.birthDate': { zh: '出生日期', en: 'Birth date' },
  'export.residents.age': { zh: '年龄', en: 'Age' },
  'export.residents.phone': { zh: '联系电话', en: 'Phone' },
  'export.residents.area': { zh: '所在社区', en: 'Area' },
  'export.residents.address': { zh: '住址', en: 'Address' },
  'export.residents.categories': { zh: '人员类别', en: 'Categories' },
  'export.residents.assistanceStatus': { zh: '救助状态', en: 'Assistance status' },
  'export.residents.careLevel': { zh: '关爱等级', en: 'Care level' },
  'export.residents.lastContactOn': { zh: '最近走访', en: 'Last contact' },
  'export.residents.nextDueOn': { zh: '下次走访', en: 'Next due' },
  'export.residents.worker': { zh: '责任社工', en: 'Worker' },
  'export.residents.status': { zh: '状态', en: 'Status' },
  'export.sex.male': { zh: '男', en: 'male' },
  'export.sex.female': { zh: '女', en: 'female' },
  'export.residentStatus.active': { zh: '在册', en: 'active' },
  'export.residentStatus.moved': { zh: '迁出', en: 'moved' },
  'export.residentStatus.deceased': { zh: '死亡', en: 'deceased' },
  'export.residentStatus.merged': { zh: '已合并', en: 'merged' },
  'export.followUps.file': { zh: '跟进任务.xlsx', en: 'follow-ups.xlsx' },
  'export.followUps.sheet': { zh: '跟进任务', en: 'Follow-ups' },
  'export.followUps.name': { zh: '姓名', en: 'Name' },
  'export.followUps.area': { zh: '所在社区', en: 'Area' },
  'export.followUps.reason': { zh: '跟进原因', en: 'Reason' },
  'export.followUps.dueAt': { zh: '截止时间', en: 'Due' },
  'export.followUps.status': { zh: '状态', en: 'Status' },
  'export.followUps.assignedTo': { zh: '负责人', en: 'Assigned to' },
  'export.followUps.doneAt': { zh: '完成时间', en: 'Done at' },
  'export.followUps.doneBy': { zh: '完成人', en: 'Done by' },
  'export.followUps.outcome': { zh: '跟进情况', en: 'Outcome' },
  'export.followUpStatus.open': { zh: '待跟进', en: 'Open' },
  'export.followUpStatus.overdue': { zh: '已逾期', en: 'Overdue' },
  'export.followUpStatus.done': { zh: '已完成', en: 'Done' },
  'export.users.file': { zh: '账号.xlsx', en: 'accounts.xlsx' },
  'export.users.sheet': { zh: '账号', en: 'Accounts' },
  'export.users.username': { zh: '用户名', en: 'Username' },
  'export.users.displayName': { zh: '姓名', en: 'Name' },
  'export.users.phone': { zh: '手机号', en: 'Phone' },
  'export.users.role': { zh: '角色', en: 'Role' },
  'export.users.org': { zh: '所属组织', en: 'Organisation' },
  'export.users.area': { zh: '所在区划', en: 'Area' },
  'export.users.status': { zh: '状态', en: 'Status' },
  'export.users.lastLoginAt': { zh: '最近登录', en: 'Last login' },
  'export.userStatus.active': { zh: '正常', en: 'active' },
  'export.userStatus.locked': { zh: '锁定', en: 'locked' },
  'export.userStatus.disabled': { zh: '停用', en: 'disabled' },
  'export.orgs.file': { zh: '组织.xlsx', en: 'organisations.xlsx' },
  'export.orgs.sheet': { zh: '组织', en: 'Organisations' },
  'export.orgs.name': { zh: '名称', en: 'Name' },
  'export.orgs.kind': { zh: '类型', en: 'Kind' },
  'export.orgs.areaCode': { zh: '区划代码', en: 'Area code' },
  'export.orgs.area': { zh: '所在区划', en: 'Area' },
  'export.orgs.creditCode': { zh: '统一社会信用代码', en: 'Credit code' },
  'export.orgs.contactName': { zh: '联系人', en: 'Contact' },
  'export.orgs.contactPhone': { zh: '联系电话', en: 'Phone' },
  'export.orgs.address': { zh: '地址', en: 'Address' },
  'export.orgs.active': { zh: '状态', en: 'Active' },
  'export.orgStatus.active': { zh: '正常', en: 'active' },
  'export.orgStatus.inactive': { zh: '停用', en: 'inactive' },
  'export.audit.file': { zh: '审计日志.xlsx', en: 'audit.xlsx' },
  'export.audit.sheet': { zh: '审计日志', en: 'Audit' },
  'export.audit.seq': { zh: '序号', en: 'No.' },
  'export.audit.at': { zh: '时间', en: 'Time' },
  'export.audit.actor': { zh: '操作人', en: 'Person' },
  'export.audit.ip': { zh: 'IP', en: 'IP' },
  'export.audit.action': { zh: '操作', en: 'Action' },
  'export.audit.target': { zh: '对象', en: 'Target' },
  'export.audit.area': { zh: '区划', en: 'Area' },
  'export.audit.text': { zh: '内容', en: 'What happened' },
  'export.audit.changes': { zh: '变更（前 → 后）', en: 'Changes (before → after)' },
  'export.coverage.file': { zh: '覆盖率-{area}-{date}.xlsx', en: 'coverage-{area}-{date}.xlsx' },
  'export.coverage.sheet': { zh: '覆盖率', en: 'Coverage' },
  'export.coverage.areaCode': { zh: '区划代码', en: 'Area code' },
  'export.coverage.area': { zh: '区划', en: 'Area' },
  'export.coverage.registered': { zh: '在册人数', en: 'Registered' },
  'export.coverage.covered': { zh: '已覆盖', en: 'Covered' },
  'export.coverage.overdue': { zh: '逾期未访', en: 'Overdue' },
  'export.coverage.rate': { zh: '覆盖率（%）', en: 'Rate (%)' },
  'import.template.file': { zh: '服务对象导入模板.xlsx', en: 'resident-import-template.xlsx' },
  'import.template.dataSheet': { zh: '服务对象', en: 'Residents' },
  'import.template.areasSheet': { zh: '社区代码', en: 'Communities' },
  'import.template.listsSheet': { zh: '代码表', en: 'Lists' },
  'import.template.communityCode': { zh: '社区代码', en: 'Community code' },
  'import.template.communityName': { zh: '名称', en: 'Name' },
  'import.template.communityPath': { zh: '所属街道', en: 'Street / district' },
  'import.report.file': { zh: '导入结果.xlsx', en: 'import-report.xlsx' },
  'import.report.sheet': { zh: '导入结果', en: 'Import report' },
  'import.report.row': { zh: '行号', en: 'Row' },
  'import.report.result': { zh: '结果', en: 'Result' },
  'import.report.name': { zh: '姓名', en: 'Name' },
  'import.report.idNumber': { zh: '证件号码', en: 'Document number' },
  'import.report.errors': { zh: '错误说明', en: 'Errors' },
  'import.result.accepted': { zh: '新增', en: 'Added' },
  'import.result.updated': { zh: '更新', en: 'Updated' },
  'import.result.unchanged': { zh: '未变', en: 'Unchanged' },
  'import.result.rejected': { zh: '拒绝', en: 'Rejected' },
  'import.result.notImported': { zh: '未导入', en: 'Not imported' },
  'error.forbidden': { zh: '您没有执行此操作的权限', en: 'You do not have permission to do this' },
  'error.notFound': { zh: '记录不存在', en: 'Not found' },
  'error.routeNotFound': { zh: '接口不存在', en: 'No such endpoint' },
  'error.methodNotAllowed': { zh: '不支持该请求方法', en: 'Method not allowed' },
  'error.validation': { zh: '输入有误，请检查标出的字段', en: 'Some fields are invalid' },
  'error.badText': {
    zh: '含有不允许的控制字符或无效字符',
    en: 'Contains a NUL or an invalid character',
  },
  'error.malformedJson': { zh: '请求体不是合法的 JSON', en: 'The request body is not valid JSON' },
  'error.tooLarge': { zh: '请求体过大', en: 'The request body is too large' },
  'error.conflict': {
    zh: '该记录已被他人修改，请刷新后再编辑',
    en: 'Someone else changed this record; reload it and edit again',
  },
  'error.internal': { zh: '服务器内部错误', en: 'Internal server error' },
  'error.selfAction': { zh: '不能对自己的账号执行此操作', en: 'You cannot do this to your own account' },
  ...ASSIGN_MESSAGES,
  ...CASE_MESSAGES,
  ...GROUP_MESSAGES,
  ...OCCASION_MESSAGES,
  ...WORKFORCE_MESSAGES,
  ...PUBLIC_ACCOUNT_MESSAGES,
  ...EXAM_MESSAGES,
  ...EXAM_EXPORT_MESSAGES,
  ...PROGRAMME_MESSAGES,
  ...SUBSIDY_MESSAGES,
  ...TRAINING_WEB_MESSAGES,
  ...ALLIANCE_MESSAGES,
  ...JOB_MESSAGES,
  ...WF_DASHBOARD_MESSAGES,
  ...WISH_MESSAGES,
  ...VOLUNTEER_MESSAGES,
} as const;

export type MessageKey = keyof typeof MESSAGES;

export function isMessageKey(s: string): s is MessageKey {
  return Object.prototype.hasOwnProperty.call(MESSAGES, s);
}

const CATALOGS: Record<string, { zh: string; en: string }>[] = [MESSAGES, ID_NUMBER_MESSAGES];

/** The member of a { zh, en } pair for a language: the one place that tests for 'en'. */
export function inLang<T>(lang: Lang, pair: { zh: T; en: T }): T {
  return lang === 'en' ? pair.en : pair.zh;
}

/** Text of a key from any catalog (the key itself when unknown), with `{param}` filled. */
export function translate(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  const entry = CATALOGS.find((c) => Object.prototype.hasOwnProperty.call(c, key))?.[key];
  const text: string = entry ? inLang(lang, entry) : key;
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}

/** Picks zh-CN or en from an Accept-Language header; zh-CN is the default. */
export function pickLang(header: string | undefined): Lang {
  if (!header) return 'zh-CN';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}
