// The self-registration form on a phone: real name, ID number (sealed; used for the certificate
// only), home community, skills and when one can serve. The mobile is the account's, verified by
// SMS. A station confirms the registration before the volunteer can sign up or claim.
import { Button, Checkbox, Form, Input, Radio, Select, Space, TimePicker, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { publicVolunteerBody } from '@wushe/core';
import { z } from 'zod';
import { useProblem, validateDeep } from '../../api/forms.ts';
import type { PublicAccountMe } from '../../api/publicAccount.ts';
import { useRegisterVolunteer, useVolunteerOptions } from '../../api/volunteerPublic.ts';
import { useI18n } from '../../i18n/index.tsx';
import { MUTED } from '../public/PublicShell.tsx';

const required = z.string({ error: 'field.required' }).trim().min(1, { error: 'field.required' });
const filled = z.object({ name: required, idNumber: required, areaCode: required });

interface Values {
  name: string;
  idNumber: string;
  areaCode?: string;
  skills: string[];
  when: 'any' | 'some';
  availability: { weekdays: number[]; from?: Dayjs; to?: Dayjs };
}

export function VolunteerRegisterForm({ me }: { me: PublicAccountMe }) {
  const { t, label, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const options = useVolunteerOptions().data;
  const register = useRegisterVolunteer();
  const showProblem = useProblem();
  const when = Form.useWatch('when', form) ?? 'some';
  const submit = (v: Values) => {
    // Empty fields say 必填 (the body schema would call a missing ID or community malformed).
    if (!validateDeep(filled, v, form, lang)) return;
    const a = v.availability;
    const availability =
      v.when === 'any' ? null : { weekdays: a?.weekdays ?? [], from: a?.from?.format('HH:mm') ?? '', to: a?.to?.format('HH:mm') ?? '' };
    const body = validateDeep(
      publicVolunteerBody,
      { name: v.name, idNumber: v.idNumber, areaCode: v.areaCode ?? '', skills: v.skills ?? [], availability },
      form,
      lang,
    );
    if (!body) return;
    register.mutate({ body, csrf: me.csrfToken }, { onError: (e) => showProblem(e, form) });
  };
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={submit}
      requiredMark={false}
      initialValues={{
        name: me.name,
        skills: [],
        when: 'some',
        availability: { weekdays: [6, 7], from: dayjs('08:00', 'HH:mm'), to: dayjs('18:00', 'HH:mm') },
      }}
    >
      <Typography.Paragraph style={{ color: MUTED }}>{t('pv.reg.lead', { mobile: me.mobileMasked })}</Typography.Paragraph>
      <Form.Item name="name" label={t('pv.reg.name')}>
        <Input size="large" maxLength={20} autoComplete="name" />
      </Form.Item>
      <Form.Item name="idNumber" label={t('pv.reg.idNumber')} extra={t('pv.reg.idWhy')}>
        <Input size="large" maxLength={18} autoComplete="off" inputMode="text" />
      </Form.Item>
      <Form.Item name="areaCode" label={t('pv.reg.community')}>
        <Select
          size="large"
          showSearch
          optionFilterProp="label"
          placeholder={t('pv.reg.communityHint')}
          options={(options?.communities ?? []).map((c) => ({ value: c.code, label: `${c.streetName} · ${c.name}` }))}
        />
      </Form.Item>
      <Form.Item name="skills" label={t('pv.reg.skills')}>
        <Checkbox.Group options={(options?.skills ?? []).map((s) => ({ value: s.code, label: label({ zh: s.labelZh, en: s.labelEn }) }))} />
      </Form.Item>
      <Form.Item name="when" label={t('pv.reg.when')}>
        <Radio.Group
          options={[
            { value: 'some', label: t('pv.reg.someTimes') },
            { value: 'any', label: t('pv.reg.anyTime') },
          ]}
        />
      </Form.Item>
      {when === 'some' && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Form.Item name={['availability', 'weekdays']} label={t('pv.reg.weekdays')} style={{ marginBottom: 8 }}>
            <Checkbox.Group options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: t(`pv.day.${d}` as 'pv.day.1') }))} />
          </Form.Item>
          <Space wrap>
            <Form.Item name={['availability', 'from']} label={t('pv.reg.from')}>
              <TimePicker format="HH:mm" minuteStep={30} size="large" inputReadOnly />
            </Form.Item>
            <Form.Item name={['availability', 'to']} label={t('pv.reg.to')}>
              <TimePicker format="HH:mm" minuteStep={30} size="large" inputReadOnly />
            </Form.Item>
          </Space>
        </Space>
      )}
      <Button type="primary" size="large" block htmlType="submit" loading={register.isPending}>
        {t('pv.reg.submit')}
      </Button>
    </Form>
  );
}
