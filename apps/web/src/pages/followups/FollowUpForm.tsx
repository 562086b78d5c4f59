// 新建跟进任务: a follow-up added by hand for a resident (issue 8, item 9): what for, due by when,
// and for those who assign (a head) to which worker of the resident's station. Without a named
// worker the server gives it to the responsible worker, else the caller.
import { DatePicker, Form, Grid, Input, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { followUpCreate, type FollowUp } from '@wushe/core';
import { useAssignableWorkers, useCreateFollowUp } from '../../api/assign.ts';
import { useActor } from '../../api/session.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { businessToday } from '../../fmt.ts';

interface Values {
  reason?: string;
  dueAt?: Dayjs;
  assignedTo?: string;
}

export function FollowUpForm({
  resident,
  caseRef,
  onClose,
}: {
  resident: { id: string; name: string; areaCode: string };
  /** A task of this case (个案任务). */
  caseRef?: { id: string; caseNo: string };
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const screens = Grid.useBreakpoint();
  const canAssign = useActor().permissions.includes('resident.assign');
  const workers = useAssignableWorkers(resident.areaCode, canAssign);
  const create = useCreateFollowUp();

  const toInput = (v: Values) => ({
    residentId: resident.id,
    reason: v.reason ?? '',
    dueAt: v.dueAt?.format('YYYY-MM-DDTHH:mm:ssZ'),
    assignedTo: v.assignedTo ?? null,
    caseId: caseRef?.id,
  });

  return (
    <FormDrawer<Values, typeof followUpCreate, FollowUp>
      title={caseRef ? `${t('cs.task.new')} · ${caseRef.caseNo}` : `${t('fu.new')} · ${resident.name}`}
      form={form}
      schema={followUpCreate}
      toInput={toInput}
      save={create}
      savedText={t('fu.created')}
      onClose={onClose}
      // Three days ahead at the end of the working day; a head changes it for anything sooner.
      initialValues={{ dueAt: businessToday().add(3, 'day').hour(18) }}
    >
      <Form.Item label={t('fu.reason')} name="reason" rules={[{ required: true, whitespace: true, message: t('followUp.reason') }]}>
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
      <Form.Item
        label={t('fu.dueAt')}
        name="dueAt"
        rules={[
          { required: true, message: t('field.required') },
          {
            validator: async (_, v?: Dayjs) => {
              if (v && v.isBefore(dayjs().subtract(1, 'minute'))) throw new Error(t('followUp.dueAt'));
            },
          },
        ]}
      >
        <DatePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          style={{ width: '100%' }}
          disabledDate={(d) => d.isBefore(businessToday(), 'day')}
          inputReadOnly={!screens.md}
        />
      </Form.Item>
      {canAssign ? (
        <Form.Item label={t('fu.assignee')} name="assignedTo">
          <Select
            allowClear
            placeholder={t('fu.assigneeDefault')}
            loading={workers.isPending}
            showSearch={{ optionFilterProp: 'label' }}
            options={(workers.data?.items ?? []).map((w) => ({ value: w.id, label: `${w.displayName}（${w.username}）` }))}
          />
        </Form.Item>
      ) : (
        <Typography.Paragraph type="secondary">
          {t('fu.assignee')}: {t('fu.assigneeDefault')}
        </Typography.Paragraph>
      )}
    </FormDrawer>
  );
}
