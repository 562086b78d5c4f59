// 我的奖补申请: the signed-in worker's own applications with stage, amount and the reason when
// returned or rejected; a returned one can be resubmitted (asked first).
import { App, Button, List, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useProblem } from '../../api/forms.ts';
import { useMoveSubsidy, useMySubsidyApps } from '../../api/subsidies.ts';
import { formatDate } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { StageTag, yuan } from './parts.tsx';

export function MySubsidiesPage() {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const showProblem = useProblem();
  const mine = useMySubsidyApps();
  const move = useMoveSubsidy();
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('menu.mySubsidies')}</Typography.Title>
      <List
        bordered
        loading={mine.isPending}
        dataSource={mine.data ?? []}
        locale={{ emptyText: t('sb.mineEmpty') }}
        renderItem={(a) => (
          <List.Item
            actions={
              a.stage === 'returned'
                ? [
                    <Button
                      key="resubmit"
                      size="small"
                      type="primary"
                      onClick={() =>
                        modal.confirm({
                          title: t('sb.act.resubmit'),
                          onOk: () => move.mutateAsync({ id: a.id, action: 'resubmit', version: a.version }).catch((e) => showProblem(e)),
                        })
                      }
                    >
                      {t('sb.act.resubmit')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={<Link to={`/policies/${a.policyId}`}>{a.policyTitle}</Link>}
              description={
                <Space wrap>
                  <StageTag stage={a.stage} />
                  <span>{`${t('sb.amount')}：${yuan(a.amountFen)}`}</span>
                  <span>{`${t('sb.submittedAt')}：${formatDate(a.createdAt)}`}</span>
                  {a.reason && <Typography.Text type="warning">{`${t('sb.reason')}：${a.reason}`}</Typography.Text>}
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Space>
  );
}
