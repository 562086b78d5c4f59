// The status of a referral as a tag, and the person as the referral form names them.
import { Tag } from 'antd';
import type { Referral, ReferralStatus } from '../../api/referrals.ts';
import { useI18n } from '../../i18n/index.tsx';

export const REFERRAL_COLORS: Record<ReferralStatus, string> = {
  pending: 'gold',
  accepted: 'green',
  declined: 'red',
  withdrawn: 'default',
  ended: 'default',
};

export function ReferralStatusTag({ status }: { status: ReferralStatus }) {
  const { t } = useI18n();
  return <Tag color={REFERRAL_COLORS[status]}>{t(`rf.status.${status}`)}</Tag>;
}

/** Where the case went: the organisation in Wushe, or the one outside it marked so. */
export function ReferralTarget({ r }: { r: Pick<Referral, 'toOrgName' | 'externalName'> }) {
  const { t } = useI18n();
  if (r.toOrgName) return <>{r.toOrgName}</>;
  return (
    <>
      {r.externalName} <Tag>{t('rf.outside')}</Tag>
    </>
  );
}

/** 张三（女，78岁）· 江头街道 */
export function usePersonLine() {
  const { t } = useI18n();
  return (s: Referral['subject']) =>
    s
      ? t('rf.personFacts', {
          name: s.name,
          gender: s.gender === 'male' ? t('res.sex.male') : s.gender === 'female' ? t('res.sex.female') : t('rf.unknown'),
          age: s.age === null ? t('rf.unknown') : t('rf.ageN', { n: s.age }),
          area: s.areaName,
        })
      : '—';
}
