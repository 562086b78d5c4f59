// Code lists of the workforce register (issue 10): posts, certificate kinds (the three
// national social-work levels first), titles and fields of practice, with their labels.
type Labels<K extends string> = Record<K, { zh: string; en: string }>;

export const WORKER_POSTS = ['frontline', 'project_lead', 'supervisor', 'org_head', 'community_worker', 'other'] as const;
export type WorkerPost = (typeof WORKER_POSTS)[number];
export const WORKER_POST_LABELS: Labels<WorkerPost> = {
  frontline: { zh: '一线社工', en: 'Front-line social worker' },
  project_lead: { zh: '项目主管', en: 'Project lead' },
  supervisor: { zh: '督导', en: 'Supervisor' },
  org_head: { zh: '机构负责人', en: 'Head of organisation' },
  community_worker: { zh: '社区工作者', en: 'Community worker' },
  other: { zh: '其他', en: 'Other' },
};

/** The national social-work levels (社会工作者职业水平), lowest first. */
export const SW_LEVELS = ['assistant', 'intermediate', 'senior'] as const;
export type SwLevel = (typeof SW_LEVELS)[number];

export const CERT_KINDS = [...SW_LEVELS, 'counsellor', 'supervision', 'other'] as const;
export type CertKind = (typeof CERT_KINDS)[number];
export const CERT_KIND_LABELS: Labels<CertKind> = {
  assistant: { zh: '助理社会工作师', en: 'Assistant social worker' },
  intermediate: { zh: '社会工作师', en: 'Social worker (intermediate)' },
  senior: { zh: '高级社会工作师', en: 'Senior social worker' },
  counsellor: { zh: '心理咨询师', en: 'Psychological counsellor' },
  supervision: { zh: '督导资格', en: 'Supervision qualification' },
  other: { zh: '其他证书', en: 'Other certificate' },
};

export const TITLE_KINDS = ['leading', 'backbone', 'supervisor_talent', 'best_sw', 'other'] as const;
export type TitleKind = (typeof TITLE_KINDS)[number];
export const TITLE_KIND_LABELS: Labels<TitleKind> = {
  leading: { zh: '领军人才', en: 'Leading talent' },
  backbone: { zh: '骨干人才', en: 'Backbone talent' },
  supervisor_talent: { zh: '督导人才', en: 'Supervision talent' },
  best_sw: { zh: '最美社工', en: 'Most admired social worker' },
  other: { zh: '其他荣誉', en: 'Other honour' },
};

export const PRACTICE_FIELDS = [
  'elderly',
  'children',
  'youth',
  'disability',
  'family',
  'poverty',
  'community',
  'medical',
  'mental_health',
  'corrections',
  'school',
  'other',
] as const;
export type PracticeField = (typeof PRACTICE_FIELDS)[number];
export const PRACTICE_FIELD_LABELS: Labels<PracticeField> = {
  elderly: { zh: '老年人', en: 'Older people' },
  children: { zh: '儿童', en: 'Children' },
  youth: { zh: '青少年', en: 'Youth' },
  disability: { zh: '残障', en: 'Disability' },
  family: { zh: '婚姻家庭', en: 'Family' },
  poverty: { zh: '社会救助', en: 'Social assistance' },
  community: { zh: '社区发展', en: 'Community development' },
  medical: { zh: '医务', en: 'Medical' },
  mental_health: { zh: '精神健康', en: 'Mental health' },
  corrections: { zh: '矫治帮教', en: 'Corrections' },
  school: { zh: '学校', en: 'School' },
  other: { zh: '其他', en: 'Other' },
};

export const EDUCATION_LEVELS = ['secondary', 'college', 'bachelor', 'master', 'doctor'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export const EDUCATION_LABELS: Labels<EducationLevel> = {
  secondary: { zh: '高中/中专', en: 'Secondary' },
  college: { zh: '大专', en: 'College' },
  bachelor: { zh: '本科', en: 'Bachelor' },
  master: { zh: '硕士', en: 'Master' },
  doctor: { zh: '博士', en: 'Doctorate' },
};
