// Items of GB/T 42195-2022 老年人能力评估规范 (Annex B), with short descriptions per score.
// Descriptions are abridged from the standard; the scores and item list follow it exactly.
import type { InstrumentInput } from './schema.ts';

type Item = InstrumentInput['items'][number];
type Opt = [score: number, zh: string, en: string];

function item(code: string, dimension: string, zh: string, en: string, opts: Opt[]): Item {
  return {
    code: `gbt_${code}`,
    dimension,
    text: { zh, en },
    options: opts.map(([score, oz, oe]) => ({ value: String(score), score, label: { zh: oz, en: oe } })),
  };
}

/** The common 0–4 help scale for daily activities. */
const HELP: Opt[] = [
  [4, '独立完成，不需要他人协助', 'Does it independently'],
  [3, '在他人指导或提示下完成', 'Does it with guidance or prompting'],
  [2, '需要他人协助，但以自身完成为主', 'Needs some help, does most of it'],
  [1, '主要依靠他人协助', 'Mainly done by others'],
  [0, '完全依赖他人', 'Fully dependent on others'],
];

const CONTINENCE = (what: string, en: string): Opt[] => [
  [4, `可自行控制${what}`, `Controls ${en} normally`],
  [3, `白天可控制，夜间控制较差，或自行使用尿垫等`, 'Controls by day; weaker at night or uses pads unaided'],
  [2, `偶有失禁（每天<1次），或他人少量协助使用尿垫等`, 'Occasional incontinence (<1 a day) or little help with pads'],
  [1, `经常失禁（每天≥1次，尚非完全失控）`, 'Frequent incontinence (≥1 a day, not total)'],
  [0, `完全失禁，或留置导尿管/造瘘`, 'Total incontinence, or catheter/stoma'],
];

export const SELF_CARE_ITEMS: Item[] = [
  item('eating', 'self_care', '进食', 'Eating', HELP),
  item('grooming', 'self_care', '修饰（洗脸、刷牙、梳头、剃须等）', 'Grooming (face, teeth, hair, shaving)', HELP),
  item('bathing', 'self_care', '洗澡', 'Bathing', HELP),
  item('dress_upper', 'self_care', '穿/脱上衣', 'Dressing the upper body', HELP),
  item('dress_lower', 'self_care', '穿/脱裤子和鞋袜', 'Dressing the lower body, shoes and socks', HELP),
  item('urine', 'self_care', '小便控制', 'Urine control', CONTINENCE('排尿', 'urination')),
  item('bowel', 'self_care', '大便控制', 'Bowel control', CONTINENCE('排便', 'bowel movements')),
  item('toileting', 'self_care', '如厕', 'Toileting', HELP),
];

export const MOBILITY_ITEMS: Item[] = [
  item('bed_transfer', 'mobility', '床上体位转移', 'Changing position in bed', HELP),
  item('chair_transfer', 'mobility', '床椅转移', 'Bed–chair transfer', HELP),
  item('walking', 'mobility', '平地行走', 'Walking on level ground', [
    [4, '可独立平地行走 50 m 左右，无需辅具', 'Walks about 50 m unaided'],
    [3, '在他人指导或监护下，或借助辅具可独立行走', 'Walks with supervision or a walking aid'],
    [2, '需他人少量扶持才能行走', 'Walks with a little physical help'],
    [1, '主要依靠他人扶持，或使用轮椅可在平地移动', 'Mainly helped, or moves by wheelchair'],
    [0, '完全不能行走', 'Cannot walk'],
  ]),
  item('stairs', 'mobility', '上下楼梯', 'Stairs', [
    [3, '可独立上下楼梯（连续 10～15 个台阶）', 'Climbs 10–15 steps unaided'],
    [2, '在他人指导或监护下上下楼梯', 'Climbs with supervision or prompting'],
    [1, '需他人协助，但以自身完成为主', 'Climbs with some help'],
    [0, '主要依靠他人或完全不能上下楼梯', 'Mainly carried or cannot climb'],
  ]),
];

const ORIENTATION = (zh: string, en: string): Opt[] => [
  [4, `${zh}定向清楚`, `Fully oriented to ${en}`],
  [3, `${zh}定向有些下降`, `Slightly impaired orientation to ${en}`],
  [2, `${zh}定向较差`, `Poor orientation to ${en}`],
  [1, `${zh}定向很差`, `Very poor orientation to ${en}`],
  [0, `无${zh}定向`, `No orientation to ${en}`],
];

const ABILITY = (zh: string, en: string): Opt[] => [
  [4, `${zh}正常`, `Normal ${en}`],
  [3, `${zh}轻度下降`, `Slightly reduced ${en}`],
  [2, `${zh}中度下降`, `Moderately reduced ${en}`],
  [1, `${zh}明显下降`, `Markedly reduced ${en}`],
  [0, `基本丧失${zh}`, `${en[0].toUpperCase()}${en.slice(1)} essentially lost`],
];

export const MENTAL_ITEMS: Item[] = [
  item('orient_time', 'mental', '时间定向', 'Orientation to time', [
    [4, '时间观念清楚，可说出年、月、日、星期', 'Knows year, month, date and weekday'],
    [3, '时间观念有些下降，年月日清楚，可能记不清星期', 'Knows year, month, date; may miss the weekday'],
    [2, '时间观念较差，可知上半年或下半年、季节', 'Knows only the half-year or season'],
    [1, '时间观念很差，可知上午、下午或白天、夜间', 'Knows only morning/afternoon or day/night'],
    [0, '无时间观念', 'No sense of time'],
  ]),
  item('orient_place', 'mental', '空间定向', 'Orientation to place', ORIENTATION('空间', 'place')),
  item('orient_person', 'mental', '人物定向', 'Orientation to people', ORIENTATION('人物', 'people')),
  item('memory', 'mental', '记忆', 'Memory', ABILITY('记忆力', 'memory')),
  item('understanding', 'mental', '理解能力', 'Understanding', ABILITY('理解能力', 'understanding')),
  item('expression', 'mental', '表达能力', 'Expression', ABILITY('表达能力', 'expression')),
  item('aggression', 'mental', '攻击行为', 'Aggressive behaviour', [
    [1, '未出现', 'None'],
    [0, '近一个月内出现过攻击行为（身体或语言攻击）', 'Physical or verbal aggression in the past month'],
  ]),
  item('depression', 'mental', '抑郁症状', 'Depressive symptoms', [
    [1, '未出现', 'None'],
    [0, '近一个月内出现过负性情绪（情绪低落、不爱说话、悲观等）', 'Low mood, withdrawal or pessimism in the past month'],
  ]),
  {
    code: 'gbt_consciousness',
    dimension: 'mental',
    text: { zh: '意识水平', en: 'Level of consciousness' },
    options: [
      { value: '2', score: 2, label: { zh: '神志清醒，对周围环境能做出正确反应', en: 'Alert and responds correctly' } },
      { value: '1', score: 1, label: { zh: '嗜睡或意识模糊', en: 'Drowsy or confused' } },
      { value: '0', score: 0, label: { zh: '昏睡：强刺激可短暂唤醒', en: 'Stupor: roused briefly by strong stimuli' } },
      { value: 'coma', score: 0, label: { zh: '昏迷：意识丧失，对刺激全无反应', en: 'Coma: unconscious, no response' } },
    ],
  },
];

export const PERCEPTION_ITEMS: Item[] = [
  item('vision', 'perception', '视力', 'Vision', [
    [2, '视力正常', 'Normal vision'],
    [1, '能看清楚大字体，但看不清书报上的标准字体', 'Reads large print but not normal print'],
    [0, '只能看到光、颜色和形状，或完全失明', 'Sees only light, colour and shapes, or blind'],
  ]),
  item('hearing', 'perception', '听力', 'Hearing', [
    [2, '听力正常', 'Normal hearing'],
    [1, '正常交流有些困难，需大声或放慢语速', 'Needs a louder voice or slower speech'],
    [0, '完全失聪，或只能部分听见很大的声音', 'Deaf, or hears only very loud voices'],
  ]),
  item(
    'daily_affairs',
    'perception',
    '执行日常事务（购物、做饭、服药、理财等）',
    'Daily affairs (shopping, cooking, medicines, money)',
    HELP,
  ),
  item('transport', 'perception', '使用交通工具外出', 'Going out by transport', [
    [3, '能自己骑车或搭乘公共交通工具外出', 'Cycles or takes public transport alone'],
    [2, '能自己搭乘出租车，但不会搭乘其他公共交通工具', 'Takes a taxi alone, not other transport'],
    [1, '有人协助或陪伴时可搭乘公共交通工具外出', 'Takes public transport with a companion'],
    [0, '只能在他人协助下搭乘出租车或私家车，或完全不能出门', 'Only by car with help, or cannot go out'],
  ]),
  item('social', 'perception', '社会交往能力', 'Social interaction', [
    [4, '参与社会，待人接物恰当', 'Takes part in society; relates well to others'],
    [3, '能适应单纯环境，主动接触他人', 'Copes with simple settings; approaches others'],
    [2, '脱离社会，可被动接触，不会主动待人', 'Withdrawn; responds but does not approach others'],
    [1, '勉强可与他人接触，谈吐内容不清楚', 'Barely interacts; speech unclear'],
    [0, '不能与人交往', 'Cannot interact with others'],
  ]),
];
