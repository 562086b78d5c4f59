// 走访记录: newest first, with kind, service, worker, duration, notes, checklist and photos.
import { useState } from 'react';
import { Button, Card, Empty, Image, Pagination, Space, Tag, Timeline, Typography } from 'antd';
import { CONTACT_KIND_LABELS } from '@wushe/core';
import { useCodeLabels } from '../../api/settings.ts';
import { useContacts } from '../../api/contacts.ts';
import { API_BASE } from '../../api/client.ts';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/index.tsx';
import { formatDateTime } from '../../fmt.ts';
import { ChecklistView } from './ChecklistView.tsx';

export function ContactsCard({
  residentId,
  extra,
  canFollowUp = false,
}: {
  residentId: string;
  extra?: React.ReactNode;
  canFollowUp?: boolean;
}) {
  const { t, label } = useI18n();
  const [page, setPage] = useState(1);
  const list = useContacts(residentId, page);
  const services = useCodeLabels('service_type');
  const items = list.data?.items ?? [];

  return (
    <Card title={t('res.contacts')} extra={extra} loading={list.isPending}>
      {items.length === 0 ? (
        <Empty description={t('res.noHistory')} />
      ) : (
        <>
          <Timeline
            items={items.map((c) => ({
              color: c.kind === 'service' ? 'green' : 'blue',
              title: formatDateTime(c.occurredAt),
              content: (
                <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                  <Space wrap size={4}>
                    <Tag color="blue">{label(CONTACT_KIND_LABELS[c.kind])}</Tag>
                    {c.serviceType && <Tag color="green">{services.labelOf(c.serviceType)}</Tag>}
                    {c.groupId && <Tag>{t('contact.wholeHousehold')}</Tag>}
                    <Link to={`/contacts/${c.id}/print`}>{t('print.open')}</Link>
                    <Typography.Text type="secondary">
                      {c.workerName ?? '—'}
                      {c.durationMinutes ? ` · ${t('contact.minutes', { n: c.durationMinutes })}` : ''}
                    </Typography.Text>
                  </Space>
                  {c.notes && <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{c.notes}</Typography.Paragraph>}
                  <ChecklistView contact={c} canFollowUp={canFollowUp} />
                  {c.attachments.length > 0 && (
                    <Image.PreviewGroup>
                      <Space wrap>
                        {c.attachments.map((a) =>
                          a.contentType.startsWith('image/') ? (
                            <Image
                              key={a.id}
                              width={72}
                              height={72}
                              style={{ objectFit: 'cover' }}
                              src={`${API_BASE}/attachments/${a.id}`}
                              alt={a.filename}
                            />
                          ) : (
                            <Button key={a.id} type="link" href={`${API_BASE}/attachments/${a.id}`} target="_blank">
                              {a.filename}
                            </Button>
                          ),
                        )}
                      </Space>
                    </Image.PreviewGroup>
                  )}
                </Space>
              ),
            }))}
          />
          {(list.data?.total ?? 0) > 20 && (
            <Pagination size="small" current={page} pageSize={20} total={list.data?.total} onChange={setPage} showSizeChanger={false} />
          )}
        </>
      )}
    </Card>
  );
}
