// 登记微心愿 (a new draft for a resident) or edit a draft or returned one (with its version): the
// resident, what is needed and why, the category (code list wish_category), the value asked in
// yuan and sent in fen, the deadline and up to six photos of the need (staff only, never public).
import { DatePicker, Form, Input, InputNumber, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { wishCreateBody, wishUpdateBody } from '@wushe/core';
import { useCodeLabels } from '../../api/settings.ts';
import { useCreateWish, useUpdateWish, type Wish } from '../../api/wishes.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { businessToday, inYuan } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ResidentPicker } from '../groups/ResidentPicker.tsx';
import { PhotoField } from './PhotoField.tsx';

type Values = {
  residentId?: string;
  title?: string;
  need?: string;
  reason?: string;
  category?: string;
  valueFen?: number | null;
  deadline?: Dayjs | null;
  photoIds?: string[];
};

/** Deadlines before today are refused by the server; the calendar greys them out. */
export const pastDay = (d: Dayjs) => d.isBefore(businessToday(), 'day');

export function WishForm({
  wish,
  resident,
  onClose,
  onSaved,
}: {
  wish?: Wish;
  /** Recording for a resident already chosen (the profile page). */
  resident?: { id: string; name: string };
  onClose: () => void;
  onSaved?: (w: Wish) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const categories = useCodeLabels('wish_category');
  const create = useCreateWish();
  const update = useUpdateWish(wish?.id ?? '');
  const fixed = wish ? { name: wish.residentName } : resident;
  // Blank fields go as '' so the schema answers "required" on them rather than a type error.
  const toInput = (v: Values) => ({
    ...(wish ? { version: wish.version } : { residentId: resident?.id ?? v.residentId ?? '' }),
    title: v.title ?? '',
    need: v.need ?? '',
    reason: v.reason?.trim() ? v.reason : null,
    category: v.category ?? '',
    valueFen: v.valueFen ?? 0,
    deadline: v.deadline ? v.deadline.format('YYYY-MM-DD') : '',
    photoIds: v.photoIds ?? [],
  });
  const initialValues: Values = wish
    ? { ...wish, reason: wish.reason ?? undefined, deadline: dayjs(wish.deadline) }
    : { valueFen: 0, photoIds: [], deadline: businessToday().add(30, 'day') };
  return (
    <FormDrawer
      title={wish ? t('wi.edit') : t('wi.new')}
      form={form}
      schema={wish ? wishUpdateBody : wishCreateBody}
      toInput={toInput}
      save={(wish ? update : create) as never}
      onClose={onClose}
      onSaved={onSaved}
      initialValues={initialValues}
    >
      {fixed ? (
        <Form.Item label={t('wi.resident')}>
          <Typography.Text strong>{fixed.name}</Typography.Text>
        </Form.Item>
      ) : (
        <Form.Item name="residentId" label={t('wi.resident')} rules={[{ required: true, message: t('field.required') }]}>
          <ResidentPicker single />
        </Form.Item>
      )}
      <Typography.Paragraph type="secondary">{t('wi.publicHint')}</Typography.Paragraph>
      <Form.Item name="title" label={t('wi.title')} required>
        <Input maxLength={40} placeholder={t('wi.titlePlaceholder')} />
      </Form.Item>
      <Form.Item name="need" label={t('wi.need')} required>
        <Input.TextArea rows={4} maxLength={500} showCount />
      </Form.Item>
      <Form.Item name="reason" label={t('wi.reason')} extra={t('wi.reasonHint')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Form.Item name="category" label={t('wi.category')} required>
        <Select options={categories.options} loading={categories.loading} />
      </Form.Item>
      <Form.Item name="valueFen" label={t('wi.valueYuan')} {...inYuan}>
        <InputNumber min={0} max={100_000} step={10} precision={2} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="deadline" label={t('wi.deadline')} required>
        <DatePicker disabledDate={pastDay} />
      </Form.Item>
      <Form.Item name="photoIds" label={t('wi.photos')} extra={t('wi.photosHint')}>
        <PhotoField max={6} />
      </Form.Item>
    </FormDrawer>
  );
}
