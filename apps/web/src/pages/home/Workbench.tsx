// 工作台: the figures each role lives by, every one a link to the list behind it (the resident
// list or the follow-ups with the matching filters). The server decides the shape (kind).
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { useDashboard, type AreaDashboard, type StationDashboard, type WorkerDashboard } from '../../api/dashboard.ts';
import { useActor } from '../../api/session.ts';
import { useCodeLabels } from '../../api/settings.ts';
import { formatTime } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { TrendChart } from '../coverage/TrendChart.tsx';

const pct = (r: number) => Math.round(r * 1000) / 10;
const q = (params: Record<string, string | number>) =>
  new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();
const residents = (params: Record<string, string | number> = {}) => `/residents?${q(params)}`;
const followUps = (params: Record<string, string>) => `/follow-ups?${q(params)}`;
const cases = (params: Record<string, string>) => `/cases?${q(params)}`;

/** 个案: the casework figures of a worker (mine) or a station, for those who read cases. */
function CaseFiguresRow({ c, mine }: { c: WorkerDashboard['cases']; mine: boolean }) {
  const { t } = useI18n();
  const me: Record<string, string> = mine ? { mine: 'true' } : {};
  if (!useActor().permissions.includes('case.read')) return null;
  return (
    <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
      <Figure id="casesActive" title={t(mine ? 'desk.myCases' : 'desk.cases')} value={c.active} to={cases({ ...me, stage: 'open' })} />
      <Figure
        id="casesAwaiting"
        title={t(mine ? 'desk.casesAwaitingMine' : 'desk.casesAwaiting')}
        value={c.awaitingApproval}
        to={cases({ ...me, awaiting: 'any' })}
      />
      {mine && <Figure id="casesReturned" title={t('desk.casesReturned')} value={c.returned} to={cases({ ...me, stage: 'open' })} danger />}
      <Figure
        id="caseTasksOverdue"
        title={t('desk.caseTasksOverdue')}
        value={c.overdueTasks}
        to={followUps({ ...me, status: 'overdue' })}
        danger
      />
    </Row>
  );
}

/** One figure as a card-sized link (contacts and alerts have no list page yet: no link). */
function Figure(p: { id: string; title: string; value: number; to?: string; suffix?: ReactNode; danger?: boolean }) {
  const card = (
    <Card size="small" hoverable={!!p.to} data-testid={p.to ? undefined : `desk-${p.id}`}>
      <Statistic
        title={p.title}
        value={p.value}
        suffix={p.suffix}
        styles={p.danger && p.value > 0 ? { content: { color: '#cf1322' } } : undefined}
      />
    </Card>
  );
  return (
    <Col xs={12} md={8} xl={6}>
      {p.to ? (
        <Link to={p.to} data-testid={`desk-${p.id}`} aria-label={`${p.title} ${p.value}`}>
          {card}
        </Link>
      ) : (
        card
      )}
    </Col>
  );
}

function WorkerDesk({ d }: { d: WorkerDashboard }) {
  const { t } = useI18n();
  const me = useActor().id;
  return (
    <Row gutter={[12, 12]}>
      <Figure id="caseload" title={t('desk.caseload')} value={d.caseload} to={residents({ worker: me })} />
      <Figure id="dueThisWeek" title={t('desk.dueThisWeek')} value={d.dueThisWeek} to={residents({ worker: me, due: 'due_soon' })} />
      <Figure id="overdue" title={t('desk.overdue')} value={d.overdue} to={residents({ worker: me, overdue: 'true' })} danger />
      <Figure id="coverage" title={t('desk.myCoverage')} value={pct(d.coverage.rate)} suffix="%" to={residents({ worker: me })} />
      <Figure id="visits" title={t('desk.visitsThisMonth')} value={d.visitsThisMonth} />
      <Figure
        id="urgent"
        title={t('desk.urgentFollowUps')}
        value={d.urgentFollowUps}
        to={followUps({ mine: 'true', status: 'open' })}
        danger
      />
      <Figure
        id="withoutAssessment"
        title={t('desk.withoutAssessment')}
        value={d.withoutAssessment}
        to={residents({ worker: me, withoutAssessment: 'true' })}
      />
      <Col span={24}>
        <CaseFiguresRow c={d.cases} mine />
      </Col>
    </Row>
  );
}

function StationDesk({ d }: { d: StationDashboard }) {
  const { t } = useI18n();
  type W = StationDashboard['workers'][number];
  return (
    <>
      <Row gutter={[12, 12]}>
        <Figure id="coverage" title={t('desk.stationCoverage')} value={pct(d.coverage.rate)} suffix="%" to="/coverage" />
        <Figure id="overdue" title={t('desk.overdue')} value={d.overdue} to={residents({ overdue: 'true' })} danger />
        <Figure id="unassigned" title={t('desk.unassigned')} value={d.unassigned} to={residents({ unassigned: 'true' })} />
        <Figure id="urgentOpen" title={t('desk.urgentOpen')} value={d.urgentOpen} to={followUps({ status: 'open' })} />
        <Figure id="urgentOverdue" title={t('desk.urgentOverdue')} value={d.urgentOverdue} to={followUps({ status: 'overdue' })} danger />
        <Figure id="alerts" title={t('desk.alerts')} value={d.unreadAlerts} />
      </Row>
      <CaseFiguresRow c={d.cases} mine={false} />
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('desk.byWorker')}>
            <Table<W>
              size="small"
              rowKey={(w) => w.workerId ?? 'none'}
              pagination={false}
              dataSource={d.workers}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: t('desk.worker'), dataIndex: 'workerName' },
                {
                  title: t('desk.caseload'),
                  dataIndex: 'caseload',
                  align: 'right',
                  render: (n: number, w) => <Link to={residents({ worker: w.workerId! })}>{n}</Link>,
                },
                {
                  title: t('desk.overdue'),
                  dataIndex: 'overdue',
                  align: 'right',
                  render: (n: number, w) => <Link to={residents({ worker: w.workerId!, overdue: 'true' })}>{n}</Link>,
                },
                { title: t('desk.visitsThisMonth'), dataIndex: 'visitsThisMonth', align: 'right' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <TrendChart area={d.area.code} height={240} />
        </Col>
      </Row>
    </>
  );
}

function AreaDesk({ d }: { d: AreaDashboard }) {
  const { t } = useI18n();
  const categories = useCodeLabels('resident_category');
  type A = AreaDashboard['children'][number];
  return (
    <>
      <Row gutter={[12, 12]}>
        <Figure id="coverage" title={t('desk.areaCoverage')} value={pct(d.area.rate)} suffix="%" to="/coverage" />
        <Figure id="overdue" title={t('desk.overdue')} value={d.area.overdue} to={residents({ overdue: 'true' })} danger />
        <Figure id="assessments" title={t('desk.assessmentsThisMonth')} value={d.assessmentsThisMonth} />
        <Figure id="visits" title={t('desk.visitsThisMonth')} value={d.visitsThisMonth} />
        <Figure id="urgentOverdue" title={t('desk.urgentOverdue')} value={d.urgentOverdue} to={followUps({ status: 'overdue' })} danger />
      </Row>
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('desk.byArea')}>
            <Table<A>
              size="small"
              rowKey="code"
              pagination={false}
              dataSource={d.children.filter((c) => c.registered > 0)}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: t('desk.area'), dataIndex: 'name' },
                {
                  title: t('desk.registered'),
                  dataIndex: 'registered',
                  align: 'right',
                  render: (n: number, a) => <Link to={residents({ area: a.code })}>{n}</Link>,
                },
                { title: t('desk.rate'), dataIndex: 'rate', align: 'right', render: (r: number) => `${pct(r)}%` },
                {
                  title: t('desk.overdue'),
                  dataIndex: 'overdue',
                  align: 'right',
                  render: (n: number, a) => (
                    <Link to={residents({ area: a.code, overdue: 'true' })} data-testid={`desk-overdue-${a.code}`}>
                      {n}
                    </Link>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <TrendChart area={d.area.code} height={240} />
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('desk.byCategory')}>
            {d.byCategory.map((c) => (
              <Typography.Paragraph key={c.code} style={{ marginBottom: 4 }}>
                <Link to={residents({ category: c.code })}>
                  {categories.labelOf(c.code)}: {c.count}
                </Link>
              </Typography.Paragraph>
            ))}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('desk.byCareLevel')}>
            {d.byCareLevel.map((c) => (
              <Typography.Paragraph key={c.level} style={{ marginBottom: 4 }}>
                <Link to={residents({ careLevel: c.level })}>
                  {t('res.careLevelN', { n: c.level })}: {c.count}
                </Link>
              </Typography.Paragraph>
            ))}
          </Card>
        </Col>
      </Row>
    </>
  );
}

export function Workbench() {
  const { t } = useI18n();
  const desk = useDashboard();
  const d = desk.data;
  return (
    <Card
      title={t('desk.title')}
      extra={
        d && (
          <Typography.Text type="secondary">
            {d.kind === 'area' ? t('desk.countedAt', { t: formatTime(d.computedAt) }) : t('desk.asOf', { d: d.asOf })}
          </Typography.Text>
        )
      }
      loading={desk.isPending}
      style={{ marginBottom: 16 }}
      data-testid="workbench"
    >
      {d?.kind === 'worker' && <WorkerDesk d={d} />}
      {d?.kind === 'station' && <StationDesk d={d} />}
      {d?.kind === 'area' && <AreaDesk d={d} />}
      {desk.isError && <Typography.Text type="danger">{desk.error.message}</Typography.Text>}
    </Card>
  );
}
