// Mental-health screens (domain brief §5): GDS-15, PHQ-9, GAD-7. Cut-offs are data. Bands
// follow the national elderly mental-care sorting: normal → encourage; mild → intervene and
// follow up (care level 2); moderate and worse → refer to a clinic (care level 1, high risk).
import { defineInstrument, type InstrumentInput } from './schema.ts';

type L = [zh: string, en: string];
type Bands = InstrumentInput['bands'];

function band(min: number, max: number, code: string, [zh, en]: L, severity: 0 | 1 | 2): NonNullable<Bands>[number] {
  return {
    min,
    max,
    code,
    level: severity,
    label: { zh, en },
    action: (['normal', 'follow_up', 'refer'] as const)[severity],
    ...(severity === 0 ? {} : { careLevelSuggestion: severity === 1 ? 2 : 1 }),
  };
}

// GDS-15 (Yesavage short form). The depressive answer scores 1: "no" for items 1, 5, 7, 11, 13,
// "yes" for the others.
const GDS_ITEMS: [L, 'yes' | 'no'][] = [
  [['您对自己的生活基本满意吗？', 'Are you basically satisfied with your life?'], 'no'],
  [['您是否放弃了许多活动和兴趣？', 'Have you dropped many of your activities and interests?'], 'yes'],
  [['您是否觉得生活空虚？', 'Do you feel that your life is empty?'], 'yes'],
  [['您是否常感到厌倦？', 'Do you often get bored?'], 'yes'],
  [['您是否大部分时间精神都很好？', 'Are you in good spirits most of the time?'], 'no'],
  [['您是否害怕会有不好的事情发生在自己身上？', 'Are you afraid that something bad is going to happen to you?'], 'yes'],
  [['您是否大部分时间感到快乐？', 'Do you feel happy most of the time?'], 'no'],
  [['您是否常感到无助？', 'Do you often feel helpless?'], 'yes'],
  [['您是否宁愿待在家里，也不愿出去做些新鲜事？', 'Do you prefer to stay at home rather than go out and do new things?'], 'yes'],
  [['您是否觉得自己的记忆力比大多数人差？', 'Do you feel you have more problems with memory than most?'], 'yes'],
  [['您是否觉得现在活着很美好？', 'Do you think it is wonderful to be alive now?'], 'no'],
  [['您是否觉得像现在这样活着毫无价值？', 'Do you feel pretty worthless the way you are now?'], 'yes'],
  [['您是否觉得精力充沛？', 'Do you feel full of energy?'], 'no'],
  [['您是否觉得自己的处境没有希望？', 'Do you feel that your situation is hopeless?'], 'yes'],
  [['您是否觉得大多数人比您过得好？', 'Do you think that most people are better off than you are?'], 'yes'],
];

export const GDS15 = defineInstrument({
  code: 'gds15',
  version: '1',
  name: { zh: '老年抑郁量表（GDS-15）', en: 'Geriatric Depression Scale (GDS-15)' },
  kind: 'screen',
  reference: 'Sheikh & Yesavage 1986, short form',
  items: GDS_ITEMS.map(([[zh, en], depressive], i) => ({
    code: `gds15_${i + 1}`,
    text: { zh, en },
    options: [
      { value: 'yes', label: { zh: '是', en: 'Yes' }, score: depressive === 'yes' ? 1 : 0 },
      { value: 'no', label: { zh: '否', en: 'No' }, score: depressive === 'no' ? 1 : 0 },
    ],
  })),
  bands: [
    band(0, 4, 'normal', ['正常', 'Normal'], 0),
    band(5, 8, 'mild', ['轻度抑郁', 'Mild depression'], 1),
    band(9, 11, 'moderate', ['中度抑郁', 'Moderate depression'], 2),
    band(12, 15, 'severe', ['重度抑郁', 'Severe depression'], 2),
  ],
});

const FREQUENCY: L[] = [
  ['完全不会', 'Not at all'],
  ['好几天', 'Several days'],
  ['一半以上的天数', 'More than half the days'],
  ['几乎每天', 'Nearly every day'],
];

function frequencyItems(prefix: string, texts: L[]): InstrumentInput['items'] {
  return texts.map(([zh, en], i) => ({
    code: `${prefix}_${i + 1}`,
    text: { zh, en },
    options: FREQUENCY.map(([lz, le], score) => ({ value: String(score), score, label: { zh: lz, en: le } })),
  }));
}

export const PHQ9 = defineInstrument({
  code: 'phq9',
  version: '1',
  name: { zh: '患者健康问卷抑郁量表（PHQ-9）', en: 'Patient Health Questionnaire (PHQ-9)' },
  kind: 'screen',
  reference: 'Kroenke, Spitzer & Williams 2001; past two weeks',
  items: frequencyItems('phq9', [
    ['做事时提不起劲或没有兴趣', 'Little interest or pleasure in doing things'],
    ['感到心情低落、沮丧或绝望', 'Feeling down, depressed, or hopeless'],
    ['入睡困难、睡不安稳或睡眠过多', 'Trouble falling or staying asleep, or sleeping too much'],
    ['感觉疲倦或没有活力', 'Feeling tired or having little energy'],
    ['食欲不振或吃太多', 'Poor appetite or overeating'],
    [
      '觉得自己很糟，或觉得自己很失败，或让自己或家人失望',
      'Feeling bad about yourself, or that you are a failure or have let yourself or your family down',
    ],
    ['对事物专注有困难，例如阅读报纸或看电视时', 'Trouble concentrating on things, such as reading the newspaper or watching television'],
    [
      '动作或说话速度缓慢到别人已经觉察，或正好相反，烦躁或坐立不安',
      'Moving or speaking so slowly that others notice, or being fidgety or restless',
    ],
    ['有不如死掉或用某种方式伤害自己的念头', 'Thoughts that you would be better off dead, or of hurting yourself'],
  ]),
  bands: [
    band(0, 4, 'minimal', ['无或极轻微抑郁', 'Minimal depression'], 0),
    band(5, 9, 'mild', ['轻度抑郁', 'Mild depression'], 1),
    band(10, 14, 'moderate', ['中度抑郁', 'Moderate depression'], 2),
    band(15, 19, 'moderately_severe', ['中重度抑郁', 'Moderately severe depression'], 2),
    band(20, 27, 'severe', ['重度抑郁', 'Severe depression'], 2),
  ],
  flags: [
    {
      when: { item: 'phq9_9', op: 'gt', value: 0 },
      flag: 'urgent',
      label: { zh: '有自伤念头，须立即跟进', en: 'Thoughts of self-harm: act now' },
      careLevelSuggestion: 1,
      action: 'refer',
    },
  ],
});

export const GAD7 = defineInstrument({
  code: 'gad7',
  version: '1',
  name: { zh: '广泛性焦虑量表（GAD-7）', en: 'Generalized Anxiety Disorder scale (GAD-7)' },
  kind: 'screen',
  reference: 'Spitzer et al. 2006; past two weeks',
  items: frequencyItems('gad7', [
    ['感觉紧张、焦虑或急切', 'Feeling nervous, anxious, or on edge'],
    ['不能够停止或控制担忧', 'Not being able to stop or control worrying'],
    ['对各种各样的事情担忧过多', 'Worrying too much about different things'],
    ['很难放松下来', 'Trouble relaxing'],
    ['由于不安而无法静坐', 'Being so restless that it is hard to sit still'],
    ['变得容易烦恼或急躁', 'Becoming easily annoyed or irritable'],
    ['感到似乎将有可怕的事情发生而害怕', 'Feeling afraid as if something awful might happen'],
  ]),
  bands: [
    band(0, 4, 'minimal', ['无明显焦虑', 'Minimal anxiety'], 0),
    band(5, 9, 'mild', ['轻度焦虑', 'Mild anxiety'], 1),
    band(10, 14, 'moderate', ['中度焦虑', 'Moderate anxiety'], 2),
    band(15, 21, 'severe', ['重度焦虑', 'Severe anxiety'], 2),
  ],
});
