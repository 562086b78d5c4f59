// 批量登记: the wishes a needs survey collected, several residents in one form (one row each:
// the resident, the wish, its category and value), one deadline for all. Saved all or none as
// drafts; a row the server refuses gets its error under items.N.
import { Button, DatePicker, Form, Input, InputNumber, Select, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { wishBatchBody } from '@wushe/core';
import { ApiError } from '../../api/client.ts';
import { applyFieldErrors } from '../../api/forms.ts';
import { useCodeLabels } from '../../api/settings.ts';
import { useCreateWishBatch } from '../../api/wishes.ts';
import { FormDrawer, type DrawerSave } from '../../components/FormDrawer.tsx';
import { businessToday, inYuan } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ResidentPicker } from '../groups/ResidentPicker.tsx';
import { pastDay } from './WishForm.tsx';

type Row = { residentId?: string; title?: string; need?: string; category?: string; valueFen?: number | null };
type Values = { deadline?: Dayjs | null; items: Row[] };
type Batch = { ids: string[]; count: number };

export function WishBatchForm({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const categories = useCodeLabels('wish_category');
  const batch = useCreateWishBatch();
  const required = [{ required: true, whitespace: true, message: t('field.required') }];
  const toInput = (v: Values) => ({
    items: (v.items ?? []).map((r) => ({
      residentId: r.residentId ?? '',
      title: r.title ?? '',
      need: r.need ?? '',
      reason: null,
      category: r.category ?? '',
      valueFen: r.valueFen ?? 0,
      deadline: v.deadline ? v.deadline.format('YYYY-MM-DD') : '',
      photoIds: [],
    })),
  });
  // The server's errors name rows (items.3.title): each lands on its own field.
  const save: DrawerSave<{ items: Record<string, unknown>[] }, Batch> = {
    isPending: batch.isPending,
    mutate: (body, { onSuccess, onError }) =>
      batch.mutate(body, {
        onSuccess,
        onError: (e) => {
          if (!(e instanceof ApiError && e.problem.errors?.length)) return onError(e);
          applyFieldErrors(form, e.problem.errors);
          // The drawer then shows the message only (its own mapping would mark the whole list).
          onError(new ApiError({ ...e.problem, errors: undefined }));
        },
      }),
  };
  return (
    <FormDrawer<Values, typeof wishBatchBody, Batch>
      title={t('wi.batch')}
      form={form}
      schema={wishBatchBody}
      toInput={toInput}
      save={save}
      savedText={t('wi.batchSaved')}
      onClose={onClose}
      initialValues={{ deadline: businessToday().add(30, 'day'), items: [{ valueFen: 0 }] }}
    >
      <Typography.Paragraph type="secondary">{t('wi.batchHint')}</Typography.Paragraph>
      <Form.Item name="deadline" label={t('wi.deadline')} rules={[{ required: true, message: t('field.required') }]}>
        <DatePicker disabledDate={pastDay} />
      </Form.Item>
      <Form.List name="items">
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((f, i) => (
              <div
                key={f.key}
                role="group"
                aria-label={t('wi.batchRow', { n: i + 1 })}
                style={{ borderLeft: '3px solid #d9d9d9', paddingLeft: 12, marginBottom: 16 }}
              >
                <Typography.Text strong>{t('wi.batchRow', { n: i + 1 })}</Typography.Text>
                <Form.Item
                  name={[f.name, 'residentId']}
                  label={t('wi.resident')}
                  rules={[{ required: true, message: t('field.required') }]}
                >
                  <ResidentPicker single />
                </Form.Item>
                <Form.Item name={[f.name, 'title']} label={t('wi.title')} rules={required}>
                  <Input maxLength={40} placeholder={t('wi.titlePlaceholder')} />
                </Form.Item>
                <Form.Item name={[f.name, 'need']} label={t('wi.need')} rules={required}>
                  <Input.TextArea rows={2} maxLength={500} />
                </Form.Item>
                <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'flex-start' }}>
                  <Form.Item
                    name={[f.name, 'category']}
                    label={t('wi.category')}
                    rules={[{ required: true, message: t('field.required') }]}
                  >
                    <Select options={categories.options} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'valueFen']} label={t('wi.valueYuan')} {...inYuan}>
                    <InputNumber min={0} max={100_000} step={10} precision={2} style={{ width: 140 }} />
                  </Form.Item>
                  {fields.length > 1 && (
                    <Button
                      type="text"
                      danger
                      aria-label={t('wi.batchRemove', { n: i + 1 })}
                      icon={<MinusCircleOutlined aria-hidden />}
                      onClick={() => remove(f.name)}
                      style={{ marginTop: 30 }}
                    />
                  )}
                </div>
              </div>
            ))}
            <Form.ErrorList errors={errors} />
            {fields.length < 50 && (
              <Button type="dashed" block icon={<PlusOutlined aria-hidden />} onClick={() => add({ valueFen: 0 })}>
                {t('wi.batchAdd')}
              </Button>
            )}
          </>
        )}
      </Form.List>
    </FormDrawer>
  );
}
