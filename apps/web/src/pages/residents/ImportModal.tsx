// 导入: template link, Upload.Dragger, mode, then a progress bar polling the job every second
// and the counts with the downloadable report.
import { useState } from 'react';
import { Alert, App, Button, Col, Modal, Progress, Radio, Row, Space, Statistic, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useImportJob, startImport, downloadImportFile } from '../../api/residents.ts';
import { useProblem } from '../../api/forms.ts';
import { useI18n } from '../../i18n/index.tsx';

type Mode = 'all_or_nothing' | 'valid_rows';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function ImportModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showProblem = useProblem();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<Mode>('all_or_nothing');
  const [jobId, setJobId] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const job = useImportJob(jobId);
  const data = job.data;
  const finished = data?.status === 'done' || data?.status === 'failed';

  const start = async () => {
    if (!file) return;
    setSending(true);
    try {
      // Browsers label a .csv differently (text/csv, application/vnd.ms-excel …): go by the extension.
      const name = file.name.toLowerCase();
      const type = name.endsWith('.csv') ? 'text/csv' : name.endsWith('.xlsx') ? XLSX_TYPE : 'application/octet-stream';
      const created = await startImport(file, { mode }, type);
      setJobId(created.id);
    } catch (e) {
      showProblem(e);
    } finally {
      setSending(false);
    }
  };

  const close = () => onClose();

  const download = (path: string, name: string) =>
    downloadImportFile(path, name).catch((e: unknown) => message.error(e instanceof Error ? e.message : t('networkError')));

  const percent = data && data.totalRows > 0 ? Math.round((data.processedRows / data.totalRows) * 100) : 0;

  return (
    <Modal
      open
      title={t('imp.title')}
      onCancel={close}
      width={560}
      footer={
        jobId ? (
          <Space>
            {finished && (
              <Button
                onClick={() => {
                  setJobId(null);
                  setFile(null);
                }}
              >
                {t('imp.again')}
              </Button>
            )}
            <Button type="primary" onClick={close}>
              {t('confirm')}
            </Button>
          </Space>
        ) : (
          <Space>
            <Button onClick={close}>{t('cancel')}</Button>
            <Button type="primary" disabled={!file} loading={sending} onClick={() => void start()}>
              {t('imp.start')}
            </Button>
          </Space>
        )
      }
    >
      {!jobId ? (
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          <Button
            type="link"
            icon={<DownloadOutlined aria-hidden />}
            style={{ padding: 0 }}
            onClick={() => void download('/residents/import/template', 'template.xlsx')}
          >
            {t('imp.template')}
          </Button>
          <Upload.Dragger
            accept=".xlsx,.csv"
            multiple={false}
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              return false;
            }}
            onRemove={() => setFile(null)}
            fileList={file ? [{ uid: 'f', name: file.name, status: 'done' }] : []}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined aria-hidden />
            </p>
            <p className="ant-upload-text">{t('imp.drag')}</p>
          </Upload.Dragger>
          <div>
            <Typography.Text strong id="imp-mode">
              {t('imp.mode')}
            </Typography.Text>
            <Radio.Group
              aria-labelledby="imp-mode"
              value={mode}
              onChange={(e) => setMode(e.target.value as Mode)}
              style={{ display: 'block', marginTop: 8 }}
            >
              <Radio value="all_or_nothing">{t('imp.mode.all_or_nothing')}</Radio>
              <Radio value="valid_rows">{t('imp.mode.valid_rows')}</Radio>
            </Radio.Group>
          </div>
        </Space>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          <Typography.Text>
            {data?.filename ?? file?.name} · {data ? t(`imp.status.${data.status}`) : t('loading')}
          </Typography.Text>
          <Progress
            percent={data?.status === 'done' ? 100 : percent}
            status={data?.status === 'failed' ? 'exception' : finished ? 'success' : 'active'}
            aria-label={t('imp.title')}
          />
          {data && <Typography.Text type="secondary">{t('imp.rows', { done: data.processedRows, total: data.totalRows })}</Typography.Text>}
          {data?.error && <Alert type="error" showIcon title={data.error} />}
          {finished && data && (
            <>
              <Row gutter={16}>
                <Col span={6}>
                  <Statistic title={t('imp.accepted')} value={data.accepted} />
                </Col>
                <Col span={6}>
                  <Statistic title={t('imp.updated')} value={data.updated} />
                </Col>
                <Col span={6}>
                  <Statistic title={t('imp.unchanged')} value={data.unchanged} />
                </Col>
                <Col span={6}>
                  <Statistic
                    title={t('imp.rejected')}
                    value={data.rejected}
                    styles={data.rejected ? { content: { color: '#cf1322' } } : undefined}
                  />
                </Col>
              </Row>
              {data.mode === 'all_or_nothing' && data.rejected > 0 && <Alert type="warning" showIcon title={t('imp.nothing')} />}
              <Button
                icon={<DownloadOutlined aria-hidden />}
                onClick={() => void download(`/residents/import/${data.id}/report`, 'import-report.xlsx')}
              >
                {t('imp.report')}
              </Button>
            </>
          )}
        </Space>
      )}
    </Modal>
  );
}
