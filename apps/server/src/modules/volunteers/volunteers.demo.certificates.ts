// The demo's service-record certificates, made from the demo's approved hours (volunteers.demo.ts).
import { stableId } from '@wushe/db';

/** This year's certificates for the volunteers who served most in each street (and for 林晓). */
export function certificatesFor(hours: Record<string, unknown>[], volunteers: Record<string, unknown>[], today: string) {
  const from = `${today.slice(0, 4)}-01-01`;
  const served = new Map<string, { minutes: number; services: number; area: string }>();
  for (const h of hours) {
    if (h.status !== 'approved' || (h.served_on as string) < from) continue;
    const s = served.get(h.volunteer_id as string) ?? { minutes: 0, services: 0, area: h.area_code as string };
    s.minutes += h.credited_minutes as number;
    s.services += 1;
    served.set(h.volunteer_id as string, s);
  }
  const lin = volunteers.find((v) => v.public_account_id)?.id;
  const top = [...served].sort((a, b) => b[1].minutes - a[1].minutes).filter(([id], i) => i < 30 || id === lin);
  return top.map(([id, s], i) => {
    const code = stableId(`certificate:${id}`)
      .replace(/[^0-9a-f]/g, '')
      .slice(0, 10)
      .toUpperCase()
      .replace(/[01]/g, 'K');
    return {
      id: stableId(`certificate-row:${id}`),
      volunteer_id: id,
      area_code: `${s.area.slice(0, 9)}000`,
      code,
      number: `ZYZM${today.replace(/-/g, '')}${String(i + 1).padStart(4, '0')}`,
      period_from: from,
      period_to: today,
      minutes: s.minutes,
      services: s.services,
      content: `参加社区活动志愿服务${s.services}次`,
      issuer: s.area.startsWith('350206004') ? '江头街道社工站' : '金山街道社工站',
      issuer_contact: '0592-5000000',
      issued_on: today,
      created_at: `${today}T00:00:00+08:00`, // Beijing midnight: never after a certificate issued today
    };
  });
}
