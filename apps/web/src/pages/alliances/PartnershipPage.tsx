// One agreement: parties, period, terms (editable until ended), the signed copy (upload,
// download), status moves asked first (draft → active → ended), and the deliverables per side
// (added until ended) with progress ticks while in force.
import { useState } from 'react';
import { App, Button, Card, Descriptions, Progress, Space, Table, Tag, Typography, Upload } from 'antd';
import { EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useParams } from 'react-router-dom';
import { PARTNERSHIP_KIND_LABELS, PARTNERSHIP_STATUS_LABELS, PARTY_ROLE_LABELS } from '@wushe/core';
import { useProblem } from '../../api/forms.ts';
import { useMovePartnership, usePartnership, useTickDeliverable, useUploadAgreement, type Partnership } from '../../api/alliances.ts';
import { readBase64 } from '../../api/files.ts';
import { useActor } from '../../api/session.ts';
import { useI18n } from '../../i18n/index.tsx';
import { DeliverableForm, PartnershipEditForm } from './PartnershipEdits.tsx';
import { STATUS_COLOR } from './PartnershipsPage.tsx';

type Deliverable = Partnership['deliverables'][number];
const TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'];

export function PartnershipPage() {
  const { id = '' } = useParams();
  const { t, label } = useI18n();
  const { modal } = App.useApp();
  const showProblem = useProblem();
  const actor = useActor();
  const found = usePartnership(id);
  const move = useMovePartnership(id);
  const tick = useTickDeliverable(id);
  const upload = useUploadAgreement(id);
  const [drawer, setDrawer] = useState<'edit' | 'deliverable' | null>(null);
  const p = found.data;
  if (!p) return null;
  const can = actor.permissions.includes('alliance.write');
  const next = p.status === 'draft' ? 'active' : p.status === 'active' ? 'ended' : null;
  const askMove = () =>
    next &&
    modal.confirm({
      title: t(next === 'active' ? 'ps.activateConfirm' : 'ps.endConfirm'),
      okButtonProps: { danger: next === 'ended' },
      onOk: () => move.mutateAsync({ to: next, version: p.version }).catch((e) => showProblem(e)),
    });
  const send = async (file: File) => {
    const data = await readBase64(file);
    upload.mutateAsync({ filename: file.name, contentType: file.type, data, version: p.version }).catch((e) => showProblem(e));
    return false;
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {p.title} <Tag color={STATUS_COLOR[p.status]}>{label(PARTNERSHIP_STATUS_LABELS[p.status])}</Tag>
        </Typography.Title>
        <Space wrap>
          {can && p.status !== 'ended' && (
            <Button icon={<EditOutlined aria-hidden />} onClick={() => setDrawer('edit')}>
              {t('ps.edit')}
            </Button>
          )}
          {can && next && (
            <Button type={next === 'active' ? 'primary' : 'default'} danger={next === 'ended'} onClick={askMove}>
              {t(next === 'active' ? 'ps.activate' : 'ps.end')}
            </Button>
          )}
        </Space>
      </Space>
      {drawer === 'edit' && <PartnershipEditForm partnership={p} onClose={() => setDrawer(null)} onConflict={() => found.refetch()} />}
      {drawer === 'deliverable' && <DeliverableForm partnership={p} onClose={() => setDrawer(null)} />}
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('ps.kind')}>{label(PARTNERSHIP_KIND_LABELS[p.kind])}</Descriptions.Item>
        <Descriptions.Item label={t('al.area')}>{p.areaName}</Descriptions.Item>
        <Descriptions.Item label={t('ps.period')}>{`${p.startOn} – ${p.endOn ?? ''}`}</Descriptions.Item>
        <Descriptions.Item label={t('ps.progress')}>
          <Progress percent={p.progress} size="small" style={{ maxWidth: 240 }} />
        </Descriptions.Item>
        <Descriptions.Item label={t('ps.parties')} span={2}>
          <Space direction="vertical" size={2}>
            {p.parties.map((x) => (
              <span key={x.id}>
                <Tag>{label(PARTY_ROLE_LABELS[x.role])}</Tag>
                {x.name}
                {x.outside && <Typography.Text type="secondary">（{t('al.outside')}）</Typography.Text>}
              </span>
            ))}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('ps.terms')} span={2}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{p.terms ?? '—'}</Typography.Paragraph>
        </Descriptions.Item>
        <Descriptions.Item label={t('ps.agreement')} span={2}>
          <Space wrap>
            {p.attachment ? (
              <a href={`/api/v1/partnerships/${p.id}/agreement`} target="_blank" rel="noreferrer">
                {p.attachment.filename}
              </a>
            ) : (
              <Typography.Text type="secondary">{t('ps.none')}</Typography.Text>
            )}
            {can && p.status !== 'ended' && (
              <Upload accept={TYPES.join(',')} showUploadList={false} beforeUpload={send}>
                <Button size="small" icon={<UploadOutlined aria-hidden />} loading={upload.isPending}>
                  {t('ps.upload')}
                </Button>
              </Upload>
            )}
          </Space>
        </Descriptions.Item>
      </Descriptions>
      <Card
        title={t('ps.deliverables')}
        size="small"
        extra={
          can &&
          p.status !== 'ended' && (
            <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => setDrawer('deliverable')}>
              {t('ps.addDeliverable')}
            </Button>
          )
        }
      >
        <Table<Deliverable>
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={p.deliverables}
          columns={[
            {
              title: t('ps.side'),
              key: 'side',
              render: (_: unknown, d) => (
                <Space>
                  <Tag>{label(PARTY_ROLE_LABELS[d.role])}</Tag>
                  {d.partyName}
                </Space>
              ),
            },
            { title: t('ps.what'), dataIndex: 'what', key: 'what' },
            {
              title: t('ps.dueOn'),
              dataIndex: 'dueOn',
              key: 'dueOn',
              render: (s: string | null, d) => (
                <>
                  {s ?? '—'} {d.late && <Tag color="red">{t('ps.late')}</Tag>}
                </>
              ),
            },
            {
              title: t('ps.done'),
              key: 'done',
              render: (_: unknown, d) => (
                <Space>
                  <Progress percent={d.percent} size="small" style={{ width: 120 }} format={() => `${d.done}/${d.quantity}`} />
                  {can && p.status === 'active' && d.done < d.quantity && (
                    <Button
                      size="small"
                      aria-label={`${t('ps.tick')} ${d.what}`}
                      loading={tick.isPending}
                      onClick={() => tick.mutateAsync({ itemId: d.id, done: d.done + 1, version: d.version }).catch((e) => showProblem(e))}
                    >
                      {t('ps.tick')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
