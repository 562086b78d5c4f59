// Coverage by care level (in force on the date) and by category; every number opens its residents.
import { Card, Col, Row, Table, Typography, type TableColumnsType } from 'antd';
import { useCoverageBreakdown, type BreakdownRow } from '../../api/coverage.ts';
import { useCodeLabels } from '../../api/settings.ts';
import { useI18n } from '../../i18n/index.tsx';
import { FigureLink } from './FigureLink.tsx';

const pct = (rate: number) => `${Math.round(rate * 1000) / 10}%`;

export function CoverageBreakdown({ area, date }: { area: string; date: string }) {
  const { t } = useI18n();
  const data = useCoverageBreakdown(area, date).data;
  const categories = useCodeLabels('resident_category');
  const columns = (by: 'careLevel' | 'category', name: (key: string) => string): TableColumnsType<BreakdownRow> => {
    const figure = (kind: 'registered' | 'covered' | 'overdue') => (n: number, r: BreakdownRow) => (
      <FigureLink area={area} date={date} kind={kind} value={n} more={{ [by]: r.key }} />
    );
    return [
      { title: by === 'careLevel' ? t('res.careLevel') : t('res.categories'), dataIndex: 'key', render: name },
      { title: t('cov.registered'), dataIndex: 'registered', align: 'right', render: figure('registered') },
      { title: t('cov.covered'), dataIndex: 'covered', align: 'right', render: figure('covered') },
      { title: t('cov.overdue'), dataIndex: 'overdue', align: 'right', render: figure('overdue') },
      { title: t('cov.rate'), dataIndex: 'rate', align: 'right', render: (r: number, row) => (row.registered ? pct(r) : '—') },
    ];
  };
  return (
    <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
      <Col xs={24} lg={12}>
        <Card
          size="small"
          title={t('cov.byCareLevel')}
          extra={<Typography.Text type="secondary">{t('cov.byCareLevelHint')}</Typography.Text>}
        >
          <Table<BreakdownRow>
            rowKey="key"
            size="small"
            pagination={false}
            dataSource={data?.byCareLevel}
            columns={columns('careLevel', (k) => t('res.careLevelN', { n: Number(k) }))}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('cov.byCategory')}>
          <Table<BreakdownRow>
            rowKey="key"
            size="small"
            pagination={false}
            dataSource={data?.byCategory}
            columns={columns('category', (k) => categories.labelOf(k))}
            scroll={{ x: 'max-content' }}
          />
        </Card>
      </Col>
    </Row>
  );
}
