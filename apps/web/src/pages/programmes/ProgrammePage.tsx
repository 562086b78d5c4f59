// One programme or award: the stages as a Steps bar, the move to the next stage (asked first),
// the applicants with eligibility, written score, panel mean/spread/missing and decisions with
// reasons, the panelist's own scores, and the 公示 objections with answers.
import { useState } from 'react';
import { App, Button, Card, Input, InputNumber, Space, Steps, Table, Tag, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { APPLICATION_STATUS_LABELS, PROGRAMME_KIND_LABELS, PROGRAMME_STAGE_LABELS, nextStage, type ProgrammeStage } from '@wushe/core';
import { useProblem } from '../../api/forms.ts';
import {
  useAdvance,
  useAnswer,
  useApplications,
  useApply,
  useWrittenScores,
  useDecide,
  useMyPanel,
  useObjections,
  useProgramme,
  useScore,
  type Application,
  type MyPanel,
} from '../../api/programmes.ts';
import { useActor } from '../../api/session.ts';
import { useI18n } from '../../i18n/index.tsx';
import { PanelCard } from './PanelCard.tsx';

export function ProgrammePage() {
  const { id = '' } = useParams();
  const { t, label } = useI18n();
  const { modal, message } = App.useApp();
  const showProblem = useProblem();
  const actor = useActor();
  const can = (p: string) => actor.permissions.includes(p as never);
  const programme = useProgramme(id);
  const p = programme.data;
  const apps = useApplications(id, { pageSize: 100 }, can('programme.review'));
  const objections = useObjections(id, can('programme.manage'));
  const panel = useMyPanel(id, !!p?.panel.some((m) => m.userId === actor.id));
  const advance = useAdvance(id);
  const decide = useDecide(id);
  const apply = useApply(id);
  const score = useScore(id);
  const written = useWrittenScores(id);
  const answer = useAnswer(id);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [mine, setMine] = useState<Record<string, Record<string, number>>>({});
  if (!p) return null;
  const stages = p.stages as ProgrammeStage[];
  const next = nextStage(stages, p.stage);
  const deciding = ['review', 'written', 'panel'].includes(p.stage);

  const move = () =>
    next &&
    modal.confirm({
      title: t('pg.advanceConfirm', { stage: label(PROGRAMME_STAGE_LABELS[next]) }),
      onOk: () => advance.mutateAsync({ to: next, version: p.version }).catch((e) => showProblem(e)),
    });
  const reject = (a: Application) => {
    let reason = '';
    modal.confirm({
      title: t('pg.rejectTitle'),
      content: <Input.TextArea aria-label={t('pg.reason')} onChange={(e) => (reason = e.target.value)} />,
      okButtonProps: { danger: true },
      okText: t('pg.reject'),
      onOk: () => decide.mutateAsync({ appId: a.id, decision: 'reject', reason, version: a.version }).catch((e) => showProblem(e)),
    });
  };

  const columns = [
    { title: t('pg.name'), dataIndex: 'name', key: 'name' },
    { title: t('pg.org'), dataIndex: 'orgName', key: 'org', render: (s: string | null) => s ?? '—' },
    { title: t('pg.route'), dataIndex: 'route', key: 'route', render: (r: string) => t(r === 'self' ? 'pg.self' : 'pg.nominated') },
    {
      title: t('pg.eligibility'),
      dataIndex: 'eligibility',
      key: 'eligibility',
      render: (e: Application['eligibility']) =>
        e.map((x) => (
          <Tag key={x.key} color={x.ok === null ? 'default' : x.ok ? 'green' : 'red'}>
            {`${x.key === 'level' ? '持证' : '年限'} ${x.actual ?? '—'}：${t(x.ok === null ? 'pg.unknown' : x.ok ? 'pg.eligible' : 'pg.notEligible')}`}
          </Tag>
        )),
    },
    {
      title: t('pg.written'),
      dataIndex: 'writtenScore',
      key: 'written',
      // in the written stage a reviewer types each score in the grid, saved as the cell is left
      render: (n: number | null, a: Application) =>
        p.stage === 'written' && can('programme.review') && a.status === 'active' ? (
          <InputNumber
            key={`${a.id}-${n}`}
            aria-label={t('pg.writtenOf', { name: a.name })}
            defaultValue={n ?? undefined}
            min={0}
            max={100}
            step={0.5}
            style={{ width: 90 }}
            onBlur={(e) => {
              const v = Number(e.target.value);
              if (e.target.value === '' || Number.isNaN(v) || v === n) return;
              written.mutate(
                { scores: [{ applicationId: a.id, score: v }] },
                { onSuccess: () => void message.success(t('saved')), onError: (err) => showProblem(err) },
              );
            }}
          />
        ) : (
          (n ?? '—')
        ),
    },
    {
      title: t('pg.panelMean'),
      dataIndex: 'panel',
      key: 'panel',
      render: (s: Application['panel']) =>
        s ? (
          <span>
            {s.mean ?? '—'} {s.range !== null && <Typography.Text type="secondary">{`（${s.range} / ${s.sd}）`}</Typography.Text>}
            {s.missing.length > 0 && <div>{`${t('pg.missing')}：${s.missing.map((m) => m.name).join('、')}`}</div>}
          </span>
        ) : (
          '—'
        ),
    },
    {
      title: t('pg.status'),
      dataIndex: 'status',
      key: 'status',
      render: (s: Application['status'], a: Application) => (
        <span>
          <Tag color={s === 'rejected' ? 'red' : s === 'active' ? 'blue' : 'green'}>{label(APPLICATION_STATUS_LABELS[s])}</Tag>
          {a.reason && <Typography.Text type="secondary">{`${label(PROGRAMME_STAGE_LABELS[a.stage])}：${a.reason}`}</Typography.Text>}
        </span>
      ),
    },
    ...(deciding && can('programme.review')
      ? [
          {
            title: '',
            key: 'decide',
            render: (_: unknown, a: Application) =>
              a.status === 'active' && (
                <Space>
                  {/* A pass keeps the application active; say so, or the row looks undecided. */}
                  {a.passedStage === p.stage && <Tag color="green">{t('pg.stagePassed')}</Tag>}
                  <Button
                    disabled={a.passedStage === p.stage}
                    size="small"
                    onClick={() => decide.mutate({ appId: a.id, decision: 'pass', version: a.version }, { onError: (e) => showProblem(e) })}
                  >
                    {t('pg.pass')}
                  </Button>
                  <Button size="small" danger onClick={() => reject(a)}>
                    {t('pg.reject')}
                  </Button>
                </Space>
              ),
          },
        ]
      : []),
  ];

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3}>{p.title}</Typography.Title>
      <Typography.Text>
        {`${label(PROGRAMME_KIND_LABELS[p.kind])} · ${p.areaName} · ${t('pg.places')} ${p.places}`}
        {p.publicityStart && ` · ${t('pg.publicity', { start: p.publicityStart, end: p.publicityEnd ?? '' })}`}
      </Typography.Text>
      <Steps size="small" current={stages.indexOf(p.stage)} items={stages.map((s) => ({ title: label(PROGRAMME_STAGE_LABELS[s]) }))} />
      <Space wrap>
        {next && can('programme.manage') && (
          <Button type="primary" onClick={move}>
            {t('pg.advance', { stage: label(PROGRAMME_STAGE_LABELS[next]) })}
          </Button>
        )}
        {p.stage === 'apply' && (
          <Button onClick={() => apply.mutate({}, { onSuccess: () => message.success(t('pg.applied')), onError: (e) => showProblem(e) })}>
            {t('pg.apply')}
          </Button>
        )}
        {p.stage === 'publicity' && (
          <Button href={`/p/programmes/${p.id}`} target="_blank">
            {t('pg.publicPage')}
          </Button>
        )}
      </Space>
      {can('programme.manage') && stages.includes('panel') && !p.panelClosed && !['publicity', 'done'].includes(p.stage) && (
        <PanelCard p={p} />
      )}
      {panel.data && (
        <Card title={t('pg.myScores')}>
          <Table<MyPanel['items'][number]>
            rowKey="applicationId"
            pagination={false}
            dataSource={panel.data.items}
            columns={[
              { title: t('pg.name'), dataIndex: 'name', key: 'name' },
              ...panel.data.rubric.map((c) => ({
                title: `${c.label}（${c.max}）`,
                key: c.key,
                render: (_: unknown, r: { applicationId: string; scores: Record<string, number> | null }) => (
                  <InputNumber
                    aria-label={`${c.label} ${r.applicationId}`}
                    min={0}
                    max={c.max}
                    disabled={panel.data!.closed}
                    defaultValue={r.scores?.[c.key]}
                    onChange={(v) =>
                      setMine((m) => ({ ...m, [r.applicationId]: { ...r.scores, ...m[r.applicationId], [c.key]: Number(v) } }))
                    }
                  />
                ),
              })),
              { title: t('pg.total'), dataIndex: 'total', key: 'total', render: (n: number | null) => n ?? '—' },
              {
                title: '',
                key: 'save',
                render: (_: unknown, r: { applicationId: string }) =>
                  !panel.data!.closed && (
                    <Button
                      size="small"
                      onClick={() =>
                        score.mutate({ appId: r.applicationId, scores: mine[r.applicationId] ?? {} }, { onError: (e) => showProblem(e) })
                      }
                    >
                      {t('pg.score')}
                    </Button>
                  ),
              },
            ]}
          />
        </Card>
      )}
      {apps.data && (
        <Card title={t('pg.applicants')}>
          <Table
            rowKey="id"
            size="small"
            pagination={{ pageSize: 20 }}
            dataSource={apps.data.items}
            columns={columns}
            scroll={{ x: true }}
          />
        </Card>
      )}
      {objections.data && objections.data.length > 0 && (
        <Card title={t('pg.objections')}>
          {objections.data.map((o) => (
            <Card
              key={o.id}
              type="inner"
              size="small"
              style={{ marginBottom: 8 }}
              title={`${o.name}${o.mobileMasked ? ` ${o.mobileMasked}` : ''}`}
            >
              <p>{o.text}</p>
              {o.answer ? (
                <Typography.Text type="secondary">{`${t('pg.answer')}（${o.answeredByName}）：${o.answer}`}</Typography.Text>
              ) : (
                <Space.Compact style={{ width: '100%' }}>
                  <Input
                    aria-label={t('pg.answer')}
                    placeholder={t('pg.answerPlaceholder')}
                    value={answers[o.id]}
                    onChange={(e) => setAnswers((a) => ({ ...a, [o.id]: e.target.value }))}
                  />
                  <Button
                    type="primary"
                    onClick={() => answer.mutate({ objectionId: o.id, answer: answers[o.id] ?? '' }, { onError: (e) => showProblem(e) })}
                  >
                    {t('pg.answer')}
                  </Button>
                </Space.Compact>
              )}
            </Card>
          ))}
        </Card>
      )}
    </Space>
  );
}
