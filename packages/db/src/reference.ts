// Reference data every installation starts with and administrators may edit afterwards:
// code lists (人员类别, 救助状态, 5+N 服务类型, 走访清单), the visit intervals per care level, and the
// built-in assessment instruments as versioned data. Idempotent: existing rows are kept.
import { BUILTIN_INSTRUMENTS, DEFAULT_VISIT_INTERVALS } from '@wushe/core';
import type { Database, Db } from './client.ts';
import { codeLists, instruments, settings } from './schema/index.ts';

type Entry = [code: string, zh: string, en: string];

export const DEFAULT_CODE_LISTS: Record<string, Entry[]> = {
  resident_category: [
    ['dibao', '低保', 'Minimum living allowance'],
    ['dibao_edge', '低保边缘', 'Marginal to the allowance'],
    ['tekun', '特困', 'Extreme poverty support'],
    ['child_difficulty', '困境儿童', 'Child in difficulty'],
    ['left_behind_child', '留守儿童', 'Left-behind child'],
    ['unsupported_child', '事实无人抚养儿童', 'De facto unsupported child'],
    ['orphan', '孤儿', 'Orphan'],
    ['left_behind_elder', '留守老人', 'Left-behind elder'],
    ['childless_elder', '孤寡', 'Childless and widowed elder'],
    ['living_alone', '独居', 'Living alone'],
    ['empty_nest', '空巢', 'Empty-nest elder'],
    ['disabled_care', '失能', 'Loss of ability'],
    ['severe_disability', '重度残疾', 'Severe disability'],
    ['disability', '残疾人', 'Person with disability'],
    ['expense_hardship', '支出型困难家庭', 'Hardship from medical or schooling costs'],
    ['vagrant', '流浪乞讨', 'Vagrant or beggar'],
    ['single_mother', '单身特困母亲', 'Single mother in hardship'],
    ['left_behind_woman', '留守妇女', 'Left-behind woman'],
    ['family_planning_special', '计生特殊家庭', 'Family-planning special family'],
    ['veteran_hardship', '困难退役军人', 'Veteran in hardship'],
  ],
  assistance_status: [
    ['tekun', '特困', 'Extreme poverty support'],
    ['dibao', '低保', 'Minimum living allowance'],
    ['dibao_edge', '低保边缘', 'Marginal to the allowance'],
    ['rigid_expense', '刚性支出困难', 'Rigid-expense hardship'],
    ['poverty_watch', '防止返贫监测对象', 'Relapse-into-poverty watch'],
  ],
  service_type: [
    ['meal', '助餐', 'Meal help'],
    ['cleaning', '助洁', 'Cleaning help'],
    ['medical', '助医', 'Medical help'],
    ['bathing', '助浴', 'Bathing help'],
    ['emergency', '助急', 'Emergency help'],
    ['emotional_visit', '精神慰问', 'Emotional visit'],
    ['counselling', '心理疏导', 'Counselling'],
  ],
  // The visit checklist (走访清单): each item is marked when something is found, with a note.
  visit_checklist: [
    ['safety_hazard', '安全隐患', 'Safety hazards'],
    ['health', '健康状况', 'Health'],
    ['living_conditions', '居住环境', 'Living conditions'],
    ['needs', '发现需求', 'Needs found'],
  ],
  // 个案类型: mental_health and children are sensitive (SENSITIVE_CASE_TYPES in @wushe/core).
  case_type: [
    ['elderly', '老年人', 'Elderly'],
    ['children', '儿童', 'Children'],
    ['disability', '残疾人', 'Disability'],
    ['family', '家庭', 'Family'],
    ['assistance', '社会救助', 'Social assistance'],
    ['mental_health', '心理健康', 'Mental health'],
    ['other', '其他', 'Other'],
  ],
  // 小组类型 (domain brief §6: the kinds of group work stations run).
  group_type: [
    ['support', '支持小组', 'Support group'],
    ['growth', '成长小组', 'Growth group'],
    ['education', '教育小组', 'Educational group'],
    ['therapy', '治疗小组', 'Therapeutic group'],
    ['socialisation', '社交康乐小组', 'Socialisation group'],
    ['mutual_aid', '互助小组', 'Mutual-aid group'],
  ],
  // 微心愿类别 (domain brief §8; issue 11: goods, repair, service, companionship, other).
  wish_category: [
    ['goods', '物资', 'Goods'],
    ['repair', '维修', 'Repair'],
    ['service', '服务', 'Service'],
    ['companionship', '陪伴', 'Companionship'],
    ['other', '其他', 'Other'],
  ],
  // 志愿者技能 (issue 11: medical, repair, teaching, companionship, driving, legal, psychological, photography…).
  volunteer_skill: [
    ['medical', '医疗护理', 'Medical care'],
    ['repair', '家电维修', 'Repairs'],
    ['teaching', '教学辅导', 'Teaching'],
    ['companionship', '陪伴探访', 'Companionship'],
    ['driving', '驾驶', 'Driving'],
    ['legal', '法律咨询', 'Legal advice'],
    ['psychological', '心理疏导', 'Psychological support'],
    ['photography', '摄影', 'Photography'],
    ['haircut', '义剪', 'Haircuts'],
    ['cooking', '助餐', 'Meals'],
    ['it', '智能手机教学', 'Phones and computers'],
    ['events', '活动组织', 'Events'],
  ],
};

async function seedReference(db: Db): Promise<void> {
  for (const [list, entries] of Object.entries(DEFAULT_CODE_LISTS)) {
    await db
      .insert(codeLists)
      .values(entries.map(([code, labelZh, labelEn], i) => ({ list, code, labelZh, labelEn, sort: (i + 1) * 10 })))
      .onConflictDoNothing();
  }
  await db.insert(settings).values({ key: 'visit_intervals', value: DEFAULT_VISIT_INTERVALS }).onConflictDoNothing();
  for (const def of BUILTIN_INSTRUMENTS) {
    await db.insert(instruments).values({ code: def.code, version: def.version, definition: def, builtin: true }).onConflictDoNothing();
  }
}

/** Runs at every start (after migrations): new code lists or instrument versions arrive with the code. */
export function syncReferenceData(database: Database): Promise<void> {
  return database.owner((db) => db.transaction((tx) => seedReference(tx as unknown as Db)));
}
