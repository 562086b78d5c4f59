// The visit checklist inside the contact form: one line per active item of the visit_checklist
// code list (not checked / nothing found / found), and a note when something was found.
import { Form, Input, Radio, type FormInstance } from 'antd';
import { useCodeLabels } from '../../api/settings.ts';
import { useI18n } from '../../i18n/index.tsx';

export type ChecklistState = 'unchecked' | 'ok' | 'found';
export type ChecklistValues = Record<string, { state?: ChecklistState; note?: string } | undefined>;

/** Form values → the API's checklist (items not checked are left out). */
export const checklistInput = (v: ChecklistValues | undefined) =>
  Object.entries(v ?? {})
    .filter(([, e]) => e?.state === 'ok' || e?.state === 'found')
    .map(([item, e]) => ({ item, flagged: e!.state === 'found', note: e!.state === 'found' ? e!.note?.trim() || null : null }));

export function ChecklistFields({ form }: { form: FormInstance }) {
  const { t } = useI18n();
  const items = useCodeLabels('visit_checklist');
  const values = Form.useWatch('checklist', form) as ChecklistValues | undefined;
  if (!items.options.length) return null;
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }} data-testid="visit-checklist">
      <legend style={{ fontSize: 14, marginBottom: 8 }}>{t('contact.checklist')}</legend>
      {items.options.map((o) => (
        <div key={o.value}>
          <Form.Item label={o.label} name={['checklist', o.value, 'state']} initialValue="unchecked" style={{ marginBottom: 8 }}>
            <Radio.Group
              optionType="button"
              size="small"
              options={[
                { value: 'unchecked', label: t('contact.checkUnchecked') },
                { value: 'ok', label: t('contact.checkOk') },
                { value: 'found', label: t('contact.checkFound') },
              ]}
            />
          </Form.Item>
          {values?.[o.value]?.state === 'found' && (
            <Form.Item
              name={['checklist', o.value, 'note']}
              rules={[{ required: true, whitespace: true, message: t('contact.checkNoteRequired') }]}
              style={{ marginTop: -4 }}
            >
              <Input.TextArea
                rows={2}
                maxLength={500}
                placeholder={t('contact.checkNote')}
                aria-label={`${o.label} ${t('contact.checkNote')}`}
              />
            </Form.Item>
          )}
        </div>
      ))}
    </fieldset>
  );
}
