// 完成跟进: what was done (required) and, optionally, the contact recorded for it.
import { useState } from 'react';
import { App, Form, Input, Modal, Select } from 'antd';
import { CONTACT_KIND_LABELS, followUpComplete } from '@wushe/core';
import { useContacts } from '../../api/contacts.ts';
import { type FollowUp, useCompleteFollowUp } from '../../api/followups.ts';
import { ApiError } from '../../api/client.ts';
import { useProblem, validateWith } from '../../api/forms.ts';
import { useI18n } from '../../i18n/index.tsx';
import { formatDateTime } from '../../fmt.ts';

interface Values {
  outcome?: string;
  contactId?: string;
}

export function CompleteModal({ task, onClose }: { task: FollowUp; onClose: () => void }) {
  const { t, label, lang } = useI18n();
  const { message } = App.useApp();
  const complete = useCompleteFollowUp(task);
  const showProblem = useProblem();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const contacts = useContacts(task.residentId, 1);

  const submit = async (values: Values) => {
    const body = validateWith(followUpComplete, { outcome: values.outcome ?? '', contactId: values.contactId ?? null }, form, lang);
    if (!body) return;
    setSaving(true);
    try {
      await complete.mutateAsync(body);
      message.success(t('fu.completed'));
      onClose();
    } catch (e) {
      showProblem(e, form);
      // Someone else completed it meanwhile: the hook refreshed the list; show it as it is now.
      if (e instanceof ApiError && e.status === 409) onClose();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={`${t('fu.completeTitle')} · ${task.residentName}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('fu.complete')}
      cancelText={t('cancel')}
      confirmLoading={saving}
      destroyOnHidden
    >
      <p style={{ color: 'rgba(0,0,0,0.45)' }}>{task.reason}</p>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item label={t('fu.outcome')} name="outcome" rules={[{ required: true, whitespace: true, message: t('followUp.outcome') }]}>
          <Input.TextArea rows={4} maxLength={500} showCount placeholder={t('fu.outcomePlaceholder')} />
        </Form.Item>
        <Form.Item label={t('fu.contact')} name="contactId">
          <Select
            allowClear
            loading={contacts.isPending}
            options={(contacts.data?.items ?? []).map((c) => ({
              value: c.id,
              label: `${formatDateTime(c.occurredAt)} · ${label(CONTACT_KIND_LABELS[c.kind])}${c.workerName ? ` · ${c.workerName}` : ''}`,
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
