// 报名与签到: sign up residents of the scope (searched by name) and others by name and mobile;
// the list to tick on the day (or afterwards), with how and when each was marked.
import { useState } from 'react';
import { App, Button, Card, Checkbox, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ResidentSummary } from '@wushe/core';
import { useAttendance, useChangeAttendance, type ActivityDetail, type AttendanceRowView } from '../../api/activities.ts';
import { useProblem } from '../../api/forms.ts';
import { searchResidents } from '../../api/residents.ts';
import { formatTime } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useActivityRights } from './tags.tsx';

export function AttendanceCard({ activity }: { activity: ActivityDetail }) {
  const { t } = useI18n();
  const { canWrite } = useActivityRights();
  const list = useAttendance(activity.id);
  const change = useChangeAttendance(activity.id);
  const showProblem = useProblem();
  const open = canWrite && activity.status !== 'cancelled';
  const data = list.data;

  const tick = (row: AttendanceRowView, present: boolean) =>
    change.mutate({ action: 'mark', attendanceId: row.id, present }, { onError: (e) => showProblem(e) });

  return (
    <Card
      title={t('act.attendance')}
      extra={
        data && (
          <Typography.Text data-testid="attendance-counts">
            {data.capacity
              ? t('act.countsCap', { signedUp: data.signedUp, capacity: data.capacity, present: data.present })
              : t('act.counts', { signedUp: data.signedUp, present: data.present })}
          </Typography.Text>
        )
      }
    >
      {open && <SignUp activityId={activity.id} />}
      <Table<AttendanceRowView>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('act.noAttendance') }}
        columns={[
          {
            title: t('act.col.present'),
            key: 'present',
            width: 60,
            render: (_, r) => (
              <Checkbox
                aria-label={`${t('act.col.present')} ${r.personName}`}
                checked={!!r.attendedAt}
                disabled={!canWrite || change.isPending}
                onChange={(e) => tick(r, e.target.checked)}
              />
            ),
          },
          {
            title: t('act.col.person'),
            dataIndex: 'personName',
            key: 'personName',
            render: (name: string, r) => (
              <Space size={4} wrap>
                {name}
                {r.residentId ? <Tag color="blue">{t('act.resident')}</Tag> : !r.signedUpAt && <Tag>{t('act.walkIn')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('act.col.method'),
            dataIndex: 'method',
            key: 'method',
            render: (m: AttendanceRowView['method']) =>
              m ? <Tag color={m === 'qr' ? 'green' : undefined}>{t(`act.method.${m}`)}</Tag> : '—',
          },
          { title: t('act.col.at'), dataIndex: 'attendedAt', key: 'attendedAt', render: (v: string | null) => (v ? formatTime(v) : '—') },
        ]}
      />
    </Card>
  );
}

/** Residents by search, or someone else by name (and mobile): signed up, or recorded present at once. */
function SignUp({ activityId }: { activityId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showProblem = useProblem();
  const change = useChangeAttendance(activityId);
  const [options, setOptions] = useState<ResidentSummary[]>([]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [form] = Form.useForm<{ name: string; mobile?: string }>();

  const search = async (q: string) => {
    if (!q.trim()) return setOptions([]);
    const res = await searchResidents(q.trim());
    setOptions(res.items);
  };
  const send = (
    action: 'signUp' | 'present',
    body: { residentIds?: string[]; others?: { name: string; mobile?: string }[] },
    done: () => void,
  ) =>
    change.mutate(
      { action, residentIds: body.residentIds ?? [], others: body.others ?? [] },
      {
        onSuccess: () => {
          message.success(t('act.signedUp'));
          done();
        },
        onError: (e) => showProblem(e, form),
      },
    );

  return (
    <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }}>
      <Space.Compact style={{ width: '100%' }}>
        <Select
          mode="multiple"
          aria-label={t('act.signUpResidents')}
          placeholder={t('act.residentSearch')}
          showSearch={{ filterOption: false, onSearch: (q) => void search(q) }}
          value={chosen}
          onChange={setChosen}
          options={options.map((r) => ({ value: r.id, label: `${r.name}（${r.areaName}）` }))}
          style={{ flex: 1, minWidth: 0 }}
        />
        <Button
          type="primary"
          disabled={!chosen.length}
          loading={change.isPending}
          onClick={() => send('signUp', { residentIds: chosen }, () => setChosen([]))}
        >
          {t('act.signUp')}
        </Button>
      </Space.Compact>
      <Form form={form} layout="inline" style={{ rowGap: 8 }} onFinish={(v) => send('signUp', { others: [v] }, () => form.resetFields())}>
        <Form.Item name="name" rules={[{ required: true, whitespace: true, message: t('field.required') }]} style={{ marginInlineEnd: 8 }}>
          <Input aria-label={t('act.otherName')} placeholder={t('act.otherName')} maxLength={30} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="mobile" style={{ marginInlineEnd: 8 }}>
          <Input
            aria-label={t('act.otherMobile')}
            placeholder={t('act.otherMobile')}
            inputMode="tel"
            maxLength={11}
            style={{ width: 150 }}
          />
        </Form.Item>
        <Space wrap>
          <Button htmlType="submit">{t('act.signUpOther')}</Button>
          <Button onClick={() => form.validateFields().then((v) => send('present', { others: [v] }, () => form.resetFields()))}>
            {t('act.addPresent')}
          </Button>
        </Space>
      </Form>
    </Space>
  );
}
