// Messages of public accounts and SMS codes (issue 10, item 0), spread into MESSAGES.
export const PUBLIC_ACCOUNT_MESSAGES = {
  'publicAccount.mobile': { zh: '请输入 11 位手机号码', en: 'Enter an 11-digit mobile number' },
  'publicAccount.code': { zh: '验证码为 6 位数字', en: 'The code is 6 digits' },
  'publicAccount.name': { zh: '请填写姓名（1–30 字）', en: 'Enter your name (1–30 characters)' },
  'publicAccount.codeWrong': {
    zh: '验证码不正确或已过期，请重新获取',
    en: 'The code is wrong or has expired; please request a new one',
  },
  'publicAccount.tooSoon': {
    zh: '获取验证码过于频繁，请 {seconds} 秒后再试',
    en: 'Too many codes requested; try again in {seconds} s',
  },
  'publicAccount.noAccount': {
    zh: '该手机号尚未注册，请先注册',
    en: 'No account has this mobile number yet; please sign up',
  },
  'publicAccount.disabled': { zh: '该账号已停用', en: 'This account is disabled' },
  'publicAccount.unauthenticated': { zh: '请先登录', en: 'Please log in' },
  'publicAccount.smsFailed': {
    zh: '短信发送失败，请稍后再试',
    en: 'The text message could not be sent; please try again later',
  },
} as const;
