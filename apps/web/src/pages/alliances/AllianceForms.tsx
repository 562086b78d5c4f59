// The alliance page's drawers: add a member base (an organisation, or an outside one typed with
// its area code), record a joint event, share a training (on the platform by id, or typed).
import { DatePicker, Form, Input, InputNumber, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { allianceEventBody, allianceMemberBody, allianceTrainingBody } from '@wushe/core';
import { useAddToAlliance, type Alliance } from '../../api/alliances.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { businessToday } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { OrgSelect } from '../users/OrgSelect.tsx';

const day = (d?: Dayjs | null) => d?.format('YYYY-MM-DD');
type Props = { alliance: Alliance; onClose: () => void };

function HostSelect({ alliance, ...rest }: { alliance: Alliance; value?: string; onChange?: (v: string | null) => void }) {
  const current = alliance.memberList.filter((m) => !m.leftOn);
  return <Select allowClear {...rest} options={current.map((m) => ({ value: m.id, label: m.name }))} />;
}

export function MemberForm({ alliance, onClose }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<{
    orgId?: string | null;
    name?: string;
    areaCode?: string;
    areaName?: string;
    joinedOn?: Dayjs;
    note?: string;
  }>();
  const save = useAddToAlliance(alliance.id, 'members');
  return (
    <FormDrawer
      title={t('al.addMember')}
      form={form}
      schema={allianceMemberBody}
      toInput={(v) => ({ ...v, areaCode: v.areaCode || undefined, joinedOn: day(v.joinedOn) })}
      save={save}
      onClose={onClose}
      initialValues={{ joinedOn: businessToday() }}
    >
      <Typography.Paragraph type="secondary">{t('al.memberHint')}</Typography.Paragraph>
      <Form.Item name="orgId" label={t('al.memberOrg')}>
        <OrgSelect />
      </Form.Item>
      <Form.Item name="name" label={t('al.memberName')}>
        <Input />
      </Form.Item>
      <Form.Item name="areaCode" label={t('al.memberArea')}>
        <Input inputMode="numeric" maxLength={12} />
      </Form.Item>
      <Form.Item name="areaName" label={t('al.memberPlace')}>
        <Input />
      </Form.Item>
      <Form.Item name="joinedOn" label={t('al.joinedOn')} required>
        <DatePicker />
      </Form.Item>
      <Form.Item name="note" label={t('al.notes')}>
        <Input />
      </Form.Item>
    </FormDrawer>
  );
}

export function EventForm({ alliance, onClose }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<{
    title: string;
    heldOn?: Dayjs;
    place: string;
    hostMemberId?: string;
    participants: number;
    notes?: string;
  }>();
  const save = useAddToAlliance(alliance.id, 'events');
  return (
    <FormDrawer
      title={t('al.addEvent')}
      form={form}
      schema={allianceEventBody}
      toInput={(v) => ({ ...v, title: v.title ?? '', place: v.place ?? '', heldOn: day(v.heldOn) })}
      save={save}
      onClose={onClose}
      initialValues={{ heldOn: businessToday(), participants: 0 }}
    >
      <Form.Item name="title" label={t('al.eventTitle')} required>
        <Input />
      </Form.Item>
      <Form.Item name="heldOn" label={t('al.heldOn')} required>
        <DatePicker />
      </Form.Item>
      <Form.Item name="place" label={t('al.place')} required>
        <Input />
      </Form.Item>
      <Form.Item name="hostMemberId" label={t('al.host')}>
        <HostSelect alliance={alliance} />
      </Form.Item>
      <Form.Item name="participants" label={t('al.participants')} required>
        <InputNumber min={0} max={100000} />
      </Form.Item>
      <Form.Item name="notes" label={t('al.notes')}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormDrawer>
  );
}

export function TrainingForm({ alliance, onClose }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ trainingId?: string; title?: string; heldOn?: Dayjs; hostMemberId?: string; note?: string }>();
  const save = useAddToAlliance(alliance.id, 'trainings');
  return (
    <FormDrawer
      title={t('al.addTraining')}
      form={form}
      schema={allianceTrainingBody}
      toInput={(v) => ({ ...v, trainingId: v.trainingId?.trim() || null, heldOn: day(v.heldOn) ?? null })}
      save={save}
      onClose={onClose}
    >
      <Form.Item name="title" label={t('al.trainingTitle')}>
        <Input />
      </Form.Item>
      <Form.Item name="trainingId" label={t('al.trainingId')}>
        <Input />
      </Form.Item>
      <Form.Item name="heldOn" label={t('al.heldOn')}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="hostMemberId" label={t('al.host')}>
        <HostSelect alliance={alliance} />
      </Form.Item>
      <Form.Item name="note" label={t('al.notes')}>
        <Input />
      </Form.Item>
    </FormDrawer>
  );
}
