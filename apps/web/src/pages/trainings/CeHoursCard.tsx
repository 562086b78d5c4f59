// 继续教育学时 on a worker's page: the current registration cycle's hours (credited from trainings
// attended in Wushe and approved outside entries) against the requirement, what is missing and
// when the cycle ends; the sessions credited, the outside entries with their proof and review,
// and the form that adds outside hours (the worker themselves or whoever may edit the register).
import { useState } from 'react';
import {
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  Progress,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { Dayjs } from 'dayjs';
import { ceEntryBody } from '@wushe/core';
import { API_BASE } from '../../api/client.ts';
import { uploadFile } from '../../api/contacts.ts';
import { useProblem } from '../../api/forms.ts';
import { useAddCeEntry, useWorkerHours, type CeEntry } from '../../api/trainings.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { businessToday } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';

export const CE_COLOR = { pending: 'orange', approved: 'green', rejected: 'red' } as const;

export function CeHoursCard({ workerId, canAdd }: { workerId: string; canAdd: boolean }) {
  const { t } = useI18n();
  const q = useWorkerHours(workerId);
  const [adding, setAdding] = useState(false);
  const h = q.data;
  const today = businessToday().format('YYYY-MM-DD');
  const cycle = h?.cycles.find((c) => c.start <= today && today <= c.end) ?? h?.cycles[0];
  return (
    <Card
      title={t('wf.hours')}
      loading={q.isLoading}
      data-testid="ce-hours"
      extra={
        canAdd && (
          <Button icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
            {t('cew.add')}
          </Button>
        )
      }
    >
      {!cycle ? (
        <Typography.Text type="secondary">{t('cew.noCycle')}</Typography.Text>
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Text strong>{t('cew.cycle', { start: cycle.start, end: cycle.end })}</Typography.Text>
          <Space size="large" wrap>
            <Statistic title={t('cew.hours')} value={cycle.hours} data-testid="ce-credited" />
            <Statistic title={t('cew.required')} value={cycle.required} />
            <Statistic title={t('cew.missing')} value={cycle.missing} valueStyle={cycle.missing > 0 ? { color: '#cf1322' } : undefined} />
            <Statistic title={t('cew.daysLeft')} value={cycle.daysLeft} />
          </Space>
          <Progress percent={cycle.required ? Math.min(100, Math.round((cycle.hours / cycle.required) * 100)) : 100} />
        </Space>
      )}
      {h && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('cew.fromTrainings')}
          </Typography.Title>
          <Table
            rowKey="sessionId"
            size="small"
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            dataSource={[...h.attended].sort((a, b) => b.day.localeCompare(a.day))}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
            columns={[
              { title: t('cew.onDate'), dataIndex: 'day' },
              {
                title: t('menu.trainings'),
                dataIndex: 'trainingTitle',
                render: (s: string, r) => <Link to={`/trainings/${r.trainingId}`}>{s}</Link>,
              },
              { title: t('trw.sessionTitle'), dataIndex: 'title' },
              { title: t('trw.hours'), dataIndex: 'hours' },
            ]}
          />
          <Typography.Title level={5}>{t('cew.entries')}</Typography.Title>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={h.entries}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
            columns={[
              { title: t('cew.onDate'), dataIndex: 'onDate' },
              { title: t('cew.title'), dataIndex: 'title' },
              { title: t('cew.provider'), dataIndex: 'provider' },
              { title: t('trw.hours'), dataIndex: 'hours' },
              {
                title: t('cew.proof'),
                dataIndex: 'attachmentId',
                render: (a: string) => (
                  <a href={`${API_BASE}/attachments/${a}`} target="_blank" rel="noreferrer">
                    {t('cew.view')}
                  </a>
                ),
              },
              {
                title: t('trw.status'),
                dataIndex: 'status',
                render: (s: CeEntry['status'], r) => (
                  <Space size={4}>
                    <Tag color={CE_COLOR[s]}>{t(`cew.st.${s}`)}</Tag>
                    {r.reviewNote}
                  </Space>
                ),
              },
            ]}
          />
        </>
      )}
      {adding && <CeEntryForm workerId={workerId} onClose={() => setAdding(false)} />}
    </Card>
  );
}

type Values = { title: string; provider: string; onDate: Dayjs; hours: number; attachmentId: string };

function CeEntryForm({ workerId, onClose }: { workerId: string; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showProblem = useProblem();
  const [form] = Form.useForm<Values>();
  const save = useAddCeEntry(workerId);
  const [file, setFile] = useState<string>();
  const [uploading, setUploading] = useState(false);
  const [requestId] = useState(() => crypto.randomUUID());
  return (
    <FormDrawer
      title={t('cew.add')}
      form={form}
      schema={ceEntryBody}
      toInput={(v) => ({ ...v, onDate: v.onDate?.format('YYYY-MM-DD'), requestId })}
      save={save}
      onClose={onClose}
    >
      <Form.Item name="title" label={t('cew.title')} required>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="provider" label={t('cew.provider')} required>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="onDate" label={t('cew.onDate')} required>
        <DatePicker disabledDate={(d) => d.isAfter(businessToday(), 'day')} />
      </Form.Item>
      <Form.Item name="hours" label={t('trw.hours')} required>
        <InputNumber min={0.5} max={200} step={0.5} />
      </Form.Item>
      <Form.Item name="attachmentId" label={t('cew.proof')} required extra={file && t('cew.uploaded', { name: file })}>
        <Upload
          accept="image/*,application/pdf"
          showUploadList={false}
          beforeUpload={(f) => {
            setUploading(true);
            uploadFile(f)
              .then(
                (r) => {
                  form.setFieldValue('attachmentId', r.id);
                  setFile(f.name);
                },
                (e: unknown) => {
                  if (e instanceof Error) showProblem(e);
                  else void message.error(String(e));
                },
              )
              .finally(() => setUploading(false));
            return false;
          }}
        >
          <Button icon={<UploadOutlined aria-hidden />} loading={uploading}>
            {t('cew.upload')}
          </Button>
        </Upload>
      </Form.Item>
    </FormDrawer>
  );
}
