// One need of a call-out: what, where and when, how full it is, the calls sent with their answers
// and why each volunteer was called, and (while a proposal is shown) the volunteers proposed for
// it, each with a checkbox (all chosen at first), why and the matcher's cost.
import { Alert, Card, Checkbox, Descriptions, Flex, Grid, Space, Table, Tag, Tooltip, Typography, type TableColumnType } from 'antd';
import { Link } from 'react-router-dom';
import type { MobilisationCall, MobilisationNeed, Proposal } from '../../api/mobilisations.ts';
import { useI18n } from '../../i18n/index.tsx';
import { shanghai, shanghaiTime, SkillTags } from '../volunteers/tags.tsx';
import { byAnswer, CallStatusTag, FillProgress, Reasons } from './parts.tsx';

type Proposed = Proposal['needs'][number];
type Candidate = Proposed['chosen'][number];

/** The key of a proposed call in the chosen set. */
export const callKey = (needId: string, volunteerId: string) => `${needId}:${volunteerId}`;

export function NeedCard({
  need,
  proposed,
  chosen,
  onToggle,
}: {
  need: MobilisationNeed;
  proposed?: Proposed;
  chosen: ReadonlySet<string>;
  onToggle: (key: string, on: boolean) => void;
}) {
  const { t } = useI18n();
  const narrow = !Grid.useBreakpoint().md;
  const full = need.accepted >= need.slots;
  const open = need.slots - need.accepted - need.waiting;

  const columns: TableColumnType<MobilisationCall>[] = [
    {
      title: t('mob.call.name'),
      dataIndex: 'name',
      key: 'name',
      render: (name: string, c) => (
        <Link to={`/volunteers/${c.volunteerId}`} style={{ whiteSpace: 'nowrap' }}>
          {name}
        </Link>
      ),
    },
    { title: t('mob.call.no'), dataIndex: 'volunteerNo', key: 'no', responsive: ['sm'] },
    { title: t('status'), dataIndex: 'status', key: 'status', render: (s: MobilisationCall['status']) => <CallStatusTag status={s} /> },
    { title: t('mob.call.why'), dataIndex: 'reasons', key: 'why', render: (r: MobilisationCall['reasons']) => <Reasons reasons={r} /> },
    {
      title: t('mob.call.sentAt'),
      dataIndex: 'sentAt',
      key: 'sentAt',
      responsive: ['lg'],
      render: (s: string) => <NoWrap>{shanghai(s)}</NoWrap>,
    },
    {
      title: t('mob.call.respondedAt'),
      dataIndex: 'respondedAt',
      key: 'respondedAt',
      responsive: ['lg'],
      render: (s: string | null) => <NoWrap>{shanghai(s)}</NoWrap>,
    },
  ];

  return (
    <Card
      data-testid="mobilisation-need"
      styles={narrow ? { body: { padding: 12 } } : undefined}
      title={
        <Space wrap>
          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            {need.title}
          </Typography.Title>
          {full ? <Tag color="green">{t('mob.full')}</Tag> : <Tag color="orange">{t('mob.open', { n: need.slots - need.accepted })}</Tag>}
        </Space>
      }
    >
      <Flex wrap gap={16} align="center" style={{ marginBottom: 12 }}>
        <FillProgress accepted={need.accepted} slots={need.slots} width={160} bare />
        <Typography.Text data-testid="need-progress">
          {t('mob.progress', { accepted: need.accepted, slots: need.slots })}
          {need.waiting > 0 && ` · ${t('mob.waiting', { n: need.waiting })}`}
        </Typography.Text>
      </Flex>
      <Descriptions column={{ xs: 1, md: 2 }} size="small" style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('mob.time')}>
          {shanghai(need.startsAt)}–{shanghaiTime(need.endsAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('mob.community')}>{need.areaName}</Descriptions.Item>
        <Descriptions.Item label={t('mob.place')}>{need.place}</Descriptions.Item>
        <Descriptions.Item label={t('mob.skills')}>
          <SkillTags skills={need.skills} />
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={3} style={{ fontSize: 14 }}>
        {t('mob.calls')}
      </Typography.Title>
      {need.calls.length ? (
        <Table<MobilisationCall>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={[...need.calls].sort(byAnswer)}
          pagination={false}
        />
      ) : (
        <Typography.Paragraph type="secondary">{t('mob.noCalls')}</Typography.Paragraph>
      )}
      {proposed && <ProposedFor needId={need.id} proposed={proposed} open={open} chosen={chosen} onToggle={onToggle} />}
    </Card>
  );
}

const NoWrap = ({ children }: { children: string }) => <span style={{ whiteSpace: 'nowrap' }}>{children}</span>;

function ProposedFor({
  needId,
  proposed,
  open,
  chosen,
  onToggle,
}: {
  needId: string;
  proposed: Proposed;
  open: number;
  chosen: ReadonlySet<string>;
  onToggle: (key: string, on: boolean) => void;
}) {
  const { t } = useI18n();
  const columns: TableColumnType<Candidate>[] = [
    {
      title: t('mob.pick'),
      key: 'choose',
      width: 64,
      render: (_: unknown, c) => (
        <Checkbox
          aria-label={t('mob.choose', { name: c.name })}
          checked={chosen.has(callKey(needId, c.volunteerId))}
          onChange={(e) => onToggle(callKey(needId, c.volunteerId), e.target.checked)}
        />
      ),
    },
    {
      title: t('mob.call.name'),
      dataIndex: 'name',
      key: 'name',
      render: (name: string, c) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/volunteers/${c.volunteerId}`} style={{ whiteSpace: 'nowrap' }}>
            {name}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <NoWrap>{c.volunteerNo}</NoWrap> · <NoWrap>{c.areaName}</NoWrap>
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('mob.call.why'), dataIndex: 'reasons', key: 'why', render: (r: Candidate['reasons']) => <Reasons reasons={r} /> },
    {
      title: (
        <Tooltip title={t('mob.costHint')}>
          <span>{t('mob.cost')}</span>
        </Tooltip>
      ),
      dataIndex: 'cost',
      key: 'cost',
      align: 'right',
      responsive: ['sm'],
    },
  ];
  return (
    <div data-testid="need-proposal" style={{ marginTop: 16 }}>
      <Typography.Title level={3} style={{ fontSize: 14 }}>
        {t('mob.proposal')}
      </Typography.Title>
      {open <= 0 ? (
        <Typography.Paragraph type="secondary">{t('mob.noOpen')}</Typography.Paragraph>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {proposed.chosen.length > 0 && (
            <Table<Candidate> rowKey="volunteerId" size="small" columns={columns} dataSource={proposed.chosen} pagination={false} />
          )}
          {proposed.unfilled > 0 && <Alert type="warning" showIcon title={t('mob.unfilled', { n: proposed.unfilled })} />}
        </Space>
      )}
    </div>
  );
}
