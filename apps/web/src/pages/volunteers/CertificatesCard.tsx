// 志愿服务记录证明 on a volunteer's page: the certificates this station issued (print again, or
// open the public check), and issuing one for the approved service of a period.
import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Modal, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { Dayjs } from 'dayjs';
import { useProblem } from '../../api/forms.ts';
import { useActor } from '../../api/session.ts';
import { useIssueCertificate, useVolunteerCertificates, type Volunteer } from '../../api/volunteers.ts';
import { businessToday } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';

export function CertificatesCard({ v }: { v: Volunteer }) {
  const { t } = useI18n();
  const list = useVolunteerCertificates(v.id);
  const canIssue = useActor().permissions.includes('volunteer.write');
  const [open, setOpen] = useState(false);
  return (
    <>
      <Table
        size="small"
        rowKey="code"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        title={() =>
          canIssue && (
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => setOpen(true)}>
              {t('vol.cert.issue')}
            </Button>
          )
        }
        locale={{ emptyText: t('vol.cert.none') }}
        columns={[
          { title: t('vol.cert.number'), dataIndex: 'number' },
          { title: t('vol.cert.period'), render: (_, c) => `${c.periodFrom} – ${c.periodTo}` },
          { title: t('vol.cert.hours'), dataIndex: 'hours', align: 'right' },
          { title: t('vol.cert.services'), dataIndex: 'services', align: 'right' },
          { title: t('vol.cert.issuedOn'), dataIndex: 'issuedOn' },
          {
            title: t('vol.cert.actions'),
            render: (_, c) => <Link to={`/volunteers/${v.id}/certificates/${c.code}/print`}>{t('vol.cert.print')}</Link>,
          },
        ]}
      />
      {open && <IssueModal v={v} onClose={() => setOpen(false)} />}
    </>
  );
}

function IssueModal({ v, onClose }: { v: Volunteer; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ period: [Dayjs, Dayjs]; issuerContact?: string }>();
  const issue = useIssueCertificate(v.id);
  const showProblem = useProblem();
  const today = businessToday();
  const submit = (f: { period: [Dayjs, Dayjs]; issuerContact?: string }) =>
    issue.mutate(
      { from: f.period[0].format('YYYY-MM-DD'), to: f.period[1].format('YYYY-MM-DD'), issuerContact: f.issuerContact || null },
      {
        onSuccess: () => {
          void message.success(t('vol.cert.issued'));
          onClose();
        },
        onError: (e) => showProblem(e, form),
      },
    );
  return (
    <Modal
      open
      title={t('vol.cert.issueTitle', { name: v.name })}
      okText={t('vol.cert.issue')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={issue.isPending}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ period: [today.startOf('year'), today] }}>
        <Form.Item name="period" label={t('vol.cert.period')} rules={[{ required: true, message: t('vol.cert.periodNeeded') }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(today, 'day')} />
        </Form.Item>
        <Form.Item name="issuerContact" label={t('vol.cert.contact')}>
          <Input maxLength={60} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
