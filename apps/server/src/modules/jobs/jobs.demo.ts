// Demo jobs for 湖里区: a dozen posts across its two agencies and the street stations (most open,
// one closed, one draft), a published job fair with four organisations and their posts, and
// applications by the demo public accounts 林晓 and 陈志远 in several stages (one hired, not yet
// in the register, so the button shows). Deterministic; as the owner.
import { addDays, areaPrefix } from '@wushe/core';
import { stableId, type Database } from '@wushe/db';
import { demoAccounts, demoEmployers, insertDemo, jobCount, userIdOf } from './jobs.demo.repo.ts';

/** A one-page PDF, enough for the download to open. */
const DEMO_CV = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

interface Post {
  key: string;
  org: string;
  area: string;
  title: string;
  level: string | null;
  edu: string | null;
  years: number;
  pay: [number, number] | null;
  n: number;
  status: string;
}

export async function seedDemoJobs(database: Database, today: string, district = '350206000000'): Promise<void> {
  if ((await database.owner(jobCount)) > 0) return;
  const employers = await database.owner((db) => demoEmployers(db, areaPrefix(district)));
  const byKind = (k: string) => employers.filter((e) => e.kind === k);
  const [tongxin, qihang] = byKind('agency').sort((a, b) => (a.name.includes('同心') ? -1 : b.name.includes('同心') ? 1 : 0));
  const stations = byKind('station');
  const station = (street: string) => stations.find((s) => s.areaCode === `${areaPrefix(district)}${street}000`);
  const jiangtou = station('004');
  const jinshan = station('005');
  const others = stations.filter((s) => s !== jiangtou && s !== jinshan);
  const accounts = await database.owner(demoAccounts);
  const huli = await database.owner((db) => userIdOf(db, 'huli'));
  const lin = accounts.find((a) => a.name === '林晓');
  const chen = accounts.find((a) => a.name === '陈志远');
  if (!tongxin || !qihang || !jiangtou || !jinshan || others.length < 2 || !lin || !chen) return;

  const posts: Post[] = [
    {
      key: 'tx-elder',
      org: tongxin.id,
      area: jiangtou.areaCode,
      title: '一线社工（长者服务）',
      level: 'assistant',
      edu: 'college',
      years: 1,
      pay: [4500, 6000],
      n: 3,
      status: 'open',
    },
    {
      key: 'tx-lead',
      org: tongxin.id,
      area: district,
      title: '项目主管',
      level: 'intermediate',
      edu: 'bachelor',
      years: 3,
      pay: [7000, 9000],
      n: 1,
      status: 'open',
    },
    {
      key: 'tx-child',
      org: tongxin.id,
      area: jinshan.areaCode,
      title: '儿童社工',
      level: null,
      edu: 'college',
      years: 0,
      pay: [4000, 5500],
      n: 2,
      status: 'open',
    },
    {
      key: 'qh-super',
      org: qihang.id,
      area: district,
      title: '社会工作督导',
      level: 'senior',
      edu: 'master',
      years: 5,
      pay: [9000, 12000],
      n: 1,
      status: 'open',
    },
    {
      key: 'qh-community',
      org: qihang.id,
      area: others[0]!.areaCode,
      title: '一线社工（社区发展）',
      level: 'assistant',
      edu: 'college',
      years: 0,
      pay: [4200, 5800],
      n: 2,
      status: 'open',
    },
    {
      key: 'qh-admin',
      org: qihang.id,
      area: district,
      title: '行政助理',
      level: null,
      edu: 'college',
      years: 0,
      pay: [3800, 4500],
      n: 1,
      status: 'closed',
    },
    {
      key: 'jt-station',
      org: jiangtou.id,
      area: jiangtou.areaCode,
      title: '驻站社工',
      level: 'assistant',
      edu: 'college',
      years: 0,
      pay: [4300, 5500],
      n: 2,
      status: 'open',
    },
    {
      key: 'jt-mental',
      org: jiangtou.id,
      area: jiangtou.areaCode,
      title: '心理健康社工',
      level: 'intermediate',
      edu: 'bachelor',
      years: 2,
      pay: null,
      n: 1,
      status: 'open',
    },
    {
      key: 'js-station',
      org: jinshan.id,
      area: jinshan.areaCode,
      title: '驻站社工',
      level: 'assistant',
      edu: 'college',
      years: 0,
      pay: [4300, 5500],
      n: 2,
      status: 'open',
    },
    {
      key: 'js-youth',
      org: jinshan.id,
      area: jinshan.areaCode,
      title: '青少年社工',
      level: null,
      edu: 'bachelor',
      years: 1,
      pay: [4500, 6000],
      n: 1,
      status: 'open',
    },
    {
      key: 'o1-station',
      org: others[0]!.id,
      area: others[0]!.areaCode,
      title: '驻站社工',
      level: 'assistant',
      edu: 'college',
      years: 0,
      pay: [4300, 5500],
      n: 1,
      status: 'open',
    },
    {
      key: 'o2-station',
      org: others[1]!.id,
      area: others[1]!.areaCode,
      title: '驻站社工（储备）',
      level: null,
      edu: 'college',
      years: 0,
      pay: [4000, 5000],
      n: 1,
      status: 'draft',
    },
  ];
  const id = (key: string) => stableId(`job:${key}`);
  const at = (days: number, hour = 2) => `${addDays(today, days)}T${String(hour).padStart(2, '0')}:00:00Z`;
  const jobs = posts.map((p, i) => ({
    id: id(p.key),
    area_code: p.area,
    org_id: p.org,
    title: p.title,
    description: `${p.title}：参与${p.title.includes('督导') ? '机构专业督导与培训' : '社区走访、个案与小组服务'}，完成服务记录与评估。要求热爱社会工作，沟通能力良好。`,
    headcount: p.n,
    salary_min_fen: p.pay ? p.pay[0] * 100 : null,
    salary_max_fen: p.pay ? p.pay[1] * 100 : null,
    cert_level: p.level,
    education: p.edu,
    experience_years: p.years,
    deadline: p.status === 'closed' ? addDays(today, -5) : addDays(today, 20 + i),
    status: p.status,
    created_by: huli,
    created_at: at(-30 + i),
    updated_at: at(-30 + i),
  }));

  const fair = stableId('job-fair:2026');
  const fairOrgs = [tongxin, qihang, jiangtou, jinshan].map((o, position) => ({
    fair_id: fair,
    org_id: o.id,
    area_code: district,
    position,
  }));
  const fairPosts = ['tx-elder', 'tx-lead', 'tx-child', 'qh-super', 'jt-station', 'jt-mental', 'js-station', 'js-youth'].map((k) => ({
    fair_id: fair,
    job_id: id(k),
    area_code: district,
  }));

  const apply = (
    who: typeof lin,
    key: string,
    stage: string,
    days: number,
    extra: { reason?: string; level?: string; years?: number } = {},
  ) => {
    const post = posts.find((p) => p.key === key)!;
    return {
      id: stableId(`job-application:${key}:${who.id}`),
      job_id: id(key),
      area_code: post.area,
      public_account_id: who.id,
      name: who.name,
      mobile_cipher: who.mobileCipher,
      mobile_masked: who.mobileMasked,
      education: 'bachelor',
      cert_level: extra.level ?? 'assistant',
      years: extra.years ?? 2,
      note: '可尽快到岗。',
      cv_filename: `${who.name}-简历.pdf`,
      cv_content_type: 'application/pdf',
      cv_size: DEMO_CV.length,
      cv_content: DEMO_CV.toString('base64'),
      stage,
      reason: extra.reason ?? null,
      created_at: at(days),
      updated_at: at(days + 2),
    };
  };
  const applications = [
    apply(lin, 'tx-elder', 'interview', -12),
    apply(lin, 'jt-mental', 'applied', -2, { level: 'intermediate' }),
    apply(lin, 'qh-admin', 'declined', -20, { reason: '岗位已招满，欢迎关注其他岗位' }),
    apply(chen, 'tx-elder', 'offer', -14, { years: 4 }),
    apply(chen, 'js-station', 'screened', -6),
    apply(chen, 'tx-lead', 'hired', -25, { level: 'intermediate', years: 5 }),
  ];

  await database.owner(async (db) => {
    await insertDemo(db, 'jobs', jobs);
    await insertDemo(db, 'job_fairs', [
      {
        id: fair,
        area_code: district,
        title: '湖里区社会工作人才专场招聘会',
        description: '湖里区社工机构、社工站集中招聘，现场可投递简历、面谈。请携带社会工作者职业水平证书。',
        starts_at: at(10, 1),
        ends_at: at(10, 6),
        place: '湖里区人力资源市场（金湖路）三楼',
        organiser: '厦门市湖里区民政局',
        status: 'published',
        created_by: huli,
        created_at: at(-20),
        updated_at: at(-20),
      },
    ]);
    await insertDemo(db, 'job_fair_orgs', fairOrgs);
    await insertDemo(db, 'job_fair_posts', fairPosts);
    await insertDemo(db, 'job_applications', applications);
  });
}
