// Importing an office's exam list: pick the file, upload, and read the per-row report (all or
// nothing: with any problem nothing is imported and every problem row is listed).
import { useState } from 'react';
import { Alert, Button, Drawer, Table, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { ImportReport } from '@wushe/core';
import { useImportExamList } from '../../api/exams.ts';
import { useI18n } from '../../i18n/index.tsx';

export function ImportDrawer({ sittingId, onClose }: { sittingId: string; onClose: () => void }) {
  const { t } = useI18n();
  const upload = useImportExamList(sittingId);
  const [report, setReport] = useState<ImportReport | null>(null);
  const problems = (report?.rows ?? []).flatMap((r) => r.errors.map((e, i) => ({ key: `${r.row}-${i}`, row: r.row, name: r.name, ...e })));
  return (
    <Drawer open title={t('ex.import')} width={640} onClose={onClose}>
      <Typography.Paragraph>{t('ex.importHint')}</Typography.Paragraph>
      <Upload
        accept=".xlsx,.csv"
        showUploadList={false}
        beforeUpload={(file) => {
          setReport(null);
          upload.mutate(file, { onSuccess: setReport });
          return false;
        }}
      >
        <Button type="primary" icon={<UploadOutlined aria-hidden />} loading={upload.isPending}>
          {t('ex.import')}
        </Button>
      </Upload>
      {upload.error && <Alert type="error" showIcon style={{ marginTop: 16 }} message={upload.error.message} />}
      {report && report.missingColumns.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 16 }}
          message={t('ex.missingColumns', { cols: report.missingColumns.join('、') })}
        />
      )}
      {report && report.imported > 0 && (
        <Alert type="success" showIcon style={{ marginTop: 16 }} message={t('ex.importDone', { n: report.imported })} />
      )}
      {report && report.failed > 0 && !report.missingColumns.length && (
        <>
          <Alert type="error" showIcon style={{ margin: '16px 0' }} message={t('ex.importFailed', { failed: report.failed })} />
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={problems}
            columns={[
              { title: t('ex.row'), dataIndex: 'row', width: 70 },
              { title: t('wf.name'), dataIndex: 'name', width: 100 },
              { title: t('ex.column'), dataIndex: 'column', width: 120 },
              { title: t('ex.problem'), dataIndex: 'message' },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
