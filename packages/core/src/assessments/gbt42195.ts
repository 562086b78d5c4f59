// GB/T 42195-2022 老年人能力评估规范 (elderly ability assessment): 4 dimensions, 26 items,
// total 0–90 (higher = more able), 5 ability levels, and the level-change clauses as data.
import { defineInstrument } from './schema.ts';
import { MENTAL_ITEMS, MOBILITY_ITEMS, PERCEPTION_ITEMS, SELF_CARE_ITEMS } from './gbt42195-items.ts';

export const ASSESSMENT_REASONS = [
  { code: 'first', label: { zh: '首次评估', en: 'First assessment' } },
  { code: 'routine', label: { zh: '常规评估', en: 'Routine re-assessment' } },
  { code: 'immediate', label: { zh: '即时评估（状况发生变化）', en: 'Immediate (condition changed)' } },
  { code: 'dispute', label: { zh: '因对评估结果有疑问进行的复评', en: 'Re-assessment on dispute' } },
  { code: 'other', label: { zh: '其他', en: 'Other' } },
];

export const GBT42195 = defineInstrument({
  code: 'gbt42195',
  version: '2022',
  name: { zh: '老年人能力评估（GB/T 42195-2022）', en: 'Elderly ability assessment (GB/T 42195-2022)' },
  kind: 'ability',
  reference: 'GB/T 42195-2022 老年人能力评估规范',
  dimensions: [
    { code: 'self_care', name: { zh: '自理能力', en: 'Self-care' }, max: 32 },
    { code: 'mobility', name: { zh: '基础运动能力', en: 'Basic mobility' }, max: 15 },
    { code: 'mental', name: { zh: '精神状态', en: 'Mental state' }, max: 28 },
    { code: 'perception', name: { zh: '感知觉与社会参与', en: 'Perception and social participation' }, max: 15 },
  ],
  items: [...SELF_CARE_ITEMS, ...MOBILITY_ITEMS, ...MENTAL_ITEMS, ...PERCEPTION_ITEMS],
  extras: [
    {
      code: 'diagnoses',
      type: 'multi',
      label: { zh: '疾病诊断', en: 'Diagnoses' },
      options: [
        { value: 'dementia', label: { zh: '痴呆（确诊）', en: 'Dementia (diagnosed)' } },
        {
          value: 'mental_disorder',
          label: { zh: '其他精神和行为障碍（专科确诊）', en: 'Other mental or behavioural disorder (diagnosed)' },
        },
      ],
    },
    {
      code: 'risk_events_30d',
      type: 'count',
      label: { zh: '近 30 天照护风险事件（次数）', en: 'Care-risk events in the last 30 days (count)' },
      options: [
        { value: 'fall', label: { zh: '跌倒', en: 'Fall' } },
        { value: 'choking', label: { zh: '噎食', en: 'Choking' } },
        { value: 'self_harm', label: { zh: '自杀、自伤', en: 'Suicide or self-harm' } },
        { value: 'wandering', label: { zh: '走失', en: 'Wandering / going missing' } },
      ],
    },
  ],
  // Ability level → suggested care level (关爱等级): lower ability, more frequent visits.
  bands: [
    { min: 90, max: 90, code: 'intact', level: 0, label: { zh: '能力完好', en: 'Ability intact' }, careLevelSuggestion: 4 },
    { min: 66, max: 89, code: 'mild', level: 1, label: { zh: '轻度失能', en: 'Mild impairment' }, careLevelSuggestion: 3 },
    { min: 46, max: 65, code: 'moderate', level: 2, label: { zh: '中度失能', en: 'Moderate impairment' }, careLevelSuggestion: 2 },
    { min: 30, max: 45, code: 'severe', level: 3, label: { zh: '重度失能', en: 'Severe impairment' }, careLevelSuggestion: 1 },
    { min: 0, max: 29, code: 'total', level: 4, label: { zh: '完全失能', en: 'Total loss of ability' }, careLevelSuggestion: 1 },
  ],
  adjustments: [
    {
      code: 'coma',
      label: { zh: '处于昏迷状态者，直接评定为完全失能', en: 'In a coma: level 4 directly' },
      when: { item: 'gbt_consciousness', op: 'eq', value: 'coma' },
      then: { setLevel: 4 },
    },
    // Reading of "raise one level for diagnosed dementia, another diagnosed mental disorder, or
    // two or more care-risk events": ONE raise when any of the three holds (they do not stack),
    // capped at level 4. A city that stacks them can split this rule into three.
    {
      code: 'raise_one_level',
      label: {
        zh: '确诊痴呆、其他精神和行为障碍，或近 30 天发生 2 次及以上照护风险事件：在原等级上提高一级',
        en: 'Dementia, another mental disorder, or 2+ care-risk events in 30 days: one level up',
      },
      when: {
        any: [
          { extra: 'diagnoses', op: 'includes', value: 'dementia' },
          { extra: 'diagnoses', op: 'includes', value: 'mental_disorder' },
          { extra: 'risk_events_30d', op: 'gte', value: 2 },
        ],
      },
      then: { raiseLevel: 1, maxLevel: 4 },
    },
  ],
  reasons: ASSESSMENT_REASONS,
});
