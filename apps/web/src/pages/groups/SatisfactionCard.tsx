// 满意度: the answers (1–5 with a comment) and their mean; 记录满意度 for a member, recorded by
// the worker (one per member: recording again replaces it).
import { useState } from 'react';
import { Button, Card, Form, Input, List, Rate, Select, Typography } from 'antd';
import { groupSatisfactionBody } from '@wushe/core';
import { useGroupMembers, useGroupSatisfaction, useRateGroup, type GroupDetail, type GroupSatisfaction } from '../../api/groups.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { useI18n } from '../../i18n/index.tsx';

interface Values {
  memberId?: string;
  score?: number;
  comment?: string;
}

function RateDrawer({ g, onClose }: { g: GroupDetail; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const rate = useRateGroup(g.id);
  const members = useGroupMembers(g.id);
  return (
    <FormDrawer<Values, typeof groupSatisfactionBody, GroupSatisfaction>
      title={t('gr.rate')}
      form={form}
      schema={groupSatisfactionBody}
      toInput={(v) => ({ memberId: v.memberId ?? '', score: v.score ?? 0, comment: v.comment })}
      save={rate}
      onClose={onClose}
      initialValues={{ score: 5 }}
    >
      <Typography.Paragraph type="secondary">{t('gr.rateHint')}</Typography.Paragraph>
      <Form.Item label={t('gr.member')} name="memberId" rules={[{ required: true, message: t('field.required') }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={(members.data?.items ?? []).map((m) => ({ value: m.id, label: m.personName }))}
        />
      </Form.Item>
      <Form.Item label={t('gr.score')} name="score">
        <Rate />
      </Form.Item>
      <Form.Item label={t('gr.comment')} name="comment">
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormDrawer>
  );
}

export function SatisfactionCard({ g, writable }: { g: GroupDetail; writable: boolean }) {
  const { t } = useI18n();
  const answers = useGroupSatisfaction(g.id);
  const [rating, setRating] = useState(false);
  const items = answers.data?.items ?? [];
  return (
    <Card
      size="small"
      title={t('gr.satisfaction')}
      extra={
        writable && (
          <Button size="small" onClick={() => setRating(true)}>
            {t('gr.rate')}
          </Button>
        )
      }
    >
      <Typography.Paragraph>
        {answers.data?.mean != null ? t('gr.mean', { mean: answers.data.mean, n: items.length }) : t('gr.satisfactionNone')}
      </Typography.Paragraph>
      <List
        size="small"
        dataSource={items}
        renderItem={(a) => (
          <List.Item>
            <List.Item.Meta
              title={
                <span>
                  {a.personName} <Rate disabled value={a.score} style={{ fontSize: 12 }} />
                </span>
              }
              description={a.comment}
            />
          </List.Item>
        )}
      />
      {rating && <RateDrawer g={g} onClose={() => setRating(false)} />}
    </Card>
  );
}
