// Messages of casework (issue 9), spread into MESSAGES so MessageKey covers them.
export const CASE_MESSAGES = {
  'field.date': { zh: '日期格式应为 YYYY-MM-DD', en: 'A date is written YYYY-MM-DD' },
  'case.stage.intake': { zh: '接案', en: 'Intake' },
  'case.stage.assessment': { zh: '预估', en: 'Assessment' },
  'case.stage.plan': { zh: '计划', en: 'Plan' },
  'case.stage.intervention': { zh: '介入', en: 'Intervention' },
  'case.stage.review': { zh: '评估', en: 'Review' },
  'case.stage.closed': { zh: '结案', en: 'Closed' },
  'case.stage.none': { zh: '（无，须等待审批）', en: '(none until a decision)' },
  'case.stageNotNext': {
    zh: '个案不能从“{from}”转到“{to}”；可转到：{allowed}',
    en: 'A case cannot move from “{from}” to “{to}”; it can move to: {allowed}',
  },
  'case.planNotApproved': {
    zh: '服务计划须经站长审批通过后才能进入介入阶段；可转到：{allowed}',
    en: 'The plan must be approved by the station head before intervention; it can move to: {allowed}',
  },
  'case.closureNeedsApproval': {
    zh: '结案须在评估阶段提交结案申请，经站长审批；可转到：{allowed}',
    en: 'Closing needs a closure request at review, approved by the station head; it can move to: {allowed}',
  },
  'case.waitingForApproval': {
    zh: '结案申请正待站长审批，审批前不能变更阶段',
    en: 'A closure request waits for the station head; the stage cannot change until it is decided',
  },
  'case.reopenReasonRequired': { zh: '重新开案须填写原因', en: 'Give a reason to reopen the case' },
  'case.planStageOnly': { zh: '只能在计划阶段提交服务计划', en: 'A plan is submitted at the plan stage' },
  'case.planAlreadySubmitted': { zh: '服务计划已提交，正待审批', en: 'The plan is already waiting for approval' },
  'case.planAlreadyApproved': { zh: '服务计划已审批通过', en: 'The plan is already approved' },
  'case.planNotEditable': {
    zh: '当前阶段不能修改服务计划（审批中或已进入介入）',
    en: 'The plan cannot be changed now (waiting for approval, or intervention has begun)',
  },
  'case.planNeedsGoal': { zh: '提交审批的服务计划至少要有一个目标', en: 'A plan sent for approval needs at least one goal' },
  'case.closureReviewOnly': { zh: '只能在评估阶段申请结案', en: 'Closure is requested at review' },
  'case.closureAlreadySubmitted': { zh: '结案申请已提交，正待审批', en: 'The closure request is already waiting for approval' },
  'case.closureGoals': { zh: '请为每个目标填写最终达成情况', en: 'Give every goal its final state' },
  'case.nothingToDecide': { zh: '没有待审批的{kind}', en: 'No {kind} is waiting for a decision' },
  'case.kind.plan': { zh: '服务计划', en: 'plan' },
  'case.kind.closure': { zh: '结案申请', en: 'closure' },
  'case.commentRequired': { zh: '退回时请填写意见', en: 'Give a comment when returning' },
  'case.progressClosed': {
    zh: '只能在介入或评估阶段记录目标进展',
    en: 'Goal progress is recorded during intervention or review',
  },
  'case.goalUnknown': { zh: '该目标不在本个案的服务计划中', en: 'No such goal in this case’s plan' },
  'case.type': { zh: '请选择代码表中的个案类型', en: 'Choose a case type from the code list' },
  'case.service': { zh: '请选择代码表中的服务类型', en: 'Choose a service type from the code list' },
  'case.residentInactive': {
    zh: '该服务对象已迁出、死亡或被合并，不能开案',
    en: 'This resident has moved away, died or been merged; a case cannot be opened',
  },
  'case.worker': {
    zh: '请选择该服务对象所在站点在职的社工（须有个案权限）',
    en: 'Choose an active worker of the resident’s station who may work cases',
  },
  'case.sameWorker': { zh: '该社工已负责此个案', en: 'This worker is already in charge of the case' },
} as const;
