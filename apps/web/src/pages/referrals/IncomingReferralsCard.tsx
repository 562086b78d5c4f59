// Home page: referrals waiting for the caller's organisation (a head, a partner organisation).
// Nothing shows when none wait.
import { Link } from 'react-router-dom';
import { Card, List, Typography } from 'antd';
import { useReferrals } from '../../api/referrals.ts';
import { formatDateTime } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';

export function IncomingReferralsCard() {
  const { t } = useI18n();
  const q = useReferrals({ direction: 'incoming', status: 'pending', page: 1, pageSize: 5 });
  const items = q.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Card
      title={t('rf.waiting', { n: q.data?.total ?? items.length })}
      size="small"
      style={{ marginBottom: 16 }}
      extra={<Link to="/referrals">{t('rf.all')}</Link>}
    >
      <List
        size="small"
        dataSource={items}
        rowKey="id"
        renderItem={(r) => (
          <List.Item>
            <Link to={`/referrals/${r.id}`}>
              {r.caseNo} · {r.subject?.name ?? '—'}
            </Link>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.fromOrgName ?? '—'} · {formatDateTime(r.referredAt)}
            </Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}
