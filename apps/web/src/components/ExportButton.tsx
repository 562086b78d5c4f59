import { useState } from 'react';
import { App, Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { Query } from '../api/client.ts';
import { downloadExport } from '../api/exports.ts';
import { useI18n } from '../i18n/index.tsx';

/** "导出 Excel": the same list query with format=xlsx, saved as a file. */
export function ExportButton({
  path,
  query,
  filename,
  direct,
}: {
  path: string;
  query: Query;
  filename: string;
  /** The path is an xlsx endpoint already (no `format=xlsx`). */
  direct?: boolean;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      icon={<DownloadOutlined aria-hidden />}
      loading={busy}
      onClick={async () => {
        setBusy(true);
        try {
          await downloadExport(path, query, filename, direct);
        } catch (e) {
          message.error(e instanceof Error ? e.message : t('networkError'));
        } finally {
          setBusy(false);
        }
      }}
    >
      {t('export')}
    </Button>
  );
}
