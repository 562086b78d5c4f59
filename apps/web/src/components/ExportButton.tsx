import { useState } from 'react';
import { App, Button, Dropdown, Form, Input, Modal, Space, Typography } from 'antd';
import { DownOutlined, DownloadOutlined } from '@ant-design/icons';
import type { Query } from '../api/client.ts';
import { downloadExport } from '../api/exports.ts';
import { useProblem } from '../api/forms.ts';
import { useI18n } from '../i18n/index.tsx';

/**
 * "导出 Excel": the same list query with format=xlsx, saved as a file. With `unmasked` (given
 * only to holders of the permission) a menu offers the unmasked export, which asks the purpose.
 */
export function ExportButton({
  path,
  query,
  filename,
  direct,
  unmasked,
}: {
  path: string;
  query: Query;
  filename: string;
  /** The path is an xlsx endpoint already (no `format=xlsx`). */
  direct?: boolean;
  /** Downloads the unmasked export with the purpose given. */
  unmasked?: (reason: string) => Promise<void>;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const showProblem = useProblem();

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    try {
      await fn();
      return true;
    } catch (e) {
      if (asking) showProblem(e, form);
      else message.error(e instanceof Error ? e.message : t('networkError'));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const masked = () => void run(() => downloadExport(path, query, filename, direct));
  if (!unmasked)
    return (
      <Button icon={<DownloadOutlined aria-hidden />} loading={busy} onClick={masked}>
        {t('export')}
      </Button>
    );
  return (
    <>
      <Space.Compact>
        <Button icon={<DownloadOutlined aria-hidden />} loading={busy} onClick={masked}>
          {t('exp.masked')}
        </Button>
        <Dropdown menu={{ items: [{ key: 'unmasked', label: t('exp.unmasked'), onClick: () => setAsking(true) }] }}>
          <Button icon={<DownOutlined aria-hidden />} aria-label={t('exp.unmasked')} />
        </Dropdown>
      </Space.Compact>
      {asking && (
        <Modal
          open
          title={t('exp.unmaskedTitle')}
          okText={t('exp.download')}
          cancelText={t('cancel')}
          confirmLoading={busy}
          onCancel={() => setAsking(false)}
          onOk={() => form.submit()}
          destroyOnHidden
        >
          <Typography.Paragraph type="warning">{t('exp.unmaskedHint')}</Typography.Paragraph>
          <Form
            form={form}
            layout="vertical"
            onFinish={async ({ reason }) => {
              if (await run(() => unmasked(reason))) setAsking(false);
            }}
          >
            <Form.Item label={t('exp.purpose')} name="reason" rules={[{ required: true, min: 2, message: t('export.reason') }]}>
              <Input maxLength={200} autoFocus />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </>
  );
}
