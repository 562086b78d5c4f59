// /p/volunteer/checkin/:id?t=…: what a volunteer's phone opens from the activity's volunteer QR
// code. It shows the activity only; a signed-in volunteer accepted for it checks in, and later
// scans again to check out. The code in the link rotates every minute, so a photo sent to
// someone at home no longer works.
import { useState } from 'react';
import { Alert, Button, Descriptions, Result, Space } from 'antd';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { hoursOf } from '@wushe/core';
import { useProblem } from '../../api/forms.ts';
import { usePublicMe } from '../../api/publicAccount.ts';
import { useVolunteerOccasion, useVolunteerTap, type CheckinResult } from '../../api/volunteerPublic.ts';
import { atShanghai, timeShanghai } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { PublicShell } from '../public/PublicShell.tsx';

export function PublicVolunteerCheckinPage() {
  const { id = '' } = useParams();
  const token = useSearchParams()[0].get('t') ?? '';
  const { t } = useI18n();
  const navigate = useNavigate();
  const me = usePublicMe();
  const occasion = useVolunteerOccasion(id, token);
  const tap = useVolunteerTap(id);
  const showProblem = useProblem();
  const [result, setResult] = useState<CheckinResult | null>(null);
  const o = occasion.data;
  if (!o)
    return (
      <PublicShell title={occasion.isError ? t('pv.in.notFound') : t('loading')} notice={false}>
        {null}
      </PublicShell>
    );
  const go = (action: 'in' | 'out') =>
    tap.mutate({ t: token, action, csrf: me.data!.csrfToken }, { onSuccess: setResult, onError: (e) => showProblem(e) });
  return (
    <PublicShell title={t('pv.in.title')} notice={false}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('pv.in.activity')}>{o.title}</Descriptions.Item>
          <Descriptions.Item label={t('pv.in.place')}>{o.place}</Descriptions.Item>
          <Descriptions.Item label={t('pv.in.time')}>
            {atShanghai(o.startsAt)}–{timeShanghai(o.endsAt)}
          </Descriptions.Item>
          {o.orgName && <Descriptions.Item label={t('pv.in.org')}>{o.orgName}</Descriptions.Item>}
        </Descriptions>
        {result ? (
          <Result
            status="success"
            data-testid="checkin-result"
            title={t(`pv.in.result.${result.status}`)}
            subTitle={
              result.checkoutAt
                ? t('pv.in.served', {
                    from: timeShanghai(result.checkinAt),
                    to: timeShanghai(result.checkoutAt),
                    hours: hoursOf(result.minutes ?? 0),
                  })
                : t('pv.in.since', { from: timeShanghai(result.checkinAt) })
            }
          />
        ) : !o.tokenValid ? (
          <Alert type="warning" showIcon title={t('pv.in.expired')} />
        ) : o.window !== 'open' && o.window !== 'closed' ? (
          <Alert type="info" showIcon title={t('pv.in.early')} />
        ) : me.isPending ? null : !me.data ? (
          <Button
            type="primary"
            size="large"
            block
            onClick={() => navigate(`/p/login?next=${encodeURIComponent(`/p/volunteer/checkin/${id}?t=${token}`)}`)}
          >
            {t('pv.in.login')}
          </Button>
        ) : (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {o.window === 'open' && (
              <Button type="primary" size="large" block loading={tap.isPending} onClick={() => go('in')}>
                {t('pv.in.checkin')}
              </Button>
            )}
            <Button size="large" block loading={tap.isPending} onClick={() => go('out')}>
              {t('pv.in.checkout')}
            </Button>
          </Space>
        )}
      </Space>
    </PublicShell>
  );
}
