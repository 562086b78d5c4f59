// 转派 (head only): the case to another worker of the resident's station, with a handover note
// that goes on the timeline.
import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { caseReassign } from '@wushe/core';
import { useAssignableWorkers } from '../../api/assign.ts';
import { useReassignCase, type CaseDetail } from '../../api/cases.ts';
import { useProblem, validateWith } from '../../api/forms.ts';
import { useI18n } from '../../i18n/index.tsx';

interface Values {
  workerId?: string;
  note?: string;
}

export function ReassignModal({ c, onClose }: { c: CaseDetail; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const showProblem = useProblem();
  const workers = useAssignableWorkers(c.areaCode);
  const reassign = useReassignCase(c.id);
  const [form] = Form.useForm<Values>();

  const submit = (v: Values) => {
    const body = validateWith(caseReassign, { version: c.version, workerId: v.workerId ?? '', note: v.note ?? '' }, form, lang);
    if (!body) return;
    reassign.mutate(body, {
      onSuccess: (r) => {
        message.success(t('cs.reassigned', { name: r.workerName }));
        onClose();
      },
      onError: (e) => showProblem(e, form),
    });
  };

  return (
    <Modal
      open
      title={`${t('cs.reassignTitle')} · ${c.caseNo}`}
      okText={t('cs.reassign')}
      cancelText={t('cancel')}
      confirmLoading={reassign.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {c.residentName} · {t('cs.col.worker')}: {c.workerName}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item label={t('cs.reassignTo')} name="workerId" rules={[{ required: true, message: t('cs.pickWorker') }]}>
          <Select
            placeholder={t('cs.pickWorker')}
            loading={workers.isPending}
            showSearch={{ optionFilterProp: 'label' }}
            options={(workers.data?.items ?? [])
              .filter((w) => w.id !== c.workerId)
              .map((w) => ({ value: w.id, label: `${w.displayName}（${w.username}）` }))}
          />
        </Form.Item>
        <Form.Item label={t('cs.handover')} name="note" rules={[{ required: true, whitespace: true, message: t('field.required') }]}>
          <Input.TextArea rows={4} maxLength={1000} showCount placeholder={t('cs.handoverPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
