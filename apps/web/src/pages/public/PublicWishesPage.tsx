// /p/wishes: the micro-wish board on a phone (no login): the totals of the chosen community and
// period at the top (posted, claimed, fulfilled, value fulfilled), then the wishes on the board
// by search, community, category and state, a page at a time. A wish shows a generic label
// ("江头街道 · 独居老人"), never the resident.
import { useState } from 'react';
import { Card, Col, Empty, List, Pagination, Row, Segmented, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { usePublicMe } from '../../api/publicAccount.ts';
import { usePublicWishes, usePublicWishStats, type PublicWish } from '../../api/wishes.ts';
import { businessToday, yuanShort } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { WishStatusTag } from '../wishes/tags.tsx';
import { areasOf, PublicFilters } from './PublicFilters.tsx';
import { MUTED, PublicShell } from './PublicShell.tsx';

const PAGE = 10;
type Period = 'year' | 'month' | 'years3';
type Show = 'all' | 'open' | 'taken' | 'done';

/** The first day of the period; the server counts up to today. */
function periodFrom(p: Period): string | undefined {
  const today = businessToday();
  if (p === 'month') return today.startOf('month').format('YYYY-MM-DD');
  if (p === 'years3') return today.subtract(2, 'year').startOf('year').format('YYYY-MM-DD');
  return undefined; // this year: the server's default
}

function Totals({ area }: { area?: string }) {
  const { t } = useI18n();
  const [period, setPeriod] = useState<Period>('year');
  const stats = usePublicWishStats({ area, from: periodFrom(period) }).data;
  const figures = [
    { key: 'posted', label: t('pub.wishes.posted'), value: stats ? String(stats.posted) : '—' },
    { key: 'claimed', label: t('pub.wishes.claimed'), value: stats ? String(stats.claimed) : '—' },
    { key: 'fulfilled', label: t('pub.wishes.fulfilled'), value: stats ? String(stats.fulfilled) : '—' },
    { key: 'value', label: t('pub.wishes.value'), value: stats ? `¥${yuanShort(Math.round(stats.fulfilledValueFen / 100) * 100)}` : '—' },
  ];
  return (
    <Card size="small" data-testid="wish-totals">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Segmented<Period>
          block
          aria-label={t('pub.wishes.period')}
          value={period}
          onChange={setPeriod}
          options={[
            { value: 'month', label: t('pub.wishes.month') },
            { value: 'year', label: t('pub.wishes.year') },
            { value: 'years3', label: t('pub.wishes.years3') },
          ]}
        />
        <Typography.Text style={{ color: MUTED }}>
          {stats ? t('pub.wishes.scope', { area: stats.areaName, from: stats.from, to: stats.to }) : ' '}
        </Typography.Text>
        <Row gutter={[8, 8]}>
          {figures.map((f) => (
            <Col span={12} key={f.key}>
              <div style={{ background: '#f5f5f5', borderRadius: 8, padding: '8px 12px' }} data-testid={`wish-total-${f.key}`}>
                <div style={{ color: MUTED }}>{f.label}</div>
                <div style={{ fontSize: '1.5em', fontWeight: 600, overflowWrap: 'anywhere' }}>{f.value}</div>
              </div>
            </Col>
          ))}
        </Row>
      </Space>
    </Card>
  );
}

export function PublicWishesPage() {
  const { t } = useI18n();
  const me = usePublicMe().data;
  const [q, setQ] = useState<string | undefined>();
  const [area, setArea] = useState<string | undefined>();
  const [category, setCategory] = useState<string | undefined>();
  const [show, setShow] = useState<Show>('all');
  const [page, setPage] = useState(1);
  const list = usePublicWishes({ q, area, category, show, page, pageSize: PAGE });
  // The communities and categories on the board (its newest 100), for the filters.
  const sample = usePublicWishes({ pageSize: 100 }).data?.items ?? [];
  const areas = areasOf(sample);
  const categories = [...new Map(sample.map((w) => [w.category, w.categoryLabel])).entries()];
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  return (
    <PublicShell title={t('pub.wishes.title')} notice={false}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ marginBottom: 0 }}>{t('pub.wishes.lead')}</Typography.Paragraph>
        {me && <Link to="/p/my">{t('pub.wishes.mine')}</Link>}
        <Totals area={area} />
        <PublicFilters
          searchLabel={t('pub.wishes.search')}
          onSearch={reset(setQ)}
          pickers={[
            {
              label: t('pub.wishes.area'),
              placeholder: t('pub.wishes.allAreas'),
              value: area,
              onChange: reset(setArea),
              options: areas.map(([code, name]) => ({ value: code, label: name })),
            },
            {
              label: t('pub.wishes.category'),
              placeholder: t('pub.wishes.allCategories'),
              value: category,
              onChange: reset(setCategory),
              options: categories.map(([code, name]) => ({ value: code, label: name })),
            },
          ]}
        />
        <Segmented<Show>
          block
          aria-label={t('pub.wishes.show')}
          value={show}
          onChange={reset(setShow)}
          options={(['all', 'open', 'taken', 'done'] as const).map((s) => ({ value: s, label: t(`pub.wishes.show.${s}`) }))}
        />
        <Typography.Text style={{ color: MUTED }} data-testid="wishes-count">
          {t('pub.wishes.count', { n: list.data?.total ?? 0 })}
        </Typography.Text>
        <List<PublicWish>
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: <Empty description={t('pub.wishes.none')} /> }}
          renderItem={(w) => (
            <List.Item style={{ display: 'block' }}>
              <Space wrap size={4} style={{ marginBottom: 4 }}>
                <Link to={`/p/wishes/${w.id}`} style={{ fontSize: '1.1em', fontWeight: 600 }}>
                  {w.title}
                </Link>
                <WishStatusTag status={w.status} />
              </Space>
              <div style={{ color: MUTED }}>{w.label}</div>
              <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '4px 0' }}>
                {w.need}
              </Typography.Paragraph>
              <Space size={4} wrap>
                <Tag>{w.categoryLabel}</Tag>
                <Tag>{w.valueFen ? t('pub.wish.valueYuan', { value: yuanShort(w.valueFen) }) : t('pub.wish.noValue')}</Tag>
                <Tag>{t('pub.wish.deadline', { date: w.deadline })}</Tag>
              </Space>
            </List.Item>
          )}
        />
        <Pagination
          simple
          current={page}
          pageSize={PAGE}
          total={list.data?.total ?? 0}
          onChange={setPage}
          hideOnSinglePage
          style={{ textAlign: 'center' }}
        />
      </Space>
    </PublicShell>
  );
}
