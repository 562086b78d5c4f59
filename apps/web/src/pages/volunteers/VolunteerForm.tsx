// 登记志愿者 (a station's registration: active at once) or edit one, in the form drawer, validated
// with the core schemas: the real name, ID number and mobile (sealed; an edit sends them only when
// typed), the home community, skills (code list volunteer_skill), when they can serve, a note,
// and on registration the teams to join. A client-made request id makes a repeated save harmless.
import { useEffect, useMemo } from 'react';
import { Form, Input, Select } from 'antd';
import { volunteerCreateBody, volunteerUpdateBody, type Availability } from '@wushe/core';
import { useActor } from '../../api/session.ts';
import { useCodeLabels } from '../../api/settings.ts';
import { useTeams, useVolunteerEdit, type Volunteer } from '../../api/volunteers.ts';
import { AreaPicker } from '../../components/AreaPicker.tsx';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { AvailabilityField } from './AvailabilityField.tsx';

interface Values {
  name?: string;
  idNumber?: string;
  mobile?: string;
  areaCode?: string;
  skills?: string[];
  availability?: Availability | null;
  note?: string | null;
  teamIds?: string[];
}

/** A community's code: 12 digits, the last three not 000 (a street's own code). */
const isCommunity = (code: string) => /^\d{12}$/.test(code) && !code.endsWith('000');

export function VolunteerForm({
  volunteer,
  onClose,
  onSaved,
}: {
  volunteer: Volunteer | null;
  onClose: () => void;
  onSaved?: (v: Volunteer) => void;
}) {
  const { t } = useI18n();
  const actor = useActor();
  const [form] = Form.useForm<Values>();
  const { record, save, reload } = useVolunteerEdit(volunteer);
  const skills = useCodeLabels('volunteer_skill');
  const teams = useTeams({ pageSize: 100, status: 'active' }, !volunteer);
  const requestId = useMemo(() => crypto.randomUUID(), []);

  useEffect(() => {
    if (record)
      form.setFieldsValue({
        name: record.name,
        areaCode: record.areaCode,
        skills: record.skills,
        availability: record.availability,
        note: record.note,
        idNumber: undefined,
        mobile: undefined,
      });
  }, [record, form]);

  const required = [{ required: true, message: t('field.required') }];
  return (
    <FormDrawer<Values, typeof volunteerCreateBody | typeof volunteerUpdateBody, Volunteer>
      title={record ? t('vol.edit') : t('vol.new')}
      form={form}
      schema={record ? volunteerUpdateBody : volunteerCreateBody}
      toInput={({ idNumber, mobile, teamIds, note, ...v }) =>
        record
          ? {
              ...v,
              note: note ?? null,
              // Sealed values are sent only when typed (an edit leaves them as stored).
              ...(idNumber ? { idNumber } : {}),
              ...(mobile ? { mobile } : {}),
              version: record.version,
            }
          : {
              ...v,
              name: v.name ?? '',
              areaCode: v.areaCode ?? '',
              idNumber: idNumber ?? '',
              mobile: mobile ?? '',
              note: note ?? null,
              teamIds: teamIds ?? [],
              requestId,
            }
      }
      save={save}
      onConflict={reload}
      onClose={onClose}
      onSaved={onSaved}
      initialValues={{
        skills: [],
        availability: null,
        teamIds: [],
        areaCode: isCommunity(actor.area.code) ? actor.area.code : undefined,
      }}
    >
      <Form.Item label={t('vol.name')} name="name" rules={required}>
        <Input maxLength={20} autoComplete="off" />
      </Form.Item>
      <Form.Item
        label={t('vol.idNumber')}
        name="idNumber"
        rules={record ? [] : required}
        extra={record ? t('vol.sealedHint', { masked: record.idMasked ?? '—' }) : undefined}
      >
        <Input maxLength={18} autoComplete="off" />
      </Form.Item>
      <Form.Item
        label={t('vol.mobile')}
        name="mobile"
        rules={record ? [] : required}
        extra={record ? t('vol.sealedHint', { masked: record.mobileMasked }) : undefined}
      >
        <Input maxLength={11} inputMode="tel" autoComplete="off" />
      </Form.Item>
      <Form.Item label={t('vol.community')} name="areaCode" rules={required} extra={t('vol.communityHint')}>
        <AreaPicker allowClear={false} selectableLevels={['community']} />
      </Form.Item>
      <Form.Item label={t('vol.skills')} name="skills">
        <Select mode="multiple" maxCount={12} options={skills.options} loading={skills.loading} optionFilterProp="label" />
      </Form.Item>
      <Form.Item label={t('vol.availability')} name="availability">
        <AvailabilityField />
      </Form.Item>
      {!record && (
        <Form.Item label={t('vol.teams')} name="teamIds">
          <Select
            mode="multiple"
            maxCount={5}
            optionFilterProp="label"
            loading={teams.isPending}
            options={(teams.data?.items ?? []).map((x) => ({ value: x.id, label: `${x.name}（${x.areaName}）` }))}
          />
        </Form.Item>
      )}
      <Form.Item label={t('vol.note')} name="note">
        <Input.TextArea rows={2} maxLength={300} showCount />
      </Form.Item>
    </FormDrawer>
  );
}
