// 查看: a volunteer's masked ID number or mobile with a button for holders of volunteer.reveal,
// which asks a reason and then shows the clear value in this view only (never cached).
import { useState } from 'react';
import { Button, Form, Input, Modal, Typography } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { useProblem } from '../../api/forms.ts';
import { useRevealVolunteer } from '../../api/volunteers.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useVolunteerRights } from './tags.tsx';

export function RevealField({
  volunteerId,
  field,
  masked,
  fieldLabel,
}: {
  volunteerId: string;
  field: 'idNumber' | 'mobile';
  masked: string | null;
  fieldLabel: string;
}) {
  const { t } = useI18n();
  const { canReveal } = useVolunteerRights();
  const reveal = useRevealVolunteer();
  const showProblem = useProblem();
  const [form] = Form.useForm<{ reason: string }>();
  const [asking, setAsking] = useState(false);
  const [value, setValue] = useState<string | null | undefined>(undefined);

  if (value !== undefined) return <Typography.Text copyable={!!value}>{value ?? '—'}</Typography.Text>;
  if (!masked) return <>—</>;

  const submit = ({ reason }: { reason: string }) =>
    reveal.mutate(
      { id: volunteerId, field, reason },
      {
        onSuccess: (r) => {
          setValue(r.value);
          setAsking(false);
        },
        onError: (e) => showProblem(e, form),
      },
    );

  return (
    <>
      {masked}
      {canReveal && (
        <Button
          type="link"
          size="small"
          icon={<EyeOutlined aria-hidden />}
          aria-label={`${t('vol.reveal')}${fieldLabel}`}
          onClick={() => setAsking(true)}
        >
          {t('vol.reveal')}
        </Button>
      )}
      {asking && (
        <Modal
          open
          title={`${t('vol.revealTitle')} · ${fieldLabel}`}
          onCancel={() => setAsking(false)}
          okText={t('vol.reveal')}
          cancelText={t('cancel')}
          confirmLoading={reveal.isPending}
          onOk={() => form.submit()}
          destroyOnHidden
        >
          <Typography.Paragraph type="secondary">{t('vol.revealHint')}</Typography.Paragraph>
          <Form form={form} layout="vertical" onFinish={submit}>
            <Form.Item
              label={t('vol.revealReason')}
              name="reason"
              rules={[{ required: true, whitespace: true, min: 2, message: t('reveal.reason') }]}
            >
              <Input maxLength={200} autoFocus />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </>
  );
}
