import { Form, Input } from 'antd';
import { gridCreateBody, type Area } from '@wushe/core';
import { useCreateGrid } from '../../api/areas.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { useI18n } from '../../i18n/index.tsx';

interface Values {
  name: string;
  suffix: string;
}

/** 新增网格: a grid under a community; its code is the community code plus a suffix. */
export function GridForm({ parent, onClose, onCreated }: { parent: Area; onClose: () => void; onCreated: (a: Area) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const create = useCreateGrid();

  return (
    <FormDrawer<Values, typeof gridCreateBody, Area>
      title={`${t('areas.addGrid')} · ${parent.name}`}
      form={form}
      schema={gridCreateBody}
      toInput={(values) => ({ ...values, parentCode: parent.code })}
      save={create}
      savedText={t('areas.gridCreated')}
      onSaved={onCreated}
      onClose={onClose}
    >
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
    </FormDrawer>
  );
}
