// What the demo trainings are made of (trainings.demo.ts): the year's classes and their
// sessions, the teacher pool, outside organisations, and a one-page PDF standing for a proof.
export type Mode = 'offline' | 'online' | 'mixed';
export interface Plan {
  key: string;
  title: string;
  level: string;
  /** Days from today of the first session (a week between sessions). */
  startIn: number;
  sessions: [string, Mode, number][];
  capacity: number | null;
  workers: number;
  outsiders: number;
}

export const PLANS: Plan[] = [
  {
    key: 'b1',
    title: '初级社工实务能力培训班（春季班）',
    level: 'beginner',
    startIn: -300,
    sessions: [
      ['社会工作价值观与伦理', 'offline', 3],
      ['个案工作方法', 'offline', 3],
      ['小组工作方法', 'offline', 3],
      ['社区工作方法', 'offline', 3],
    ],
    capacity: 40,
    workers: 28,
    outsiders: 4,
  },
  {
    key: 'i1',
    title: '中级社工能力提升班',
    level: 'intermediate',
    startIn: -230,
    sessions: [
      ['需求评估与服务计划', 'mixed', 3],
      ['项目设计与管理', 'mixed', 3],
      ['危机干预', 'offline', 3],
    ],
    capacity: 35,
    workers: 22,
    outsiders: 3,
  },
  {
    key: 'e1',
    title: '社会工作者职业水平考试考前辅导班',
    level: 'exam_prep',
    startIn: -170,
    sessions: [
      ['综合能力串讲', 'online', 2.5],
      ['实务：个案与小组', 'online', 2.5],
      ['实务：社区与行政', 'online', 2.5],
      ['法规与政策要点', 'online', 2.5],
    ],
    capacity: null,
    workers: 30,
    outsiders: 8,
  },
  {
    key: 'a1',
    title: '高级社工督导与研究研修班',
    level: 'advanced',
    startIn: -120,
    sessions: [
      ['督导理论与模式', 'offline', 3],
      ['社会工作研究方法', 'online', 3],
      ['政策倡导与服务创新', 'online', 3],
    ],
    capacity: 25,
    workers: 14,
    outsiders: 2,
  },
  {
    key: 's1',
    title: '一线社工督导培训班',
    level: 'supervision',
    startIn: -60,
    sessions: [
      ['督导关系的建立', 'offline', 3],
      ['个案研讨与反思', 'offline', 3],
      ['情绪支持与自我照顾', 'offline', 3],
    ],
    capacity: 20,
    workers: 16,
    outsiders: 1,
  },
  {
    key: 'o1',
    title: '岗位培训：个案管理与记录规范',
    level: 'on_the_job',
    startIn: -25,
    sessions: [
      ['个案管理流程', 'offline', 3],
      ['服务记录规范与案例', 'offline', 3],
    ],
    capacity: 50,
    workers: 30,
    outsiders: 0,
  },
  {
    key: 't0',
    title: '社区治理专题讲座',
    level: 'on_the_job',
    startIn: 0,
    sessions: [['社区协商议事实务', 'mixed', 3]],
    capacity: 60,
    workers: 12,
    outsiders: 3,
  },
  {
    key: 'b2',
    title: '初级社工实务能力培训班（秋季班）',
    level: 'beginner',
    startIn: 12,
    sessions: [
      ['社会工作价值观与伦理', 'offline', 3],
      ['个案工作方法', 'offline', 3],
      ['小组工作方法', 'mixed', 3],
      ['社区工作方法', 'offline', 3],
    ],
    capacity: 20,
    workers: 19,
    outsiders: 3,
  },
];

export const TEACHERS = [
  { name: '陈立新', affiliation: '厦门大学社会与人类学院 教授', subjects: ['个案工作', '社会工作伦理', '督导'] },
  { name: '林雅琴', affiliation: '集美大学 副教授', subjects: ['小组工作', '社区工作'] },
  { name: '黄志强', affiliation: '湖里区社会工作协会 督导', subjects: ['督导', '个案管理', '危机干预'] },
  { name: '吴晓燕', affiliation: '福建省社会工作协会 讲师', subjects: ['考前辅导', '政策法规'] },
  { name: '郑海峰', affiliation: '湖里区民政局', subjects: ['政策法规', '社区治理', '项目管理'] },
];
export const OUTSIDE_ORGS = [
  '湖里区慈善会',
  '厦门市同心社会工作服务中心',
  '殿前街道社区卫生服务中心',
  '禾山街道综治中心',
  '湖里区残疾人联合会',
];
export const COMMENTS = ['案例讲解很实用', '希望增加实操演练', '老师讲得清楚', '时间安排稍紧', '对日常工作帮助很大'];
export const CODE_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A one-page PDF with one line of (ASCII) text, its cross-reference offsets counted. */
export function demoProofPdf(text: string): Buffer {
  const stream = `BT /F1 18 Tf 72 720 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets = objects.map((o, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
