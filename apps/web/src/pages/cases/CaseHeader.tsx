// The case's head: number, resident and tags, what can be done now, the six stages as Steps and
// the case's facts.
import { Link } from 'react-router-dom';
import { Card, Descriptions, Flex, Grid, Steps, Tag, Typography } from 'antd';
import { CASE_STAGES } from '@wushe/core';
import type { CaseDetail } from '../../api/cases.ts';
import { useCodeLabels } from '../../api/settings.ts';
import { formatDate, formatDateTime } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { CaseActions } from './CaseActions.tsx';
import { ApprovalTags, RiskTag, StageTag } from './tags.tsx';

export function CaseHeader({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  const narrow = !Grid.useBreakpoint().md;
  const types = useCodeLabels('case_type');
  const current = CASE_STAGES.indexOf(c.stage);

  const facts = [
    { key: 'resident', label: t('cs.col.resident'), children: <Link to={`/residents/${c.residentId}`}>{c.residentName}</Link> },
    { key: 'type', label: t('cs.col.type'), children: types.labelOf(c.type) },
    { key: 'worker', label: t('cs.col.worker'), children: c.workerName },
    { key: 'area', label: t('cs.col.area'), children: c.areaName },
    { key: 'opened', label: t('cs.col.openedOn'), children: formatDate(c.openedOn) },
    ...(c.closedOn ? [{ key: 'closed', label: t('cs.closedOn'), children: formatDate(c.closedOn) }] : []),
    ...(c.reopenCount ? [{ key: 'reopened', label: t('cs.reopenCount'), children: c.reopenCount }] : []),
    { key: 'last', label: t('cs.col.lastEventAt'), children: formatDateTime(c.lastEventAt) },
  ];

  return (
    <Card styles={narrow ? { body: { padding: 12 } } : undefined}>
      <Flex wrap gap={12} justify="space-between" align="center">
        <Flex wrap gap={8} align="center">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('cs.title', { no: c.caseNo })}
          </Typography.Title>
          <StageTag stage={c.stage} />
          <RiskTag risk={c.riskLevel} />
          {c.sensitive && <Tag color="magenta">{t('cs.sensitive')}</Tag>}
          <ApprovalTags c={c} />
        </Flex>
        <CaseActions c={c} />
      </Flex>
      <Steps
        aria-label={t('cs.stages')}
        style={{ margin: '20px 0 16px' }}
        size="small"
        responsive={false}
        titlePlacement={narrow ? 'vertical' : 'horizontal'}
        type={narrow ? 'dot' : 'default'}
        current={current}
        status={c.stage === 'closed' ? 'finish' : 'process'}
        items={CASE_STAGES.map((s) => ({ key: s, title: t(`case.stage.${s}`) }))}
      />
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} items={facts} />
    </Card>
  );
}
