// Pieces shared by the volunteer pages and the activity's volunteers card: status tags, skills
// as tags, availability in words, Asia/Shanghai times, and who may do what.
import { Tag } from 'antd';
import {
  formatShanghai,
  hoursOf,
  HOURS_STATUS_LABELS,
  SIGNUP_STATUS_LABELS,
  VOLUNTEER_STATUS_LABELS,
  type HoursStatus,
  type SignupStatus,
  type Volunteer,
  type VolunteerStatus,
} from '@wushe/core';
import { useActor } from '../../api/session.ts';
import { useCodeLabels } from '../../api/settings.ts';
import { useI18n, type Translate } from '../../i18n/index.tsx';

const STATUS_COLOR: Record<VolunteerStatus, string> = { pending: 'gold', active: 'green', suspended: 'orange', left: 'default' };
const SIGNUP_COLOR: Record<SignupStatus, string> = { applied: 'gold', accepted: 'green', declined: 'default', withdrawn: 'default' };
const HOURS_COLOR: Record<HoursStatus, string> = { open: 'blue', pending: 'gold', approved: 'green', declined: 'red' };

export function VolunteerStatusTag({ status }: { status: VolunteerStatus }) {
  const { label } = useI18n();
  return <Tag color={STATUS_COLOR[status]}>{label(VOLUNTEER_STATUS_LABELS[status])}</Tag>;
}

export function SignupStatusTag({ status }: { status: SignupStatus }) {
  const { label } = useI18n();
  return <Tag color={SIGNUP_COLOR[status]}>{label(SIGNUP_STATUS_LABELS[status])}</Tag>;
}

export function HoursStatusTag({ status }: { status: HoursStatus }) {
  const { label } = useI18n();
  return <Tag color={HOURS_COLOR[status]}>{label(HOURS_STATUS_LABELS[status])}</Tag>;
}

export function TeamStatusTag({ status }: { status: 'active' | 'disbanded' }) {
  const { t } = useI18n();
  return status === 'active' ? <Tag color="green">{t('vol.teamActive')}</Tag> : <Tag>{t('vol.teamDisbanded')}</Tag>;
}

/** Skill codes (code list volunteer_skill) as tags. */
export function SkillTags({ skills }: { skills: string[] }) {
  const { labelOf } = useCodeLabels('volunteer_skill');
  if (!skills.length) return <>—</>;
  return (
    <>
      {skills.map((s) => (
        <Tag key={s} style={{ marginInlineEnd: 4 }}>
          {labelOf(s)}
        </Tag>
      ))}
    </>
  );
}

/** volunteer.write registers, confirms, manages teams and activities' volunteers; volunteer.reveal shows sealed fields. */
export function useVolunteerRights() {
  const { permissions } = useActor();
  return {
    canRead: permissions.includes('volunteer.read'),
    canWrite: permissions.includes('volunteer.write'),
    canReveal: permissions.includes('volunteer.reveal'),
  };
}

export const WEEKDAY_KEYS = ['vol.wd.1', 'vol.wd.2', 'vol.wd.3', 'vol.wd.4', 'vol.wd.5', 'vol.wd.6', 'vol.wd.7'] as const;

/** "每周一至周五 18:30–21:30", "每周六、周日 08:00–18:00", "任何时间". */
export function availabilityText(a: Volunteer['availability'], t: Translate): string {
  if (!a) return t('vol.anyTime');
  const days = [...new Set(a.weekdays)].sort((x, y) => x - y);
  const runs: [number, number][] = [];
  for (const d of days) {
    const last = runs.at(-1);
    if (last && last[1] === d - 1) last[1] = d;
    else runs.push([d, d]);
  }
  const name = (d: number) => t(WEEKDAY_KEYS[d - 1]!);
  const parts = runs.flatMap(([s, e]) =>
    e - s >= 2 ? [t('vol.dayRange', { from: name(s), to: name(e) })] : s === e ? [name(s)] : [name(s), name(e)],
  );
  const dayText = days.length === 7 ? t('vol.everyDay') : t('vol.weekly', { days: parts.join(t('vol.daySep')) });
  return `${dayText} ${a.from}–${a.to}`;
}

/** Whole minutes as hours to one decimal, "5.9", "2.0". */
export const hoursText = (minutes: number) => hoursOf(minutes).toFixed(1);

/** An instant as Asia/Shanghai wall time, "YYYY-MM-DD HH:mm", whatever the browser's zone. */
export const shanghai = (iso: string | null | undefined) => (iso ? formatShanghai(new Date(iso)) : '—');
/** Its time of day, "HH:mm". */
export const shanghaiTime = (iso: string | null | undefined) => (iso ? formatShanghai(new Date(iso)).slice(11) : '—');
/** Its date, "YYYY-MM-DD". */
export const shanghaiDate = (iso: string | null | undefined) => (iso ? formatShanghai(new Date(iso)).slice(0, 10) : '—');
