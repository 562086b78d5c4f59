// One call-out: its status and how full it is, each need as a card with its calls (read again
// every 10 s while volunteers answer on their phones). With volunteer.write, 推荐志愿者 asks the
// matcher for the best-fitting volunteers not yet called, shown under each need with why and
// the cost, all chosen at first; 发送召集 sends the chosen calls after a confirmation; 结束召集
// ends it (asks first).
import { useState } from 'react';
import { App, Button, Card, Descriptions, Grid, Result, Skeleton, Space, Typography } from 'antd';
import { ArrowLeftOutlined, SendOutlined, StopOutlined, TeamOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import {
  useCloseMobilisation,
  useMobilisation,
  useProposeVolunteers,
  useSendCalls,
  type Mobilisation,
  type Proposal,
} from '../../api/mobilisations.ts';
import { useProblem } from '../../api/forms.ts';
import { useI18n } from '../../i18n/index.tsx';
import { shanghai, useVolunteerRights } from '../volunteers/tags.tsx';
import { callKey, NeedCard } from './NeedCard.tsx';
import { FillProgress, MobilisationStatusTag } from './parts.tsx';

export function MobilisationPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const q = useMobilisation(id);
  if (q.isPending) return <Skeleton active />;
  if (!q.data) return <Result status="404" title="404" subTitle={q.error?.message ?? t('notFound')} />;
  return <MobilisationView m={q.data} />;
}

function MobilisationView({ m }: { m: Mobilisation }) {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const showProblem = useProblem();
  const { canWrite } = useVolunteerRights();
  const narrow = !Grid.useBreakpoint().md;
  const propose = useProposeVolunteers(m.id);
  const send = useSendCalls(m.id);
  const close = useCloseMobilisation(m.id);
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());

  const fetchProposal = () =>
    propose.mutate(undefined, {
      onSuccess: (p) => {
        setProposal(p);
        setChosen(new Set(p.needs.flatMap((n) => n.chosen.map((c) => callKey(n.needId, c.volunteerId)))));
      },
      onError: (e) => showProblem(e),
    });
  const toggle = (key: string, on: boolean) =>
    setChosen((s) => {
      const next = new Set(s);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  const calls = (proposal?.needs ?? []).flatMap((n) =>
    n.chosen.filter((c) => chosen.has(callKey(n.needId, c.volunteerId))).map((c) => ({ needId: n.needId, volunteerId: c.volunteerId })),
  );
  const confirmSend = () =>
    modal.confirm({
      title: t('mob.sendConfirm', { n: calls.length }),
      content: t('mob.sendHint'),
      okText: t('mob.send'),
      cancelText: t('cancel'),
      onOk: () =>
        send.mutateAsync({ calls }).then(
          () => {
            void message.success(t('mob.sentN'));
            setProposal(null);
          },
          (e: unknown) => showProblem(e),
        ),
    });

  const confirmClose = () =>
    modal.confirm({
      title: t('mob.close'),
      content: t('mob.closeConfirm'),
      okText: t('mob.close'),
      okButtonProps: { danger: true },
      cancelText: t('cancel'),
      onOk: () =>
        close.mutateAsync(m.version).then(
          () => {
            void message.success(t('mob.closed'));
            setProposal(null);
          },
          (e: unknown) => showProblem(e),
        ),
    });

  const actions = canWrite && m.status !== 'closed' && (
    <Space wrap>
      <Button icon={<TeamOutlined aria-hidden />} loading={propose.isPending} onClick={fetchProposal}>
        {t('mob.propose')}
      </Button>
      {proposal && (
        <>
          <Button
            type="primary"
            icon={<SendOutlined aria-hidden />}
            disabled={!calls.length}
            loading={send.isPending}
            onClick={confirmSend}
          >
            {t('mob.sendN', { n: calls.length })}
          </Button>
          <Button type="text" onClick={() => setProposal(null)}>
            {t('mob.closeProposal')}
          </Button>
        </>
      )}
      <Button danger icon={<StopOutlined aria-hidden />} loading={close.isPending} onClick={confirmClose}>
        {t('mob.close')}
      </Button>
    </Space>
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/mobilisations">
        <ArrowLeftOutlined aria-hidden /> {t('mob.back')}
      </Link>
      <Card
        title={
          <Space wrap>
            <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
              {m.title}
            </Typography.Title>
            <MobilisationStatusTag status={m.status} />
          </Space>
        }
        extra={!narrow && actions}
        styles={narrow ? { body: { padding: 12 } } : undefined}
      >
        {narrow && actions && <div style={{ marginBottom: 12 }}>{actions}</div>}
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label={t('mob.places')}>
            <FillProgress accepted={m.accepted} slots={m.slots} />
          </Descriptions.Item>
          <Descriptions.Item label={t('mob.sentAt')}>{m.sentAt ? shanghai(m.sentAt) : t('mob.notSent')}</Descriptions.Item>
          <Descriptions.Item label={t('mob.createdAt')}>{shanghai(m.createdAt)}</Descriptions.Item>
        </Descriptions>
        {proposal && (
          <Typography.Paragraph data-testid="proposal-summary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('mob.proposalSummary', { candidates: proposal.candidates, filled: proposal.filled })}
          </Typography.Paragraph>
        )}
        {m.status === 'sent' && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('mob.refreshHint')}
          </Typography.Paragraph>
        )}
      </Card>
      {m.needs.map((n) => (
        <NeedCard key={n.id} need={n} proposed={proposal?.needs.find((p) => p.needId === n.id)} chosen={chosen} onToggle={toggle} />
      ))}
    </Space>
  );
}
