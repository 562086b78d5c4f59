// 小组成员: current members first with the sessions each attended, those who left marked; 添加成员
// (residents by search, others by name with an optional mobile) and 退出 (asked first).
import { useState } from 'react';
import { App, Button, Card, Form, Input, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { memberAdd } from '@wushe/core';
import { useAddMembers, useGroupMembers, useMemberLeaves, type GroupDetail, type GroupMember } from '../../api/groups.ts';
import { useProblem } from '../../api/forms.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { ResidentPicker } from './ResidentPicker.tsx';

interface Values {
  residentIds?: string[];
  others?: { name?: string; mobile?: string }[];
}

function AddMembers({ g, onClose }: { g: GroupDetail; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const add = useAddMembers(g.id);
  return (
    <FormDrawer<Values, typeof memberAdd, { items: GroupMember[] }>
      title={t('gr.addMembers')}
      form={form}
      schema={memberAdd}
      toInput={(v) => ({
        residentIds: v.residentIds ?? [],
        others: (v.others ?? []).filter((o) => o.name?.trim()).map((o) => ({ name: o.name ?? '', mobile: o.mobile ?? '' })),
      })}
      save={add}
      onClose={onClose}
    >
      <Form.Item label={t('gr.residents')} name="residentIds">
        <ResidentPicker />
      </Form.Item>
      <Typography.Text strong>{t('gr.others')}</Typography.Text>
      <Form.List name="others">
        {(fields, { add: more, remove }) => (
          <div style={{ marginTop: 8 }}>
            {fields.map((f, i) => (
              <Space key={f.key} align="start" wrap role="group" aria-label={`${t('gr.others')} ${i + 1}`}>
                <Form.Item name={[f.name, 'name']} aria-label={t('gr.otherName')}>
                  <Input placeholder={t('gr.otherName')} maxLength={40} style={{ width: 140 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'mobile']}>
                  <Input placeholder={t('gr.otherMobile')} maxLength={13} inputMode="tel" style={{ width: 200 }} />
                </Form.Item>
                <Button type="text" aria-label={t('delete')} icon={<MinusCircleOutlined aria-hidden />} onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => more({})}>
              {t('gr.addOther')}
            </Button>
          </div>
        )}
      </Form.List>
    </FormDrawer>
  );
}

export function MembersCard({ g, writable }: { g: GroupDetail; writable: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const members = useGroupMembers(g.id);
  const leave = useMemberLeaves(g.id);
  const showProblem = useProblem();
  const [adding, setAdding] = useState(false);
  const items = members.data?.items ?? [];
  return (
    <Card
      size="small"
      title={`${t('gr.members')}（${g.memberCount}）`}
      extra={
        writable && (
          <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
            {t('gr.addMembers')}
          </Button>
        )
      }
    >
      <List
        loading={members.isPending}
        dataSource={items}
        locale={{ emptyText: t('gr.membersNone') }}
        renderItem={(m) => (
          <List.Item
            actions={
              writable && !m.leftOn
                ? [
                    <Popconfirm
                      key="leave"
                      title={t('gr.leaveConfirm', { name: m.personName })}
                      okText={t('confirm')}
                      cancelText={t('cancel')}
                      onConfirm={() =>
                        leave.mutateAsync(m.id).then(
                          () => message.success(t('saved')),
                          (e: unknown) => showProblem(e),
                        )
                      }
                    >
                      <Button size="small" type="link">
                        {t('gr.leave')}
                      </Button>
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <Space wrap size={4}>
              <Typography.Text delete={!!m.leftOn}>{m.personName}</Typography.Text>
              {!m.residentId && <Tag>{t('gr.notRegistered')}</Tag>}
              {m.leftOn && <Tag>{t('gr.left')}</Tag>}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('gr.attended', { n: m.attended })}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      {adding && <AddMembers g={g} onClose={() => setAdding(false)} />}
    </Card>
  );
}
