// 服务对象档案: identity (masked, 查看 when permitted), categories, care level history,
// assessments with a trend chart, the contacts timeline, and what is due.
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, Button, Card, Col, Descriptions, Empty, Result, Row, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { EditOutlined, FormOutlined, MergeCellsOutlined, PlusOutlined, PrinterOutlined, ScheduleOutlined } from '@ant-design/icons';
import { useCodeLabels, useVisitIntervals } from '../../api/settings.ts';
import { useFollowUps } from '../../api/followups.ts';
import { useResident } from '../../api/residents.ts';
import { useActor } from '../../api/session.ts';
import { useI18n } from '../../i18n/index.tsx';
import { formatDate, formatDateTime } from '../../fmt.ts';
import { AssessmentsCard } from './AssessmentsCard.tsx';
import { ContactForm } from './ContactForm.tsx';
import { ContactsCard } from './ContactsCard.tsx';
import { ResidentFollowUpsCard } from '../followups/ResidentFollowUpsCard.tsx';
import { ResidentCasesCard } from '../cases/ResidentCasesCard.tsx';
import { ResidentGroupsCard } from '../groups/ResidentGroupsCard.tsx';
import { ResidentWishesCard } from '../wishes/ResidentWishesCard.tsx';
import { FollowUpForm } from '../followups/FollowUpForm.tsx';
import { MergeModal } from './MergeModal.tsx';
import { FamilyView, FamilyRevealed } from './FamilyView.tsx';
import { Reveal } from './Reveal.tsx';
import { CareLevelTag, DueTag, useIntervalText } from './tags.tsx';

export function ProfilePage() {
  const { id } = useParams();
  const { t } = useI18n();
  const actor = useActor();
  const navigate = useNavigate();
  const q = useResident(id);
  const categories = useCodeLabels('resident_category');
  const assistance = useCodeLabels('assistance_status');
  const intervals = useVisitIntervals();
  // The same query as the card's (shared cache): the card shows only when there is a task.
  const followUps = useFollowUps({ status: 'all', residentId: id, pageSize: 20 }, !!id);
  const intervalText = useIntervalText();
  const [contacting, setContacting] = useState(false);
  const [followingUp, setFollowingUp] = useState(false);
  const [merging, setMerging] = useState(false);
  const can = (p: Parameters<typeof actor.permissions.includes>[0]) => actor.permissions.includes(p);

  if (q.isPending) return <Skeleton active />;
  if (q.isError || !q.data) return <Result status="404" title="404" subTitle={q.error?.message ?? t('notFound')} />;
  const r = q.data;
  const daysOverdue = r.due === 'overdue' ? Math.max(0, Math.round((Date.now() - new Date(r.nextDueOn).getTime()) / 86_400_000)) : 0;

  const identity = [
    {
      key: 'id',
      label: t('res.idNumber'),
      children: (
        <Reveal
          residentId={r.id}
          field="idNumber"
          fieldLabel={t('res.idNumber')}
          masked={<span style={{ fontFamily: 'monospace' }}>{r.idMasked}</span>}
        />
      ),
    },
    { key: 'sex', label: t('res.sex'), children: r.sex ? t(`res.sex.${r.sex}`) : '—' },
    {
      key: 'birth',
      label: t('res.birthDate'),
      children: r.birthDate ? `${r.birthDate}${r.age !== null ? `（${t('res.ageN', { n: r.age })}）` : ''}` : '—',
    },
    {
      key: 'phone',
      label: t('res.phone'),
      children: r.phoneMasked ? <Reveal residentId={r.id} field="phone" fieldLabel={t('res.phone')} masked={r.phoneMasked} /> : '—',
    },
    { key: 'area', label: t('res.community'), children: r.areaName },
    { key: 'address', label: t('res.address'), children: r.address ?? '—' },
    {
      key: 'cats',
      label: t('res.categories'),
      children: r.categories.length ? r.categories.map((c) => <Tag key={c}>{categories.labelOf(c)}</Tag>) : '—',
    },
    { key: 'assist', label: t('res.assistanceStatus'), children: assistance.labelOf(r.assistanceStatus) || '—' },
    { key: 'worker', label: t('res.worker'), children: r.assignedWorkerName ?? '—' },
    { key: 'reg', label: t('res.registeredOn'), children: formatDate(r.registeredOn) },
    {
      key: 'health',
      label: t('res.healthNotes'),
      span: 2,
      children: r.hasHealthNotes ? (
        <Reveal
          residentId={r.id}
          field="healthNotes"
          fieldLabel={t('res.healthNotes')}
          masked="******"
          render={(v) => <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{String(v ?? '')}</Typography.Paragraph>}
        />
      ) : (
        '—'
      ),
    },
    { key: 'notes', label: t('res.notes'), span: 2, children: r.notes ?? '—' },
    {
      key: 'consent',
      label: t('res.sec.consent'),
      span: 2,
      children: r.consent
        ? `${r.consent.purpose} · ${r.consent.date} · ${r.consent.givenBy}${r.consent.byGuardian ? `（${t('res.consentByGuardian')}）` : ''}`
        : '—',
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {r.mergedInto && (
        <Alert
          type="info"
          showIcon
          title={t('res.mergedInto')}
          action={<Link to={`/residents/${r.mergedInto}`}>{t('res.openMerged')}</Link>}
        />
      )}
      <Card>
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space wrap align="center">
            <Typography.Title level={4} style={{ margin: 0 }}>
              {r.name}
            </Typography.Title>
            <CareLevelTag level={r.careLevel} />
            <DueTag due={r.due} days={daysOverdue} />
            {r.status !== 'active' && <Tag>{t(`res.status.${r.status}`)}</Tag>}
          </Space>
          <Space wrap>
            {can('contact.write') && r.status === 'active' && (
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setContacting(true)}>
                {t('res.recordContact')}
              </Button>
            )}
            {can('contact.write') && r.status === 'active' && (
              <Button icon={<ScheduleOutlined aria-hidden />} onClick={() => setFollowingUp(true)}>
                {t('fu.new')}
              </Button>
            )}
            {can('assessment.write') && r.status === 'active' && (
              <Button icon={<FormOutlined aria-hidden />} onClick={() => navigate(`/residents/${r.id}/assess`)}>
                {t('res.assess')}
              </Button>
            )}
            {can('resident.write') && r.status !== 'merged' && (
              <Button icon={<EditOutlined aria-hidden />} onClick={() => navigate(`/residents/${r.id}/edit`)}>
                {t('edit')}
              </Button>
            )}
            <Button icon={<PrinterOutlined aria-hidden />} onClick={() => navigate(`/residents/${r.id}/print`)}>
              {t('print.open')}
            </Button>
            {can('resident.merge') && r.status === 'active' && (
              <Button danger icon={<MergeCellsOutlined aria-hidden />} onClick={() => setMerging(true)}>
                {t('res.merge')}
              </Button>
            )}
          </Space>
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card title={t('res.sec.basic')}>
            <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={identity} />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('res.dueNow')}>
              <Descriptions
                size="small"
                column={1}
                items={[
                  {
                    key: 'iv',
                    label: t('res.careLevel'),
                    children: (
                      <>
                        {t('res.careLevelN', { n: r.careLevel })} · {intervalText(intervals.data?.[r.careLevel as 1 | 2 | 3 | 4])}
                      </>
                    ),
                  },
                  { key: 'last', label: t('res.lastContact'), children: formatDate(r.lastContactOn) },
                  {
                    key: 'next',
                    label: t('res.nextDue'),
                    children: (
                      <Space size={4}>
                        {formatDate(r.nextDueOn)}
                        <DueTag due={r.due} days={daysOverdue} />
                      </Space>
                    ),
                  },
                ]}
              />
            </Card>
            {(followUps.data?.total ?? 0) > 0 && <ResidentFollowUpsCard residentId={r.id} />}
            {can('case.read') && <ResidentCasesCard resident={r} />}
            {can('group.read') && <ResidentGroupsCard residentId={r.id} />}
            {can('wish.read') && <ResidentWishesCard resident={r} />}
            <Card title={t('res.careHistory')}>
              {r.careLevelHistory.length ? (
                <Timeline
                  items={[...r.careLevelHistory]
                    .sort((a, b) => b.changedAt.localeCompare(a.changedAt))
                    .map((h) => ({
                      color: h.fromLevel !== null && h.toLevel < h.fromLevel ? 'red' : 'blue',
                      title: formatDateTime(h.changedAt),
                      content: (
                        <>
                          <div>
                            {h.fromLevel === null
                              ? t('res.initial', { to: h.toLevel })
                              : t('res.from', { from: h.fromLevel, to: h.toLevel })}
                          </div>
                          <Typography.Text type="secondary">{[h.reason, h.changedByName].filter(Boolean).join(' · ')}</Typography.Text>
                        </>
                      ),
                    }))}
                />
              ) : (
                <Empty description={t('res.noHistory')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
              )}
            </Card>
          </Space>
        </Col>
        <Col xs={24}>
          <Card title={t('res.family')}>
            <Reveal
              residentId={r.id}
              field="family"
              fieldLabel={t('res.family')}
              allowed={!!(r.householdMembers.length || r.emergencyContacts.length || r.guardian)}
              masked={<FamilyView resident={r} />}
              render={(v) => <FamilyRevealed value={v} fallback={r} />}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <AssessmentsCard residentId={r.id} />
        </Col>
        <Col xs={24} xl={12}>
          <ContactsCard residentId={r.id} canFollowUp={can('contact.write') && r.status === 'active'} />
        </Col>
      </Row>
      {contacting && <ContactForm residentId={r.id} hasHousehold={!!r.householdId} onClose={() => setContacting(false)} />}
      {followingUp && <FollowUpForm resident={r} onClose={() => setFollowingUp(false)} />}
      {merging && <MergeModal resident={r} onClose={() => setMerging(false)} />}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('res.updatedAt', { at: formatDateTime(r.updatedAt) })}
      </Typography.Text>
    </Space>
  );
}
