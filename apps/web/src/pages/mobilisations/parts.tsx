// Pieces of the call-out pages: status tags, how full a need is, and the matcher's reasons in words.
import { Progress, Space, Tag } from 'antd';
import type { MatchReason, Mobilisation, MobilisationCall } from '../../api/mobilisations.ts';
import { useCodeLabels } from '../../api/settings.ts';
import { useI18n, type Translate } from '../../i18n/index.tsx';

const STATUS_COLOR: Record<Mobilisation['status'], string> = { draft: 'default', sent: 'blue', closed: 'default' };
const FULL_GREEN = '#389e0d';
const CALL_COLOR: Record<MobilisationCall['status'], string> = { sent: 'gold', accepted: 'green', declined: 'default', expired: 'default' };

export function MobilisationStatusTag({ status }: { status: Mobilisation['status'] }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLOR[status]}>{t(`mob.status.${status}`)}</Tag>;
}

/** Calls as a worker reads them: accepted, then waiting, then the rest; each by when it was sent. */
const CALL_ORDER: Record<MobilisationCall['status'], number> = { accepted: 0, sent: 1, declined: 2, expired: 3 };
export const byAnswer = (a: MobilisationCall, b: MobilisationCall) =>
  CALL_ORDER[a.status] - CALL_ORDER[b.status] || a.sentAt.localeCompare(b.sentAt);

export function CallStatusTag({ status }: { status: MobilisationCall['status'] }) {
  const { t } = useI18n();
  return <Tag color={CALL_COLOR[status]}>{t(`mob.call.${status}`)}</Tag>;
}

/** Accepted of slots as a bar with its words ("3/5 人", or none with `bare`); green once full. */
export function FillProgress({ accepted, slots, width, bare }: { accepted: number; slots: number; width?: number; bare?: boolean }) {
  const { t } = useI18n();
  const text = t('mob.filled', { accepted, slots });
  return (
    <Progress
      aria-label={text}
      percent={slots ? Math.round((100 * Math.min(accepted, slots)) / slots) : 0}
      // 'normal' even when full: antd's success text is a green that fails AA; the bar says it.
      status="normal"
      strokeColor={accepted >= slots ? FULL_GREEN : undefined}
      showInfo={!bare}
      size="small"
      format={() => text}
      style={{ width: width ?? 160, margin: 0 }}
    />
  );
}

/** One reason in words: skills matched, how near, when free, the recent load. */
export function reasonText(r: MatchReason, t: Translate, skillName: (code: string) => string): string {
  switch (r.key) {
    case 'skill':
      return t('mob.why.skill', { skills: r.skills.map(skillName).join(t('mob.why.sep')) });
    case 'near':
      return t(`mob.why.near.${r.level}`);
    case 'available':
      return t(r.anyTime ? 'mob.why.anyTime' : 'mob.why.available');
    case 'load':
      return r.recentCalls ? t('mob.why.load', { n: r.recentCalls }) : t('mob.why.load0');
  }
}

export function Reasons({ reasons }: { reasons: MatchReason[] }) {
  const { t } = useI18n();
  const { labelOf } = useCodeLabels('volunteer_skill');
  if (!reasons.length) return <>—</>;
  return (
    <Space wrap size={[4, 4]}>
      {reasons.map((r) => (
        <Tag key={r.key} color={r.key === 'skill' ? 'green' : r.key === 'near' ? 'blue' : undefined} style={{ marginInlineEnd: 0 }}>
          {reasonText(r, t, labelOf)}
        </Tag>
      ))}
    </Space>
  );
}
