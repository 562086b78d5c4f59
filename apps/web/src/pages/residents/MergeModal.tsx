// 合并 (resident.merge): pick the record to keep by search, give a reason, confirm.
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { App, Form, Input, Modal, Select } from 'antd';
import type { ResidentDetail, ResidentSummary } from '@wushe/core';
import { useMergeResident, searchResidents } from '../../api/residents.ts';
import { useProblem } from '../../api/forms.ts';
import { useI18n } from '../../i18n/index.tsx';

export function MergeModal({ resident, onClose }: { resident: ResidentDetail; onClose: () => void }) {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const merge = useMergeResident(resident.id);
  const showProblem = useProblem();
  const [form] = Form.useForm<{ intoId: string; reason: string }>();
  const [options, setOptions] = useState<ResidentSummary[]>([]);
  const [searching, setSearching] = useState(false);

  const search = async (q: string) => {
    if (!q.trim()) return setOptions([]);
    setSearching(true);
    try {
      const res = await searchResidents(q.trim());
      setOptions(res.items.filter((r) => r.id !== resident.id));
    } finally {
      setSearching(false);
    }
  };

  const submit = ({ intoId, reason }: { intoId: string; reason: string }) => {
    const target = options.find((o) => o.id === intoId);
    modal.confirm({
      title: t('res.mergeTitle'),
      content: t('res.mergeConfirm', {
        from: `${resident.name}（${resident.idMasked}）`,
        to: `${target?.name ?? ''}（${target?.idMasked ?? ''}）`,
      }),
      okText: t('res.merge'),
      okButtonProps: { danger: true },
      cancelText: t('cancel'),
      onOk: async () => {
        try {
          await merge.mutateAsync({ intoId, version: resident.version, reason });
          message.success(t('res.merged'));
          onClose();
          navigate(`/residents/${intoId}`);
        } catch (e) {
          showProblem(e, form);
        }
      },
    });
  };

  return (
    <Modal
      open
      title={t('res.mergeTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('res.merge')}
      cancelText={t('cancel')}
      okButtonProps={{ danger: true }}
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item label={t('res.mergeInto')} name="intoId" rules={[{ required: true, message: t('field.required') }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: (q) => void search(q) }}
            loading={searching}
            placeholder={t('res.searchPlaceholder')}
            options={options.map((o) => ({ value: o.id, label: `${o.name} · ${o.idMasked} · ${o.areaName}` }))}
            notFoundContent={null}
          />
        </Form.Item>
        <Form.Item label={t('res.mergeReason')} name="reason" rules={[{ required: true, min: 2, message: t('reveal.reason') }]}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
