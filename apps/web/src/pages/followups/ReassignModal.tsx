// 转派: an open follow-up to another worker of the resident's station (resident.assign); the new
// assignee hears of it in the bell.
import { useState } from 'react';
import { App, Form, Modal, Select, Typography } from 'antd';
import { useAssignableWorkers, useReassignFollowUp } from '../../api/assign.ts';
import { ApiError } from '../../api/client.ts';
import type { FollowUp } from '../../api/followups.ts';
import { useProblem } from '../../api/forms.ts';
import { useI18n } from '../../i18n/index.tsx';

export function ReassignModal({ task, onClose }: { task: FollowUp; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showProblem = useProblem();
  const workers = useAssignableWorkers(task.areaCode);
  const reassign = useReassignFollowUp(task.id);
  const [assignedTo, setAssignedTo] = useState<string>();
  const [tried, setTried] = useState(false);

  const submit = async () => {
    setTried(true);
    if (!assignedTo) return;
    try {
      const r = await reassign.mutateAsync({ assignedTo });
      void message.success(t('fu.reassigned', { name: r.assignedToName ?? '—' }));
      onClose();
    } catch (e) {
      showProblem(e);
      // Completed meanwhile (409): the hook refreshed the lists; close so they show it as it is.
      if (e instanceof ApiError && e.status === 409) onClose();
    }
  };

  return (
    <Modal
      open
      title={`${t('fu.reassign')} · ${task.residentName}`}
      okText={t('fu.reassign')}
      cancelText={t('cancel')}
      okButtonProps={{ loading: reassign.isPending }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {task.reason}
        <br />
        {t('fu.assigned')}: {task.assignedToName ?? '—'}
      </Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item
          label={t('fu.reassignTo')}
          htmlFor="reassign-to"
          required
          validateStatus={tried && !assignedTo ? 'error' : undefined}
          help={tried && !assignedTo ? t('fu.reassignPick') : undefined}
        >
          <Select
            id="reassign-to"
            placeholder={t('assign.pickWorker')}
            loading={workers.isPending}
            showSearch={{ optionFilterProp: 'label' }}
            value={assignedTo}
            onChange={setAssignedTo}
            options={(workers.data?.items ?? [])
              .filter((w) => w.id !== task.assignedTo)
              .map((w) => ({ value: w.id, label: `${w.displayName}（${w.username}）` }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
