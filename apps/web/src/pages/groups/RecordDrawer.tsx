// 记录 a session: a tick for every current member (those recorded present already ticked),
// guests by name, the content and a short evaluation.
import { Button, Checkbox, Form, Input, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { sessionRecord } from '@wushe/core';
import { useGroupMembers, useRecordSession, type GroupDetail, type GroupSession } from '../../api/groups.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { useI18n } from '../../i18n/index.tsx';

interface Values {
  presentMemberIds?: string[];
  guests?: { name?: string }[];
  content?: string;
  evaluation?: string;
}

export function RecordDrawer({ g, session, onClose }: { g: GroupDetail; session: GroupSession; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const record = useRecordSession(g.id);
  const members = useGroupMembers(g.id);
  // Those who left stay on the list only if they were marked at this session.
  const shown = (members.data?.items ?? []).filter((m) => !m.leftOn || session.presentMemberIds.includes(m.id));
  return (
    <FormDrawer<Values, typeof sessionRecord, GroupSession>
      title={t('gr.recordTitle', { theme: session.theme })}
      form={form}
      schema={sessionRecord}
      toInput={(v) => ({
        version: session.version,
        presentMemberIds: v.presentMemberIds ?? [],
        guests: (v.guests ?? []).filter((x) => x.name?.trim()).map((x) => ({ name: x.name ?? '' })),
        content: v.content ?? '',
        evaluation: v.evaluation ?? '',
      })}
      save={{ mutate: (body, opts) => record.mutate({ sid: session.id, ...body }, opts), isPending: record.isPending }}
      savedText={t('gr.recorded')}
      onClose={onClose}
      initialValues={{
        presentMemberIds: session.presentMemberIds,
        guests: session.guests.map((name) => ({ name })),
        content: session.content ?? undefined,
        evaluation: session.evaluation ?? undefined,
      }}
    >
      <Form.Item label={t('gr.present')} name="presentMemberIds">
        <Checkbox.Group
          style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}
          options={shown.map((m) => ({ value: m.id, label: m.personName }))}
        />
      </Form.Item>
      <Form.Item label={t('gr.guests')}>
        <Form.List name="guests">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="start">
                  <Form.Item name={[f.name, 'name']}>
                    <Input aria-label={`${t('gr.guests')} ${i + 1}`} placeholder={t('gr.otherName')} maxLength={40} />
                  </Form.Item>
                  <Button type="text" aria-label={t('delete')} icon={<MinusCircleOutlined aria-hidden />} onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({})}>
                {t('gr.addOther')}
              </Button>
            </>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item label={t('gr.content')} name="content" rules={[{ required: true, whitespace: true, message: t('field.required') }]}>
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item label={t('gr.evaluation')} name="evaluation" rules={[{ required: true, whitespace: true, message: t('field.required') }]}>
        <Input.TextArea rows={3} maxLength={1000} showCount />
      </Form.Item>
    </FormDrawer>
  );
}
