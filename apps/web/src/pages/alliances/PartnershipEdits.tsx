// The agreement page's drawers: edit the title, period and terms while not ended (the version
// guards a stale write), and add a deliverable for one side after drafting.
import { DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { PARTY_ROLE_LABELS, deliverableBody, partnershipUpdateBody } from '@wushe/core';
import { useAddDeliverable, useEditPartnership, type Partnership } from '../../api/alliances.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { useI18n } from '../../i18n/index.tsx';

type Props = { partnership: Partnership; onClose: () => void; onConflict?: () => void };
const day = (d?: Dayjs | null) => d?.format('YYYY-MM-DD');

export function PartnershipEditForm({ partnership: p, onClose, onConflict }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ title: string; startOn?: Dayjs; endOn?: Dayjs | null; terms?: string }>();
  const save = useEditPartnership(p.id);
  return (
    <FormDrawer
      title={t('ps.edit')}
      form={form}
      schema={partnershipUpdateBody}
      toInput={(v) => ({
        title: v.title ?? '',
        startOn: day(v.startOn),
        endOn: day(v.endOn) ?? null,
        terms: v.terms ?? null,
        version: p.version,
      })}
      save={save}
      onClose={onClose}
      onConflict={onConflict}
      initialValues={{
        title: p.title,
        startOn: dayjs(p.startOn),
        endOn: p.endOn ? dayjs(p.endOn) : null,
        terms: p.terms ?? undefined,
      }}
    >
      <Form.Item name="title" label={t('ps.title')} required>
        <Input />
      </Form.Item>
      <Space wrap>
        <Form.Item name="startOn" label={t('ps.startOn')} required>
          <DatePicker />
        </Form.Item>
        <Form.Item name="endOn" label={t('ps.endOn')}>
          <DatePicker />
        </Form.Item>
      </Space>
      <Form.Item name="terms" label={t('ps.terms')}>
        <Input.TextArea rows={6} />
      </Form.Item>
    </FormDrawer>
  );
}

export function DeliverableForm({ partnership: p, onClose }: Props) {
  const { t, label } = useI18n();
  const [form] = Form.useForm<{ party?: string; what: string; quantity: number; dueOn?: Dayjs | null }>();
  const save = useAddDeliverable(p.id);
  return (
    <FormDrawer
      title={t('ps.addDeliverable')}
      form={form}
      schema={deliverableBody}
      toInput={(v) => ({ party: v.party, what: v.what ?? '', quantity: v.quantity, dueOn: day(v.dueOn) ?? null })}
      save={save}
      onClose={onClose}
      initialValues={{ party: p.parties[0]?.id, quantity: 1 }}
    >
      <Form.Item name="party" label={t('ps.side')} required>
        <Select options={p.parties.map((x) => ({ value: x.id, label: `${label(PARTY_ROLE_LABELS[x.role])} · ${x.name}` }))} />
      </Form.Item>
      <Form.Item name="what" label={t('ps.what')} required>
        <Input />
      </Form.Item>
      <Form.Item name="quantity" label={t('ps.quantity')} required>
        <InputNumber min={1} max={10000} />
      </Form.Item>
      <Form.Item name="dueOn" label={t('ps.dueOn')}>
        <DatePicker />
      </Form.Item>
    </FormDrawer>
  );
}
