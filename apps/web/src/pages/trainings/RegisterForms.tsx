// Staff register someone for a training: a worker found in the register (their hours are then
// credited), or anyone by name, mobile and organisation. A full class puts them on the waiting list.
import { useState } from 'react';
import { Button, Form, Input, Select } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { registrationBody } from '@wushe/core';
import { useRegister } from '../../api/trainings.ts';
import { useWorkers } from '../../api/workforce.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { useI18n } from '../../i18n/index.tsx';

export function RegisterButtons({ trainingId, areaCode }: { trainingId: string; areaCode: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<'worker' | 'person' | null>(null);
  return (
    <>
      <Button icon={<UserAddOutlined aria-hidden />} onClick={() => setOpen('worker')}>
        {t('trw.addWorker')}
      </Button>
      <Button onClick={() => setOpen('person')}>{t('trw.addPerson')}</Button>
      {open === 'worker' && <WorkerForm trainingId={trainingId} areaCode={areaCode} onClose={() => setOpen(null)} />}
      {open === 'person' && <PersonForm trainingId={trainingId} onClose={() => setOpen(null)} />}
    </>
  );
}

function WorkerForm({ trainingId, onClose }: { trainingId: string; areaCode: string; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ workerId: string }>();
  const [q, setQ] = useState('');
  const workers = useWorkers({ q: q || undefined, pageSize: 20, status: 'active' });
  const save = useRegister(trainingId);
  return (
    <FormDrawer title={t('trw.addWorker')} form={form} schema={registrationBody} save={save} onClose={onClose}>
      <Form.Item name="workerId" label={t('trw.worker')} required>
        <Select
          showSearch
          filterOption={false}
          onSearch={setQ}
          loading={workers.isFetching}
          options={(workers.data?.items ?? []).map((w) => ({ value: w.id, label: `${w.name}（${w.orgName ?? w.areaName}）` }))}
        />
      </Form.Item>
    </FormDrawer>
  );
}

function PersonForm({ trainingId, onClose }: { trainingId: string; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ name: string; mobile: string; orgName: string }>();
  const save = useRegister(trainingId);
  return (
    <FormDrawer title={t('trw.addPerson')} form={form} schema={registrationBody} save={save} onClose={onClose}>
      <Form.Item name="name" label={t('trw.name')} required>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item name="mobile" label={t('trw.mobile')} required>
        <Input maxLength={11} inputMode="numeric" />
      </Form.Item>
      <Form.Item name="orgName" label={t('trw.orgName')} required>
        <Input maxLength={100} />
      </Form.Item>
    </FormDrawer>
  );
}
