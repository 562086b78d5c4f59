// Likely claimants of an open wish (issue 11 item 9): who has claimed before and fits, the best
// match of the exact assignment first and the alternatives after it, each with why in words.
import { Card, Space, Table, Tag, Typography } from 'antd';
import { CLAIMANT_KIND_LABELS, CLAIMANT_MAX_WISHES, type ClaimantSuggestionOut } from '@wushe/core';
import { useCodeLabels } from '../../api/settings.ts';
import { useLikelyClaimants, type Wish } from '../../api/wishes.ts';
import { useI18n, type TextKey } from '../../i18n/index.tsx';

type Reason = ClaimantSuggestionOut['reasons'][number];

const NEAR_KEYS: Record<Extract<Reason, { key: 'near' }>['level'], TextKey> = {
  community: 'wi.lc.near.community',
  street: 'wi.lc.near.street',
  district: 'wi.lc.near.district',
  city: 'wi.lc.near.city',
};

export function LikelyClaimantsCard({ w }: { w: Wish }) {
  const { t, label } = useI18n();
  const categories = useCodeLabels('wish_category');
  const q = useLikelyClaimants(w.id, w.status === 'published');
  const words = (r: Reason): string => {
    switch (r.key) {
      case 'category': {
        const category = categories.labelOf(r.category);
        return r.fulfilled ? t('wi.lc.category', { n: r.fulfilled, category }) : t('wi.lc.categoryNone', { category });
      }
      case 'near':
        return t(NEAR_KEYS[r.level]);
      case 'reliable':
        return t('wi.lc.reliable', { fulfilled: r.fulfilled, withdrawn: r.withdrawn });
      case 'load':
        return r.holding ? t('wi.lc.load', { n: r.holding }) : t('wi.lc.free');
    }
  };
  const columns = [
    {
      title: t('wi.claimantName'),
      key: 'name',
      render: (_: unknown, s: ClaimantSuggestionOut) => (
        <Space orientation="vertical" size={0}>
          <Space size={4} wrap>
            <span>{s.name}</span>
            <Tag color={s.assigned ? 'green' : 'default'}>{t(s.assigned ? 'wi.lc.best' : 'wi.lc.alternative')}</Tag>
          </Space>
          <Typography.Text type="secondary">{label(CLAIMANT_KIND_LABELS[s.kind])}</Typography.Text>
        </Space>
      ),
    },
    { title: t('wi.claimantMobile'), dataIndex: 'mobileMasked', key: 'mobile', render: (m: string | null) => m ?? '—' },
    {
      title: t('wi.lc.why'),
      key: 'why',
      render: (_: unknown, s: ClaimantSuggestionOut) => (
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {s.reasons.map((r) => (
            <li key={r.key}>{words(r)}</li>
          ))}
        </ul>
      ),
    },
  ];
  return (
    <Card title={t('wi.lc.title')}>
      <Typography.Paragraph type="secondary">{t('wi.lc.hint', { max: CLAIMANT_MAX_WISHES })}</Typography.Paragraph>
      <Table<ClaimantSuggestionOut>
        rowKey="publicAccountId"
        size="small"
        loading={q.isPending}
        dataSource={q.data?.suggestions ?? []}
        columns={columns}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('wi.lc.none') }}
      />
    </Card>
  );
}
