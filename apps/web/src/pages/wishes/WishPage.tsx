// One wish: its status and the moves allowed now, the resident (staff only), what is needed and
// why, the value and deadline, what the board shows instead of the resident, the photos, the
// review and confirmation notes, who is likely to claim it while open, its claims and its history.
import { useState } from 'react';
import { Alert, Card, Descriptions, Empty, Result, Skeleton, Space, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { WISH_ACTION_LABELS, type WishAction } from '@wushe/core';
import { useCodeLabels } from '../../api/settings.ts';
import { useWish, type Wish } from '../../api/wishes.ts';
import { formatDateTime, yuan } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { WishStatusTag } from './tags.tsx';
import { WishActions } from './WishActions.tsx';
import { LikelyClaimantsCard } from './LikelyClaimants.tsx';
import { ClaimsCard, Photos } from './WishClaims.tsx';
import { WishForm } from './WishForm.tsx';

export function WishPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const q = useWish(id);
  if (q.isPending) return <Skeleton active />;
  if (!q.data) return <Result status="404" title="404" subTitle={q.error?.message ?? t('notFound')} />;
  return <WishView w={q.data} />;
}

/** History actions beyond the transitions (claims and edits), in words. */
const EVENT_KEYS = {
  create: 'wi.ev.create',
  edit: 'wi.ev.edit',
  claim: 'wi.ev.claim',
  withdraw: 'wi.ev.withdraw',
  release: 'wi.ev.release',
  deliver: 'wi.ev.deliver',
} as const;

function WishView({ w }: { w: Wish }) {
  const { t, label } = useI18n();
  const categories = useCodeLabels('wish_category');
  const [editing, setEditing] = useState(false);
  const eventText = (action: string) =>
    action in EVENT_KEYS
      ? t(EVENT_KEYS[action as keyof typeof EVENT_KEYS])
      : action in WISH_ACTION_LABELS
        ? label(WISH_ACTION_LABELS[action as WishAction])
        : action;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
              {w.title}
            </Typography.Title>
            <WishStatusTag status={w.status} />
          </Space>
        }
        extra={
          <Space wrap>
            {w.publicLabel && <Link to={`/p/wishes/${w.id}`}>{t('wi.publicLink')}</Link>}
            <WishActions w={w} onEdit={() => setEditing(true)} />
          </Space>
        }
      >
        {w.status === 'returned' && w.reviewNote && (
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('wi.returnedWith', { note: w.reviewNote })} />
        )}
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('wi.resident')}>
            <Link to={`/residents/${w.residentId}`}>{w.residentName}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('wi.area')}>{w.areaName}</Descriptions.Item>
          <Descriptions.Item label={t('wi.category')}>{categories.labelOf(w.category)}</Descriptions.Item>
          <Descriptions.Item label={t('wi.value')}>{yuan(w.valueFen)}</Descriptions.Item>
          <Descriptions.Item label={t('wi.deadline')}>{w.deadline}</Descriptions.Item>
          <Descriptions.Item label={t('wi.publicLabel')}>{w.publicLabel ?? t('wi.notPublic')}</Descriptions.Item>
          <Descriptions.Item label={t('wi.createdBy')}>
            {w.createdByName ?? '—'} · {formatDateTime(w.createdAt).slice(0, 16)}
          </Descriptions.Item>
          {w.publishedAt && <Descriptions.Item label={t('wi.publishedAt')}>{formatDateTime(w.publishedAt).slice(0, 16)}</Descriptions.Item>}
          {w.fulfilledAt && <Descriptions.Item label={t('wi.fulfilledAt')}>{formatDateTime(w.fulfilledAt).slice(0, 16)}</Descriptions.Item>}
          {w.status !== 'returned' && w.reviewNote && <Descriptions.Item label={t('wi.reviewNote')}>{w.reviewNote}</Descriptions.Item>}
          {w.confirmNote && <Descriptions.Item label={t('wi.confirmNote')}>{w.confirmNote}</Descriptions.Item>}
        </Descriptions>
        <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>
          {t('wi.need')}
        </Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{w.need}</Typography.Paragraph>
        {w.reason && (
          <>
            <Typography.Title level={2} style={{ fontSize: 16 }}>
              {t('wi.reason')}
            </Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{w.reason}</Typography.Paragraph>
          </>
        )}
        <Photos ids={w.photoIds} alt={t('wi.photos')} />
      </Card>
      {w.status === 'published' && <LikelyClaimantsCard w={w} />}
      <ClaimsCard w={w} />
      <Card title={t('wi.history')}>
        {w.history.length ? (
          <Timeline
            items={[...w.history].reverse().map((h) => ({
              title: formatDateTime(h.at).slice(0, 16),
              content: (
                <>
                  <div>
                    {eventText(h.action)}
                    {h.by ? ` · ${h.by}` : ''}
                  </div>
                  {h.note && <Typography.Text type="secondary">{h.note}</Typography.Text>}
                </>
              ),
            }))}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
        )}
      </Card>
      {editing && <WishForm wish={w} onClose={() => setEditing(false)} />}
    </Space>
  );
}
