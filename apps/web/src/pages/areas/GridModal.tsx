import { App, Form, Input, Modal } from 'antd';
import { gridCreateBody, type Area } from '@wushe/core';
import { useCreateGrid } from '../../api/areas.ts';
import { useProblem, validateWith } from '../../api/forms.ts';
import { useI18n } from '../../i18n/index.tsx';

interface Values {
  name: string;
  suffix: string;
}

/** 新增网格: a grid under a community; its code is the community code plus a suffix. */
export function GridModal({ parent, onClose, onCreated }: { parent: Area; onClose: () => void; onCreated: (a: Area) => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const showProblem = useProblem();
  const create = useCreateGrid();

  const submit = async () => {
    // An invalid form shows its errors in place; nothing more to do here.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const body = validateWith(gridCreateBody, { ...values, parentCode: parent.code }, form, lang);
    if (!body) return;
    create.mutate(body, {
      onSuccess: (grid) => {
        message.success(t('areas.gridCreated'));
        onCreated(grid);
      },
      onError: (e) => showProblem(e, form),
    });
  };

  return (
    <Modal
      open
      title={`${t('areas.addGrid')} · ${parent.name}`}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={create.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical">
        <Form.Item label={t('areas.gridName')} name="name" rules={[{ required: true, message: t('field.required') }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item
          label={t('areas.gridSuffix')}
          name="suffix"
          rules={[{ required: true, pattern: /^\d{3}$/, message: t('areas.gridSuffix') }]}
          extra={`${parent.code} + ___`}
        >
          <Input maxLength={3} inputMode="numeric" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
