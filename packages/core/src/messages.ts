// Message catalog shared by server and web. Keys are stable; text is zh-CN first, then en.
// `{name}` placeholders are filled from params.
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
  'area.invalid': { zh: '区划代码应为 12 位数字（网格可更长）', en: 'An area code is 12 digits (longer for a grid)' },
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
  'error.forbidden': { zh: '您没有执行此操作的权限', en: 'You do not have permission to do this' },
  'error.notFound': { zh: '记录不存在', en: 'Not found' },
  'error.routeNotFound': { zh: '接口不存在', en: 'No such endpoint' },
  'error.methodNotAllowed': { zh: '不支持该请求方法', en: 'Method not allowed' },
  'error.validation': { zh: '输入有误，请检查标出的字段', en: 'Some fields are invalid' },
  'error.malformedJson': { zh: '请求体不是合法的 JSON', en: 'The request body is not valid JSON' },
  'error.tooLarge': { zh: '请求体过大', en: 'The request body is too large' },
  'error.conflict': {
    zh: '该记录已被他人修改，请刷新后再编辑',
    en: 'Someone else changed this record; reload it and edit again',
  },
  'error.internal': { zh: '服务器内部错误', en: 'Internal server error' },
  'error.selfAction': { zh: '不能对自己的账号执行此操作', en: 'You cannot do this to your own account' },
} as const;

export type MessageKey = keyof typeof MESSAGES;

export function isMessageKey(s: string): s is MessageKey {
  return Object.prototype.hasOwnProperty.call(MESSAGES, s);
}

export function translate(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  const entry = isMessageKey(key) ? MESSAGES[key] : undefined;
  const text: string = entry ? (lang === 'en' ? entry.en : entry.zh) : key;
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}

/** Picks zh-CN or en from an Accept-Language header; zh-CN is the default. */
export function pickLang(header: string | undefined): Lang {
  if (!header) return 'zh-CN';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}
