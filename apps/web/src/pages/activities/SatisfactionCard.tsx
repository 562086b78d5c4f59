// 满意度: the answers (by the participant's phone or recorded by a worker) with their mean, and
// a worker recording the answer of someone on the list.
import { App, Button, Card, Form, Input, List, Rate, Select, Space, Tag, Typography } from 'antd';
import { useActivitySatisfaction, useAttendance, useRecordSatisfaction, type ActivityDetail } from '../../api/activities.ts';
import { useProblem } from '../../api/forms.ts';
import { formatDateTime } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useActivityRights } from './tags.tsx';

export function SatisfactionCard({ activity }: { activity: ActivityDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showProblem = useProblem();
  const { canWrite } = useActivityRights();
  const answers = useActivitySatisfaction(activity.id);
  const people = useAttendance(activity.id);
  const record = useRecordSatisfaction(activity.id);
  const [form] = Form.useForm<{ attendanceId: string; score: number; comment?: string }>();
  const data = answers.data;

  return (
    <Card
      title={t('act.satisfaction')}
      extra={data?.mean != null && <Typography.Text>{t('act.satisfactionMean', { mean: data.mean, count: data.count })}</Typography.Text>}
    >
      {canWrite && (
        <Form
          form={form}
          layout="inline"
          style={{ rowGap: 8, marginBottom: 16 }}
          onFinish={(v) =>
            record.mutate(v, {
              onSuccess: () => {
                message.success(t('saved'));
                form.resetFields();
              },
              onError: (e) => showProblem(e, form),
            })
          }
        >
          <Form.Item name="attendanceId" rules={[{ required: true, message: t('field.required') }]}>
            <Select
              aria-label={t('act.participant')}
              placeholder={t('act.participant')}
              style={{ width: 160 }}
              showSearch={{ optionFilterProp: 'label' }}
              options={(people.data?.items ?? []).filter((r) => r.attendedAt).map((r) => ({ value: r.id, label: r.personName }))}
            />
          </Form.Item>
          <Form.Item name="score" rules={[{ required: true, message: t('field.required') }]}>
            <Rate aria-label={t('act.score')} />
          </Form.Item>
          <Form.Item name="comment">
            <Input aria-label={t('act.comment')} placeholder={t('act.comment')} maxLength={500} style={{ width: 200 }} />
          </Form.Item>
          <Button htmlType="submit" loading={record.isPending}>
            {t('act.recordSatisfaction')}
          </Button>
        </Form>
      )}
      <List
        loading={answers.isPending}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('act.noSatisfaction') }}
        renderItem={(s) => (
          <List.Item>
            <Space orientation="vertical" size={0} style={{ width: '100%' }}>
              <Space wrap>
                <Typography.Text strong>{s.personName}</Typography.Text>
                <Rate disabled value={s.score} style={{ fontSize: 14 }} />
                <Tag>{s.byParticipant ? t('act.byParticipant') : t('act.byWorker')}</Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(s.at).slice(0, 16)}
                </Typography.Text>
              </Space>
              {s.comment && <Typography.Text>{s.comment}</Typography.Text>}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
