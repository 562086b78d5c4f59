// The demo's micro-wishes: a year of them in 江头 (about 220) and 金山 (about 80), in every state
// by age (old ones mostly fulfilled, recent ones in review or open on the board), claimed by the
// demo's public accounts (and a few donors' accounts made here, so that likely claimants have
// histories to learn from) and by merchants, companies and teams the stations entered, with a
// drawn delivery photo for each fulfilled one, a stalled claim past its due day to release, and
// each wish's history. Written in bulk as the owner; dates and values are deterministic.
import { addDays, claimDueOn, wishPublicLabel, type WishStatus } from '@wushe/core';
import { insertJson, sealPhone, stableId, type Database, type Keys } from '@wushe/db';
import { demoAccounts } from '../jobs/jobs.demo.repo.ts';
import { demoPhoto } from './demo-photo.ts';
import { areaNameOf, donorAccounts, streetResidents, usersByName, wishCount } from './wishes.demo.repo.ts';

type Item = [title: string, need: string, yuan: number];
const ITEMS: Record<string, Item[]> = {
  goods: [
    ['一台轻便轮椅', '老人腿脚不便，复诊和外出晒太阳需要一台可折叠的轻便轮椅。', 680],
    ['一张护理床', '老人长期卧床，家属翻身护理困难，需要一张可摇起的护理床。', 1800],
    ['冬季棉被两床', '家中被褥单薄，入冬后夜间寒冷，希望有两床厚棉被。', 320],
    ['一台电风扇', '家里唯一的电风扇坏了，夏天闷热，需要一台落地扇。', 160],
    ['学习台灯和书包', '孩子上小学四年级，晚上写作业光线不足，书包也破了。', 220],
    ['一个电子血压计', '老人有高血压，需要每天在家测量血压并记录。', 150],
    ['一台电饭煲', '独居老人的电饭煲坏了，做饭不便。', 200],
  ],
  repair: [
    ['卫生间安装扶手', '老人如厕起身困难，担心滑倒，希望在卫生间和淋浴处安装扶手。', 450],
    ['更换老旧门锁', '门锁老化经常打不开，老人进出不便也不安全。', 120],
    ['屋顶补漏', '雨天屋顶漏水，卧室墙面发霉，需要修补防水。', 800],
    ['电路检修', '家中电线老化，插座时常跳闸，担心用电安全。', 300],
    ['水龙头和水管维修', '厨房水龙头漏水，水管接口渗水。', 90],
  ],
  service: [
    ['上门理发', '老人行动不便，半年没有理发，希望有人上门理发。', 30],
    ['陪同就医', '老人需要每月到医院复诊，子女不在身边，希望有人陪同。', 0],
    ['家电清洗', '空调和油烟机多年未清洗，老人无力打扫。', 150],
  ],
  companionship: [
    ['节日陪伴', '独居老人希望中秋、春节有人上门陪伴聊天、一起包饺子。', 0],
    ['读报聊天', '老人视力下降，希望每周有人来读报、聊聊天。', 0],
    ['教用智能手机', '老人想学会视频通话，和外地的孩子见面。', 0],
  ],
  other: [
    ['拍一张全家福', '老人和孙辈多年没有合影，希望拍一张全家福。', 200],
    ['过一个生日', '孩子从来没有过过生日，希望有一个生日蛋糕。', 120],
  ],
};
const CATEGORIES = Object.keys(ITEMS);
const HELPERS = [
  { kind: 'merchant', name: '江头爱心五金店', mobile: '13900000011' },
  { kind: 'company', name: '厦门湖里爱心企业联合会', mobile: '13900000012' },
  { kind: 'team', name: '湖里区青年志愿服务队', mobile: '13900000013' },
  { kind: 'person', name: '王女士', mobile: '13900000014' },
  { kind: 'merchant', name: '金山社区便民超市', mobile: '13900000015' },
] as const;
/** Donors who claim on the board with a public account of their own. */
const DONORS = [
  { name: '周海燕', mobile: '13900000021' },
  { name: '吴建国', mobile: '13900000022' },
  { name: '郑丽华', mobile: '13900000023' },
  { name: '黄志明', mobile: '13900000024' },
];
const STREETS = [
  { code: '350206004', worker: 'jiangtou.sw', head: 'jiangtou.head', count: 220 },
  { code: '350206005', worker: 'jinshan.sw', head: 'jinshan.sw', count: 80 },
];

/** A stable number in [0, 1) for a key. */
const rand = (key: string) => parseInt(stableId(key).slice(0, 8), 16) / 0x1_0000_0000;

function statusFor(age: number, r: number): WishStatus {
  if (age > 60) return r < 0.84 ? 'fulfilled' : r < 0.92 ? 'cancelled' : r < 0.96 ? 'claimed' : 'published';
  if (age > 14) return r < 0.4 ? 'fulfilled' : r < 0.55 ? 'delivered' : r < 0.75 ? 'claimed' : r < 0.95 ? 'published' : 'cancelled';
  if (age < 3) return r < 0.5 ? 'draft' : 'submitted';
  return r < 0.25 ? 'draft' : r < 0.55 ? 'submitted' : r < 0.65 ? 'returned' : r < 0.9 ? 'published' : 'claimed';
}

export async function seedDemoWishes(database: Database, keys: Keys, today: string): Promise<number> {
  if ((await database.owner(wishCount)) > 0) return 0;
  const at = (day: string, hour: number) => `${day}T${String(hour).padStart(2, '0')}:00:00Z`;
  const donors = await database.owner((db) =>
    donorAccounts(
      db,
      DONORS.map((d) => {
        const seal = sealPhone(keys, d.mobile);
        return {
          id: stableId(`donor:${d.mobile}`),
          name: d.name,
          cipher: seal.phoneCipher!,
          hash: seal.phoneHash!,
          masked: seal.phoneMasked!,
        };
      }),
    ),
  );
  const accounts = [...(await database.owner(demoAccounts)), ...donors];
  const users = new Map(
    (
      await database.owner((db) =>
        usersByName(
          db,
          STREETS.flatMap((s) => [s.worker, s.head]),
        ),
      )
    ).map((u) => [u.username, u]),
  );
  const wishes: Record<string, unknown>[] = [];
  const claims: Record<string, unknown>[] = [];
  const events: Record<string, unknown>[] = [];
  const photos: Record<string, unknown>[] = [];
  for (const s of STREETS) {
    const residents = await database.owner((db) => streetResidents(db, s.code));
    if (!residents.length) continue;
    const streetName = await database.owner((db) => areaNameOf(db, `${s.code}000`));
    const worker = users.get(s.worker);
    const head = users.get(s.head) ?? worker;
    for (let n = 0; n < s.count; n++) {
      const key = `wish:${s.code}:${n}`;
      const resident = residents[(n * 7) % residents.length]!;
      const category = CATEGORIES[Math.floor(rand(`${key}:c`) * CATEGORIES.length)]!;
      const [title, need, yuan] = ITEMS[category]![Math.floor(rand(`${key}:i`) * ITEMS[category]!.length)]!;
      const age = Math.floor((n / s.count) * 360) + 1 - (n % 3); // spread over the year
      const status = statusFor(Math.max(age, 0), rand(`${key}:s`));
      const created = addDays(today, -Math.max(age, 0));
      const id = stableId(key);
      const event = (action: string, day: string, hour: number, by: string | null | undefined, note: string | null = null) =>
        events.push({
          id: stableId(`${key}:e:${action}`),
          wish_id: id,
          area_code: resident.areaCode,
          action,
          actor_name: by ?? null,
          note,
          at: at(day, hour),
        });
      const published = !['draft', 'submitted', 'returned'].includes(status) && !(status === 'cancelled' && rand(`${key}:x`) < 0.5);
      const claimed = ['claimed', 'delivered', 'fulfilled'].includes(status);
      const pubDay = addDays(created, 2);
      const claimDay = addDays(created, 3 + Math.floor(rand(`${key}:d`) * 4));
      const deliverDay = addDays(created, 10);
      const doneDay = addDays(created, 12);
      // Open wishes on the board are still before their deadline; the rest had 45 days.
      const deadline = status === 'published' ? addDays(today, 10 + (n % 20)) : addDays(created, 45);
      event('create', created, 1, worker?.displayName);
      if (status !== 'draft') event('submit', addDays(created, 1), 2, worker?.displayName);
      if (status === 'returned') event('return', addDays(created, 2), 3, head?.displayName, '请补充需求的具体尺寸和用途');
      if (published) event('publish', pubDay, 3, head?.displayName);
      wishes.push({
        id,
        area_code: resident.areaCode,
        resident_id: resident.id,
        title,
        need,
        reason: null,
        category,
        value_fen: Math.round(yuan * (0.8 + rand(`${key}:v`) * 0.4)) * 100,
        deadline,
        status,
        public_label: published ? wishPublicLabel(streetName, resident.categoryLabel) : null,
        photo_ids: [],
        review_note: status === 'returned' ? '请补充需求的具体尺寸和用途' : null,
        confirm_note: status === 'fulfilled' ? '老人说：谢谢你们，东西很实用！' : null,
        created_by: worker?.id ?? null,
        published_at: published ? at(pubDay, 3) : null,
        first_claimed_at: claimed ? at(claimDay, 5) : null,
        fulfilled_at: status === 'fulfilled' ? at(doneDay, 6) : null,
        created_at: at(created, 1),
        updated_at: at(created, 1),
      });
      if (status === 'cancelled') event('cancel', addDays(created, published ? 20 : 2), 4, head?.displayName, '居民已通过其他渠道解决');
      if (!claimed) continue;
      const byAccount = accounts.length > 0 && rand(`${key}:a`) < 0.35;
      const account = accounts[n % Math.max(accounts.length, 1)];
      const helper = HELPERS[n % HELPERS.length]!;
      const seal = byAccount ? null : sealPhone(keys, helper.mobile);
      const claimId = stableId(`${key}:claim`);
      const photoId = stableId(`${key}:photo`);
      const delivered = status === 'delivered' || status === 'fulfilled';
      if (delivered) {
        const png = demoPhoto(category, n);
        photos.push({
          id: photoId,
          area_code: resident.areaCode,
          filename: `送达照片-${n}.png`,
          content_type: 'image/png',
          size: png.length,
          content: png.toString('base64'),
        });
      }
      const name = byAccount ? account!.name : helper.name;
      claims.push({
        id: claimId,
        wish_id: id,
        area_code: resident.areaCode,
        kind: byAccount ? 'person' : helper.kind,
        public_account_id: byAccount ? account!.id : null,
        name,
        mobile_cipher: byAccount ? account!.mobileCipher : seal!.phoneCipher,
        mobile_masked: byAccount ? account!.mobileMasked : seal!.phoneMasked,
        status: status === 'fulfilled' ? 'fulfilled' : delivered ? 'delivered' : 'active',
        due_on: claimDueOn(claimDay, deadline),
        claimed_at: at(claimDay, 5),
        delivery_note: delivered ? '已送到老人家中，现场调试好并教会使用。' : null,
        delivery_photo_ids: delivered ? [photoId] : [],
        delivered_at: delivered ? at(deliverDay, 6) : null,
        ended_at: status === 'fulfilled' ? at(doneDay, 6) : null,
        created_by: byAccount ? null : (worker?.id ?? null),
      });
      event('claim', claimDay, 5, byAccount ? null : worker?.displayName, name);
      if (delivered) event('deliver', deliverDay, 6, name, '已送到老人家中，现场调试好并教会使用。');
      if (status === 'fulfilled') event('confirm', doneDay, 6, worker?.displayName, '老人说：谢谢你们，东西很实用！');
    }
  }
  await database.owner(async (db) => {
    await insertJson(db, 'attachments', photos, 200);
    await insertJson(db, 'wishes', wishes);
    await insertJson(db, 'wish_claims', claims);
    await insertJson(db, 'wish_events', events);
  });
  return wishes.length;
}
