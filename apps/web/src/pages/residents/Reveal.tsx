// 查看: a reason, then the clear value in this view only (component state, never the query cache).
import { useState } from 'react';
import { Button, Form, Input, Modal, Typography } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { revealField, type RevealField } from '../../api/residents.ts';
import { useProblem } from '../../api/forms.ts';
import { useActor } from '../../api/session.ts';
import { useI18n } from '../../i18n/index.tsx';

export type { RevealField };

/**
 * A masked value with a 查看 button for holders of resident.reveal (checked here, so every page
 * asks the same); `allowed: false` when there is nothing to reveal. `render` shows the revealed value.
 */
export function Reveal({
  residentId,
  field,
  masked,
  fieldLabel,
  allowed = true,
  render,
}: {
  residentId: string;
  field: RevealField;
  masked: React.ReactNode;
  fieldLabel: string;
  allowed?: boolean;
  render?: (value: unknown) => React.ReactNode;
}) {
  const { t } = useI18n();
  const mayReveal = useActor().permissions.includes('resident.reveal');
  const [value, setValue] = useState<{ v: unknown } | null>(null);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const showProblem = useProblem();

  if (value) return <>{render ? render(value.v) : <Typography.Text copyable>{String(value.v ?? '—')}</Typography.Text>}</>;

  const submit = async ({ reason }: { reason: string }) => {
    setBusy(true);
    try {
      const res = await revealField(residentId, field, reason);
      setValue({ v: res.value });
      setAsking(false);
    } catch (e) {
      showProblem(e, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {masked}
      {allowed && mayReveal && (
        <Button
          type="link"
          size="small"
          icon={<EyeOutlined aria-hidden />}
          aria-label={`${t('res.reveal')}${fieldLabel}`}
          onClick={() => setAsking(true)}
        >
          {t('res.reveal')}
        </Button>
      )}
      {asking && (
        <Modal
          open
          title={`${t('res.revealTitle')} · ${fieldLabel}`}
          onCancel={() => setAsking(false)}
          okText={t('res.reveal')}
          cancelText={t('cancel')}
          confirmLoading={busy}
          onOk={() => form.submit()}
          destroyOnHidden
        >
          <Typography.Paragraph type="secondary">{t('res.revealHint')}</Typography.Paragraph>
          <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
            <Form.Item label={t('res.revealReason')} name="reason" rules={[{ required: true, min: 2, message: t('reveal.reason') }]}>
              <Input maxLength={200} autoFocus />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </>
  );
}
