// 分派责任社工: the selected rows, or all matching the list's filter, to a worker of the station.
import { useState } from 'react';
import { App, Form, Modal, Radio, Select } from 'antd';
import type { Query } from '../../api/client.ts';
import { useAssignableWorkers, useAssignResidents } from '../../api/assign.ts';
import { useI18n } from '../../i18n/index.tsx';

export function AssignModal(props: { ids: string[]; filter: Query; total: number; area?: string; onClose: (done: boolean) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const workers = useAssignableWorkers(props.area);
  const assign = useAssignResidents();
  const [workerId, setWorkerId] = useState<string>();
  const [scope, setScope] = useState<'selected' | 'filter'>(props.ids.length ? 'selected' : 'filter');

  const submit = async () => {
    if (!workerId) return;
    const { page: _p, pageSize: _s, sort: _o, ...filter } = props.filter;
    try {
      const r = await assign.mutateAsync(scope === 'selected' ? { workerId, ids: props.ids } : { workerId, filter });
      void message.success(t('assign.done', { changed: r.changed, matched: r.matched, name: r.workerName }));
      props.onClose(true);
    } catch (e) {
      void message.error((e as Error).message);
    }
  };

  return (
    <Modal
      open
      title={t('assign.title')}
      okButtonProps={{ disabled: !workerId, loading: assign.isPending }}
      onOk={() => void submit()}
      onCancel={() => props.onClose(false)}
    >
      <Form layout="vertical">
        <Form.Item label={t('assign.scope')}>
          <Radio.Group value={scope} onChange={(e) => setScope(e.target.value as 'selected' | 'filter')}>
            <Radio value="selected" disabled={!props.ids.length}>
              {t('assign.scope.selected', { n: props.ids.length })}
            </Radio>
            <Radio value="filter">{t('assign.scope.filter', { n: props.total })}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item label={t('assign.workerLabel')} required>
          <Select
            aria-label={t('assign.workerLabel')}
            placeholder={t('assign.pickWorker')}
            loading={workers.isPending}
            showSearch={{ optionFilterProp: 'label' }}
            value={workerId}
            onChange={setWorkerId}
            options={(workers.data?.items ?? []).map((w) => ({ value: w.id, label: `${w.displayName}（${w.username}）` }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
