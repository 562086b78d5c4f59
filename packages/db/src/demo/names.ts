// Building blocks of the demo residents: a seeded PRNG (the same people every run) and
// plausible Chinese names for 厦门 — surnames weighted by frequency (陈, 林, 黄 lead in 闽南,
// with the national 王 李 张 刘 close behind and a few compound surnames), given names by
// generation and sex (建国 and 秀英 for the elderly, 子轩 and 梓涵 for children).

export type Rng = () => number;

/** mulberry32: a small, fast 32-bit PRNG; the same seed gives the same sequence everywhere. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [min, max]. */
export const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
export const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
export const chance = (rng: Rng, p: number) => rng() < p;

/** Picks by weight from [value, weight] pairs. */
export function weighted<T>(rng: Rng, entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let x = rng() * total;
  for (const [v, w] of entries) {
    x -= w;
    if (x < 0) return v;
  }
  return entries[entries.length - 1]![0];
}

// Surnames with rough per-mille weights for 厦门 (闽南 surnames are more common than nationally).
const SURNAMES: (readonly [string, number])[] = [
  ['陈', 110],
  ['林', 95],
  ['黄', 60],
  ['王', 55],
  ['李', 48],
  ['张', 45],
  ['吴', 35],
  ['郑', 32],
  ['蔡', 28],
  ['刘', 28],
  ['杨', 22],
  ['许', 22],
  ['洪', 18],
  ['苏', 17],
  ['庄', 16],
  ['曾', 15],
  ['叶', 15],
  ['谢', 15],
  ['周', 14],
  ['徐', 12],
  ['赵', 10],
  ['孙', 9],
  ['朱', 9],
  ['胡', 9],
  ['郭', 12],
  ['何', 9],
  ['罗', 8],
  ['高', 8],
  ['梁', 7],
  ['宋', 6],
  ['唐', 6],
  ['马', 7],
  ['柯', 8],
  ['卢', 7],
  ['邱', 8],
  ['傅', 6],
  ['戴', 5],
  ['江', 6],
  ['沈', 5],
  ['方', 6],
  ['彭', 5],
  ['魏', 5],
  ['颜', 6],
  ['汪', 4],
  ['欧阳', 2],
  ['司马', 1],
  ['上官', 1],
  ['诸葛', 0.5],
];

export type Generation = 'elder' | 'adult' | 'child';
export type Sex = 'male' | 'female';

const GIVEN: Record<Generation, Record<Sex, string[]>> = {
  elder: {
    male: [
      '建国',
      '建华',
      '国庆',
      '国强',
      '志强',
      '德明',
      '金水',
      '水生',
      '福生',
      '振华',
      '文华',
      '永福',
      '海生',
      '春生',
      '炳坤',
      '清泉',
      '天赐',
      '荣华',
      '来福',
      '宝山',
      '明辉',
      '顺利',
      '土生',
      '文彬',
      '国华',
      '忠',
      '平',
      '勇',
      '军',
      '华',
      '庆丰',
      '木林',
      '德福',
      '添丁',
      '进财',
      '阿水',
    ],
    female: [
      '秀英',
      '桂兰',
      '玉珍',
      '秀兰',
      '桂英',
      '玉兰',
      '淑珍',
      '凤英',
      '丽华',
      '美华',
      '秀珍',
      '玉梅',
      '月娥',
      '宝珠',
      '碧霞',
      '素梅',
      '金花',
      '阿妹',
      '淑英',
      '翠兰',
      '春梅',
      '玉英',
      '秀云',
      '惠珍',
      '丽珠',
      '雪梅',
      '芳',
      '英',
      '兰',
      '珍',
      '乌番',
      '彩凤',
      '美玉',
      '瑞香',
    ],
  },
  adult: {
    male: [
      '伟',
      '强',
      '磊',
      '军',
      '勇',
      '杰',
      '涛',
      '斌',
      '鹏',
      '志明',
      '建军',
      '海峰',
      '晓东',
      '俊杰',
      '文斌',
      '志伟',
      '国栋',
      '永强',
      '金龙',
      '少华',
      '锦辉',
      '智勇',
      '建伟',
      '文杰',
    ],
    female: [
      '丽',
      '敏',
      '静',
      '燕',
      '芳',
      '娟',
      '红梅',
      '丽娟',
      '晓燕',
      '雅琴',
      '婷',
      '美玲',
      '小红',
      '丽琼',
      '淑芬',
      '惠敏',
      '秋萍',
      '雪芳',
      '艳红',
      '佩玲',
      '晓君',
    ],
  },
  child: {
    male: [
      '子轩',
      '浩然',
      '宇轩',
      '梓豪',
      '俊熙',
      '一鸣',
      '睿',
      '浩宇',
      '子墨',
      '宇航',
      '博文',
      '铭泽',
      '皓轩',
      '沐阳',
      '思远',
      '锦程',
      '嘉豪',
      '奕辰',
      '天佑',
      '承泽',
    ],
    female: [
      '梓涵',
      '欣怡',
      '诗涵',
      '一诺',
      '雨桐',
      '梓萱',
      '可欣',
      '思彤',
      '语嫣',
      '若曦',
      '紫涵',
      '依诺',
      '芷若',
      '佳怡',
      '欣妍',
      '雨萱',
      '梦琪',
      '静怡',
      '心悦',
      '晨曦',
    ],
  },
};

export const surname = (rng: Rng) => weighted(rng, SURNAMES);

export function givenName(rng: Rng, generation: Generation, sex: Sex): string {
  return pick(rng, GIVEN[generation][sex]);
}

export function personName(rng: Rng, generation: Generation, sex: Sex, family?: string): string {
  return (family ?? surname(rng)) + givenName(rng, generation, sex);
}

/** A mainland mobile number, 1[3-9]x xxxx xxxx. */
export function mobile(rng: Rng): string {
  const second = weighted(rng, [
    ['3', 30],
    ['5', 25],
    ['8', 25],
    ['7', 8],
    ['9', 8],
    ['6', 2],
    ['4', 2],
  ] as const);
  let rest = '';
  for (let i = 0; i < 9; i++) rest += String(int(rng, 0, 9));
  return `1${second}${rest}`;
}

/** Roads by street, for addresses like 湖里区江头街道吕岭路 12 号 305 室. */
export const ROADS: Record<string, string[]> = {
  湖里街道: ['华荣路', '湖里大道', '兴华路', '华泰路', '海天路', '悦华路'],
  殿前街道: ['殿前路', '高殿路', '兴隆路', '长乐路', '塘边路'],
  禾山街道: ['枋湖路', '禾山路', '钟宅路', '枋钟路', '后坑路'],
  江头街道: ['吕岭路', '江头北路', '台湾街', '县后路', '金尚路', '嘉禾路'],
  金山街道: ['金山路', '五通路', '高林中路', '金湖路', '湖泉路'],
};

export const SENIOR_HEALTH = [
  '高血压，长期服药',
  '糖尿病，需定期监测血糖',
  '脑卒中后遗症，右侧肢体活动受限',
  '阿尔茨海默病早期',
  '慢性阻塞性肺病',
  '骨质疏松，曾跌倒',
  '白内障术后，视力较差',
  '听力下降，佩戴助听器',
  '冠心病，随身备药',
  '类风湿关节炎，行走不便',
];
export const ADULT_HEALTH = [
  '肢体残疾（二级）',
  '精神残疾，病情稳定，按时服药',
  '肾病，每周透析两次',
  '乳腺癌术后康复期',
  '视力残疾（一级）',
];
export const CHILD_HEALTH = ['哮喘，需随身带药', '先天性心脏病术后', '轻度智力障碍，在特教学校就读'];
