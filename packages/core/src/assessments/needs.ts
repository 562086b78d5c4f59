// Needs survey (需求评估) across body, mind, material and spirit: multi-select needs plus free
// text per dimension. Not scored: each need counts 1, so the total is the number selected.
import { defineInstrument } from './schema.ts';

type L = [value: string, zh: string, en: string];

const DIMENSIONS: [code: string, zh: string, en: string, needs: L[]][] = [
  [
    'body',
    '身体',
    'Body',
    [
      ['meal', '助餐', 'Meals'],
      ['cleaning', '助洁', 'Cleaning'],
      ['bathing', '助浴', 'Bathing'],
      ['medical', '助医（陪诊、代配药）', 'Medical escort and medicines'],
      ['emergency', '助急（紧急呼叫）', 'Emergency help'],
      ['mobility', '助行（辅具、陪同出行）', 'Mobility aids and escort'],
      ['rehab', '康复护理', 'Rehabilitation and nursing'],
    ],
  ],
  [
    'mind',
    '心理',
    'Mind',
    [
      ['counselling', '心理疏导', 'Counselling'],
      ['emotional', '情绪支持', 'Emotional support'],
      ['crisis', '危机干预', 'Crisis intervention'],
      ['family', '家庭关系调适', 'Family relationships'],
    ],
  ],
  [
    'material',
    '物质',
    'Material',
    [
      ['financial', '经济困难', 'Financial hardship'],
      ['housing', '住房安全', 'Housing safety'],
      ['adaptation', '适老化改造', 'Home adaptation'],
      ['goods', '物资援助', 'Goods in kind'],
      ['benefits', '政策申请（低保、救助等）', 'Applying for benefits'],
      ['employment', '就业帮扶', 'Employment support'],
    ],
  ],
  [
    'spirit',
    '精神',
    'Spirit',
    [
      ['visits', '精神慰问', 'Visits and companionship'],
      ['social', '社会交往', 'Social contact'],
      ['recreation', '文体活动', 'Culture and recreation'],
      ['learning', '学习教育', 'Learning'],
      ['volunteering', '志愿参与', 'Volunteering'],
    ],
  ],
];

export const NEEDS_SURVEY = defineInstrument({
  code: 'needs',
  version: '1',
  name: { zh: '需求评估', en: 'Needs survey' },
  kind: 'survey',
  dimensions: DIMENSIONS.map(([code, zh, en]) => ({ code, name: { zh, en } })),
  items: DIMENSIONS.flatMap(([code, zh, en, needs]) => [
    {
      code: `needs_${code}`,
      type: 'multi' as const,
      dimension: code,
      text: { zh: `${zh}需求`, en: `${en} needs` },
      options: needs.map(([value, nz, ne]) => ({ value, score: 1, label: { zh: nz, en: ne } })),
    },
    {
      code: `needs_${code}_text`,
      type: 'text' as const,
      dimension: code,
      text: { zh: `${zh}方面的其他需求（自由填写）`, en: `Other ${en.toLowerCase()} needs (free text)` },
    },
  ]),
});
