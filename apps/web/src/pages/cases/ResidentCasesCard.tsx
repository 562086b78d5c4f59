// 个案 on a resident's profile: the resident's cases (open ones first by recent activity) and
// 开案 (case.write), which lands on the new case's page.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, Card, Empty, List, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useCases } from '../../api/cases.ts';
import { useCodeLabels } from '../../api/settings.ts';
import { formatDate } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { OpenCaseForm } from './CaseForm.tsx';
import { ApprovalTags, RiskTag, StageTag, useCaseRights } from './tags.tsx';

export function ResidentCasesCard({ resident }: { resident: { id: string; name: string; areaCode: string; status: string } }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { canWrite } = useCaseRights();
  const types = useCodeLabels('case_type');
  const cases = useCases({ resident: resident.id, pageSize: 50 });
  const [opening, setOpening] = useState(false);
  const items = cases.data?.items ?? [];

  return (
    <Card
      title={t('cs.residentCases')}
      size="small"
      extra={
        canWrite &&
        resident.status === 'active' && (
          <Button size="small" type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setOpening(true)}>
            {t('cs.open')}
          </Button>
        )
      }
    >
      {items.length ? (
        <List
          size="small"
          dataSource={items}
          renderItem={(c) => (
            <List.Item>
              <Space orientation="vertical" size={2}>
                <Space wrap size={4}>
                  <Link to={`/cases/${c.id}`} style={{ fontFamily: 'monospace', fontWeight: 500 }}>
                    {c.caseNo}
                  </Link>
                  <span>{types.labelOf(c.type)}</span>
                </Space>
                <Space wrap size={0}>
                  <StageTag stage={c.stage} />
                  <RiskTag risk={c.riskLevel} />
                  <ApprovalTags c={c} />
                </Space>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {c.workerName} · {t('cs.openedOnShort', { date: formatDate(c.openedOn) })}
                  {c.closedOn ? ` · ${t('cs.closedOnShort', { date: formatDate(c.closedOn) })}` : ''}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={cases.isPending ? t('loading') : t('cs.noCases')} />
      )}
      {opening && <OpenCaseForm resident={resident} onClose={() => setOpening(false)} onOpened={(c) => navigate(`/cases/${c.id}`)} />}
    </Card>
  );
}
