// 发起一呼百应: a title and one or more needs (what, skills from the volunteer_skill list, the
// community, where to meet, when, how many people), validated with the core schema. The
// server's field errors name a need (needs.1.areaCode) and land on that need's field.
import { Button, DatePicker, Flex, Form, Grid, Input, InputNumber, Select, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { mobilisationBody } from '@wushe/core';
import { ApiError } from '../../api/client.ts';
import { applyFieldErrors } from '../../api/forms.ts';
import { useCreateMobilisation, type Mobilisation } from '../../api/mobilisations.ts';
import { useActor } from '../../api/session.ts';
import { useCodeLabels } from '../../api/settings.ts';
import { AreaPicker } from '../../components/AreaPicker.tsx';
import { FormDrawer, type DrawerSave } from '../../components/FormDrawer.tsx';
import { businessToday } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';

type NeedValues = { title?: string; skills?: string[]; areaCode?: string; place?: string; window?: [Dayjs, Dayjs]; slots?: number };
type Values = { title?: string; needs?: NeedValues[] };
type Body = Record<string, unknown>;

const MAX_NEEDS = 20;
/** A community's code: 12 digits, not a street's own (…000). */
const isCommunity = (code: string) => /^\d{12}$/.test(code) && !code.endsWith('000');

const toInput = (v: Values) => ({
  title: v.title ?? '',
  needs: (v.needs ?? []).map((n) => ({
    title: n.title ?? '',
    skills: n.skills ?? [],
    areaCode: n.areaCode ?? '',
    place: n.place ?? '',
    startsAt: n.window?.[0]?.toISOString() ?? '',
    endsAt: n.window?.[1]?.toISOString() ?? '',
    slots: n.slots ?? 0,
  })),
});

export function MobilisationForm({ onClose, onSaved }: { onClose: () => void; onSaved: (m: Mobilisation) => void }) {
  const { t } = useI18n();
  const actor = useActor();
  const phone = !Grid.useBreakpoint().md;
  const [form] = Form.useForm<Values>();
  const skills = useCodeLabels('volunteer_skill');
  const create = useCreateMobilisation();
  const text = [
    { required: true, whitespace: true, message: t('field.required') },
    { min: 2, message: t('mob.min2') },
  ];
  const required = [{ required: true, message: t('field.required') }];
  const firstNeed: NeedValues = { slots: 1, skills: [], areaCode: isCommunity(actor.area.code) ? actor.area.code : undefined };

  // A need's time is one field here, two in the API: its errors go to the range.
  const save: DrawerSave<Body, Mobilisation> = {
    isPending: create.isPending,
    mutate: (body, { onSuccess, onError }) =>
      create.mutate(body, {
        onSuccess,
        onError: (e) => {
          if (!(e instanceof ApiError && e.problem.errors?.length)) return onError(e);
          applyFieldErrors(
            form,
            e.problem.errors.map((x) => ({ ...x, path: x.path.replace(/\.(startsAt|endsAt)$/, '.window') })),
          );
          // The drawer then shows the message only (its own mapping would mark the whole list).
          onError(new ApiError({ ...e.problem, errors: undefined }));
        },
      }),
  };

  return (
    <FormDrawer<Values, typeof mobilisationBody, Mobilisation>
      title={t('mob.new')}
      form={form}
      schema={mobilisationBody}
      toInput={toInput}
      save={save}
      savedText={t('mob.created')}
      onClose={onClose}
      onSaved={onSaved}
      initialValues={{ needs: [firstNeed] }}
    >
      <Typography.Paragraph type="secondary">{t('mob.formHint')}</Typography.Paragraph>
      <Form.Item label={t('mob.title')} name="title" rules={text}>
        <Input maxLength={60} placeholder={t('mob.titlePlaceholder')} />
      </Form.Item>
      <Form.List name="needs">
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((f, i) => (
              <div
                key={f.key}
                role="group"
                aria-label={t('mob.need', { n: i + 1 })}
                style={{ borderLeft: '3px solid #d9d9d9', paddingLeft: 12, marginBottom: 16 }}
              >
                <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
                  <Typography.Text strong>{t('mob.need', { n: i + 1 })}</Typography.Text>
                  {fields.length > 1 && (
                    <Button
                      type="text"
                      danger
                      aria-label={t('mob.removeNeed', { n: i + 1 })}
                      icon={<MinusCircleOutlined aria-hidden />}
                      onClick={() => remove(f.name)}
                    />
                  )}
                </Flex>
                <Form.Item name={[f.name, 'title']} label={t('mob.needTitle')} rules={text}>
                  <Input maxLength={40} placeholder={t('mob.needTitlePlaceholder')} />
                </Form.Item>
                <Form.Item name={[f.name, 'skills']} label={t('mob.skills')} extra={t('mob.skillsHint')}>
                  <Select mode="multiple" maxCount={6} options={skills.options} loading={skills.loading} optionFilterProp="label" />
                </Form.Item>
                <Form.Item name={[f.name, 'areaCode']} label={t('mob.community')} rules={required} extra={t('vol.communityHint')}>
                  <AreaPicker allowClear={false} selectableLevels={['community']} />
                </Form.Item>
                <Form.Item name={[f.name, 'place']} label={t('mob.place')} rules={text}>
                  <Input maxLength={100} />
                </Form.Item>
                <Form.Item name={[f.name, 'window']} label={t('mob.time')} rules={required}>
                  <DatePicker.RangePicker
                    showTime={{ format: 'HH:mm' }}
                    format="YYYY-MM-DD HH:mm"
                    style={{ width: '100%' }}
                    inputReadOnly={phone}
                    disabledDate={(d) => d.isBefore(businessToday(), 'day')}
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'slots']} label={t('mob.slots')} rules={required}>
                  <InputNumber min={1} max={200} precision={0} style={{ width: 120 }} />
                </Form.Item>
              </div>
            ))}
            <Form.ErrorList errors={errors} />
            {fields.length < MAX_NEEDS && (
              <Button type="dashed" block icon={<PlusOutlined aria-hidden />} onClick={() => add({ slots: 1, skills: [] })}>
                {t('mob.addNeed')}
              </Button>
            )}
          </>
        )}
      </Form.List>
    </FormDrawer>
  );
}
