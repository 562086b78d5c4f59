// Messages of responsible-worker assignment and hand-made follow-ups (issue 8, items 1 and 9),
// spread into MESSAGES so MessageKey covers them; kept apart to spare the shared catalog's merges.
export const ASSIGN_MESSAGES = {
  'assign.worker': {
    zh: '请选择本站在职的社工（须有记录走访的权限）',
    en: 'Choose an active social worker of the station (one who may record visits)',
  },
  'assign.outsideStation': {
    zh: '有 {count} 位服务对象不在该社工所在站点的范围内',
    en: '{count} of these residents are outside the worker’s station',
  },
  'assign.selection': { zh: '请勾选服务对象或选择“按筛选条件全部分派”', en: 'Select residents or assign all matching the filter' },
  'assign.tooMany': { zh: '一次最多分派 {max} 位服务对象，请缩小筛选范围', en: 'At most {max} residents at once; narrow the filter' },
  'assign.notYours': {
    zh: '只能把服务对象分派给自己；分派给其他社工需要“分派”权限',
    en: 'You may assign residents only to yourself; assigning others needs the assign permission',
  },
  'followUp.reason': { zh: '请填写跟进事由', en: 'Say what the follow-up is for' },
  'followUp.dueAt': { zh: '截止时间不能早于现在', en: 'The deadline cannot be in the past' },
  'import.workerNotYours': {
    zh: '您没有“分派”权限，只能填写自己的账号（或留空）：“{username}”',
    en: 'Without the assign permission you may name only yourself (or leave it empty): “{username}”',
  },
  'import.workerUnknown': {
    zh: '找不到在职社工账号“{username}”（或其不属于该社区所在站点）',
    en: 'No active social worker “{username}” at this community’s station',
  },
} as const;
