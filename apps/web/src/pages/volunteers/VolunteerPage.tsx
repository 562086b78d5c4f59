// One volunteer: the profile (ID number and mobile masked, 查看 with a reason for holders of
// volunteer.reveal), skills, when they can serve, teams, the status moves and edit, and the
// totals of approved service (hours and services), the service records and their export.
import { useState } from 'react';
import { Card, Col, Descriptions, Grid, Result, Row, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { TEAM_ROLE_LABELS } from '@wushe/core';
import { useVolunteer, type Volunteer } from '../../api/volunteers.ts';
import { useI18n } from '../../i18n/index.tsx';
import { RevealField } from './RevealField.tsx';
import { availabilityText, hoursText, shanghai, shanghaiDate, SkillTags, VolunteerStatusTag } from './tags.tsx';
import { VolunteerActions } from './VolunteerActions.tsx';
import { CertificatesCard } from './CertificatesCard.tsx';
import { ServiceRecordsCard } from './ServiceRecordsCard.tsx';
import { VolunteerForm } from './VolunteerForm.tsx';

export function VolunteerPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const q = useVolunteer(id);
  if (q.isPending) return <Skeleton active />;
  if (!q.data) return <Result status="404" title="404" subTitle={q.error?.message ?? t('notFound')} />;
  return <VolunteerView v={q.data} />;
}

function VolunteerView({ v }: { v: Volunteer }) {
  const { t, label } = useI18n();
  const [editing, setEditing] = useState(false);
  // On a phone the moves go under the title, not squeezed beside it.
  const narrow = !Grid.useBreakpoint().md;
  const actions = <VolunteerActions v={v} onEdit={() => setEditing(true)} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/volunteers">
        <ArrowLeftOutlined aria-hidden /> {t('vol.back')}
      </Link>
      <Card
        title={
          <Space wrap>
            <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
              {v.name}
            </Typography.Title>
            <VolunteerStatusTag status={v.status} />
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
              {v.volunteerNo}
            </Typography.Text>
          </Space>
        }
        extra={!narrow && actions}
      >
        {narrow && <div style={{ marginBottom: 12 }}>{actions}</div>}
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('vol.gender')}>
            {v.gender ? t(v.gender === 'male' ? 'vol.male' : 'vol.female') : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('vol.idNumber')}>
            <RevealField volunteerId={v.id} field="idNumber" masked={v.idMasked} fieldLabel={t('vol.idNumber')} />
          </Descriptions.Item>
          <Descriptions.Item label={t('vol.mobile')}>
            <RevealField volunteerId={v.id} field="mobile" masked={v.mobileMasked} fieldLabel={t('vol.mobile')} />
          </Descriptions.Item>
          <Descriptions.Item label={t('vol.community')}>{v.areaName}</Descriptions.Item>
          <Descriptions.Item label={t('vol.source')}>{t(v.source === 'self' ? 'vol.source.self' : 'vol.source.station')}</Descriptions.Item>
          <Descriptions.Item label={t('vol.skills')}>
            <SkillTags skills={v.skills} />
          </Descriptions.Item>
          <Descriptions.Item label={t('vol.availability')}>{availabilityText(v.availability, t)}</Descriptions.Item>
          <Descriptions.Item label={t('vol.teams')}>
            {v.teams.length
              ? v.teams.map((x) => (
                  <Tag key={x.id} color={x.role === 'leader' ? 'blue' : undefined}>
                    <Link to={`/teams/${x.id}`}>{x.name}</Link>
                    {x.role === 'leader' ? ` · ${label(TEAM_ROLE_LABELS.leader)}` : ''}
                  </Tag>
                ))
              : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('vol.registeredOn')}>{shanghaiDate(v.createdAt)}</Descriptions.Item>
          {v.confirmedAt && <Descriptions.Item label={t('vol.confirmedAt')}>{shanghai(v.confirmedAt)}</Descriptions.Item>}
          {v.note && <Descriptions.Item label={t('vol.note')}>{v.note}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card title={t('vol.totals')}>
        <Row gutter={[24, 16]}>
          <Col xs={12} md={6}>
            <Statistic title={t('vol.totalHours')} value={hoursText(v.creditedMinutes)} suffix={t('vol.hoursUnit')} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('vol.totalServices')} value={v.services} suffix={t('vol.servicesUnit')} />
          </Col>
        </Row>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('vol.totalsHint')}
        </Typography.Paragraph>
      </Card>
      <Card title={t('vol.records.card')}>
        <ServiceRecordsCard v={v} />
      </Card>
      <Card title={t('vol.cert.card')}>
        <CertificatesCard v={v} />
      </Card>
      {editing && <VolunteerForm volunteer={v} onClose={() => setEditing(false)} />}
    </Space>
  );
}
