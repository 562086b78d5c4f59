// 责任社工 on the resident form: for those who assign (a head); workers of the station serving
// the chosen community. A worker registering is the default on the server, so they see no field.
import { Col, Form, Select, type ColProps } from 'antd';
import { useAssignableWorkers } from '../../api/assign.ts';
import { useActor } from '../../api/session.ts';
import { useI18n } from '../../i18n/index.tsx';

export function WorkerField({ col }: { col: ColProps }) {
  const { t } = useI18n();
  const actor = useActor();
  const canAssign = actor.permissions.includes('resident.assign');
  const area = Form.useWatch<string | undefined>('areaCode');
  const workers = useAssignableWorkers(area, canAssign);
  if (!canAssign) return null;
  return (
    <Col {...col}>
      <Form.Item label={t('assign.workerLabel')} name="assignedWorkerId" normalize={(v?: string) => v ?? null}>
        <Select
          allowClear
          placeholder={t('assign.none')}
          loading={workers.isPending}
          showSearch={{ optionFilterProp: 'label' }}
          options={(workers.data?.items ?? []).map((w) => ({ value: w.id, label: w.displayName }))}
        />
      </Form.Item>
    </Col>
  );
}
