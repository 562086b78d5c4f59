// Drafting an agreement: its kind decides the sides (一校两社: school, agency, community; 结对共建:
// agency, community); each side is typed by name or chosen among the scope's organisations; the
// deliverables say which side promises what, how many and by when.
import { Button, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import {
  PARTNERSHIP_KIND_LABELS,
  PARTNERSHIP_KINDS,
  PARTY_ROLE_LABELS,
  ROLES_OF_KIND,
  partnershipBody,
  type PartnershipKind,
} from '@wushe/core';
import { useCreatePartnership, type Partnership } from '../../api/alliances.ts';
import { useActor } from '../../api/session.ts';
import { AreaPicker } from '../../components/AreaPicker.tsx';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { OrgSelect } from '../users/OrgSelect.tsx';

type Values = {
  kind: PartnershipKind;
  title: string;
  areaCode: string;
  startOn?: Dayjs;
  endOn?: Dayjs | null;
  terms?: string;
  parties: { name?: string; orgId?: string | null }[];
  deliverables?: { party: number; what: string; quantity: number; dueOn?: Dayjs | null }[];
};

export function PartnershipForm({ onClose, onSaved }: { onClose: () => void; onSaved: (p: Partnership) => void }) {
  const { t, label } = useI18n();
  const actor = useActor();
  const [form] = Form.useForm<Values>();
  const save = useCreatePartnership();
  const kind: PartnershipKind = Form.useWatch('kind', form) ?? 'agency_community';
  const roles = ROLES_OF_KIND[kind];
  return (
    <FormDrawer
      title={t('ps.new')}
      form={form}
      schema={partnershipBody}
      toInput={(v) => ({
        ...v,
        title: v.title ?? '',
        startOn: v.startOn?.format('YYYY-MM-DD'),
        endOn: v.endOn?.format('YYYY-MM-DD') ?? null,
        parties: ROLES_OF_KIND[v.kind].map((role, i) => ({ role, name: v.parties?.[i]?.name, orgId: v.parties?.[i]?.orgId ?? null })),
        deliverables: (v.deliverables ?? []).map((d) => ({ ...d, dueOn: d.dueOn?.format('YYYY-MM-DD') ?? null })),
      })}
      save={save}
      onClose={onClose}
      onSaved={onSaved}
      initialValues={{ kind: 'agency_community', areaCode: actor.area.code, parties: [{}, {}, {}], deliverables: [] }}
    >
      <Form.Item name="kind" label={t('ps.kind')}>
        <Select options={PARTNERSHIP_KINDS.map((k) => ({ value: k, label: label(PARTNERSHIP_KIND_LABELS[k]) }))} />
      </Form.Item>
      <Form.Item name="title" label={t('ps.title')} required>
        <Input />
      </Form.Item>
      <Form.Item name="areaCode" label={t('al.area')} required>
        <AreaPicker />
      </Form.Item>
      <Space wrap>
        <Form.Item name="startOn" label={t('ps.startOn')} required>
          <DatePicker />
        </Form.Item>
        <Form.Item name="endOn" label={t('ps.endOn')}>
          <DatePicker />
        </Form.Item>
      </Space>
      {roles.map((role, i) => (
        <Space key={role} wrap align="start">
          <Form.Item name={['parties', i, 'name']} label={t('ps.partyName', { role: label(PARTY_ROLE_LABELS[role]) })}>
            <Input style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name={['parties', i, 'orgId']} label={t('ps.partyOrg', { role: label(PARTY_ROLE_LABELS[role]) })}>
            <OrgSelect style={{ width: 220 }} />
          </Form.Item>
        </Space>
      ))}
      <Form.Item name="terms" label={t('ps.terms')}>
        <Input.TextArea rows={4} />
      </Form.Item>
      <Form.List name="deliverables">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} wrap align="start">
                <Form.Item name={[f.name, 'party']} label={t('ps.side')}>
                  <Select style={{ width: 130 }} options={roles.map((r, i) => ({ value: i, label: label(PARTY_ROLE_LABELS[r]) }))} />
                </Form.Item>
                <Form.Item name={[f.name, 'what']} label={t('ps.what')}>
                  <Input style={{ width: 200 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'quantity']} label={t('ps.quantity')}>
                  <InputNumber min={1} max={10000} />
                </Form.Item>
                <Form.Item name={[f.name, 'dueOn']} label={t('ps.dueOn')}>
                  <DatePicker />
                </Form.Item>
                <Button
                  aria-label={t('al.remove')}
                  icon={<DeleteOutlined aria-hidden />}
                  onClick={() => remove(f.name)}
                  style={{ marginTop: 30 }}
                />
              </Space>
            ))}
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ party: 0, quantity: 1 })}>
              {t('ps.addDeliverable')}
            </Button>
          </>
        )}
      </Form.List>
    </FormDrawer>
  );
}
