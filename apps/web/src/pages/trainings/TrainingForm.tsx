// A training's form: opens a new one, or edits one (title, level, capacity, share to attend,
// description; its area stays) with its version, so a stale edit answers 409.
import { Form, Input, InputNumber, Select } from 'antd';
import { TRAINING_LEVEL_LABELS, TRAINING_LEVELS, trainingCreateBody, trainingUpdateBody } from '@wushe/core';
import { useActor } from '../../api/session.ts';
import { useCreateTraining, useEditTraining, type TrainingDetail } from '../../api/trainings.ts';
import { AreaPicker } from '../../components/AreaPicker.tsx';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { useI18n } from '../../i18n/index.tsx';

type Values = { title: string; level: string; areaCode: string; capacity?: number | null; requiredShare: number; description?: string };

export function TrainingForm({
  training,
  onClose,
  onSaved,
}: {
  training?: TrainingDetail;
  onClose: () => void;
  onSaved?: (r: TrainingDetail) => void;
}) {
  const { t, label } = useI18n();
  const actor = useActor();
  const [form] = Form.useForm<Values>();
  const create = useCreateTraining();
  const edit = useEditTraining(training?.id ?? '');
  const initial = training
    ? {
        title: training.title,
        level: training.level,
        areaCode: training.areaCode,
        capacity: training.capacity,
        requiredShare: training.requiredShare,
        description: training.description ?? undefined,
      }
    : { level: 'beginner', areaCode: actor.area.code, capacity: 40, requiredShare: 0.8 };
  return (
    <FormDrawer
      title={training ? t('trw.edit') : t('trw.new')}
      form={form}
      schema={training ? trainingUpdateBody : trainingCreateBody}
      toInput={({ areaCode, ...v }) =>
        // the area is fixed once opened: an edit sends the rest with its version
        training
          ? { ...v, capacity: v.capacity ?? null, version: training.version }
          : { ...v, areaCode, capacity: v.capacity ?? null, requestId: crypto.randomUUID() }
      }
      save={training ? edit : create}
      onClose={onClose}
      onSaved={onSaved}
      initialValues={initial}
    >
      <Form.Item name="title" label={t('trw.title')} required>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="level" label={t('trw.level')} required>
        <Select options={TRAINING_LEVELS.map((l) => ({ value: l, label: label(TRAINING_LEVEL_LABELS[l]) }))} />
      </Form.Item>
      <Form.Item name="areaCode" label={t('trw.area')} required>
        <AreaPicker disabled={!!training} />
      </Form.Item>
      <Form.Item name="capacity" label={t('trw.capacity')} extra={t('trw.capacityHint')}>
        <InputNumber min={1} max={5000} />
      </Form.Item>
      <Form.Item name="requiredShare" label={t('trw.requiredShare')}>
        <Select
          options={[1, 0.9, 0.8, 0.7, 0.6, 0.5].map((v) => ({ value: v, label: `${Math.round(v * 100)}%` }))}
          style={{ width: 120 }}
        />
      </Form.Item>
      <Form.Item name="description" label={t('trw.description')}>
        <Input.TextArea rows={4} maxLength={2000} />
      </Form.Item>
    </FormDrawer>
  );
}
